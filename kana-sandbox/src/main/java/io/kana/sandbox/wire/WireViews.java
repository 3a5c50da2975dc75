package io.kana.sandbox.wire;

import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.History.Execution;
import io.kana.sandbox.exchange.LiveOrder;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.exchange.PositionState;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read endpoints' JSON objects (docs/wire-contract.md shapes, snake_case): u64 ids as strings, decimals as
 * strings. Orders and trades carry no {@code trade_side}, as the live API's do not; their side is in
 * {@code order_type} (see {@link LiveOrder#orderType()}). Positions, fills and funding keep it.
 */
public final class WireViews {

    private WireViews() {}

    public static Map<String, Object> market(MarketState market) {
        MarketSpec spec = market.spec;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__variant__", "V1");
        m.put("base_decimals", spec.baseDecimals());
        m.put("base_name", spec.baseName());
        m.put("counter", Long.toString(market.ordersPlaced));
        m.put("creator", MarketSpec.CREATOR);
        m.put("custodian_id", spec.custodianId());
        m.put("fee_address", MarketSpec.FEE_ADDRESS);
        m.put("is_recognised", false);
        m.put("lot_size", Long.toString(spec.lotSize()));
        m.put("maintenance_margin", Long.toString(spec.maintenanceMarginBps()));
        m.put("market_address", spec.marketAddress());
        m.put("market_id", Long.toString(spec.marketId()));
        m.put("market_status", 1);
        m.put("max_leverage", Integer.toString(spec.maxLeverage()));
        m.put("max_lots", Long.toString(spec.maxLots()));
        m.put("max_position_value", spec.maxPositionValue());
        m.put("min_lots", Long.toString(spec.minLots()));
        m.put("quote_decimals", spec.quoteDecimals());
        m.put("quote_precision", spec.quotePrecision());
        m.put("tick_size", Long.toString(spec.tickSize()));
        m.put("timestamp", MarketSpec.CREATED_AT);
        m.put("underwriter_id", spec.underwriterId());
        return m;
    }

    public static Map<String, Object> marketPrice(MarketState market) {
        Long ask = market.book.bestAsk();
        Long bid = market.book.bestBid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bestAskPrice", ask == null ? null : market.spec.price(ask));
        m.put("bestBidPrice", bid == null ? null : market.spec.price(bid));
        return m;
    }

    public static Map<String, Object> order(MarketSpec spec, LiveOrder o) {
        BigDecimal price;
        long value;
        if (o.market) {
            price = o.filled == 0 ? BigDecimal.ZERO : spec.averagePrice(o.filledNotional, o.filled);
            value = o.filledNotional;
        } else {
            price = spec.price(o.priceTicks);
            value = spec.notional(o.lots, o.priceTicks);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", o.owner);
        m.put("market_id", Long.toString(o.marketId));
        m.put("order_id", o.id.toString());
        m.put("order_type", o.orderType());
        m.put("is_market_order", o.market);
        m.put("direction", o.close);
        m.put("price", text(price));
        m.put("total_size", text(spec.size(o.lots)));
        m.put("remaining_size", text(spec.size(o.open ? o.remaining : 0)));
        m.put("size", text(spec.size(o.lots)));
        m.put("total_filled", text(spec.size(o.filled)));
        m.put("order_value", text(spec.quote(value)));
        m.put("leverage", o.leverage);
        m.put("status", o.status());
        m.put("timestamp", o.createdAt);
        m.put("last_updated", o.updatedAt);
        m.put("trade_id", o.tradeId);
        m.put("transaction_version", o.version);
        return m;
    }

    public static Map<String, Object> position(MarketSpec spec, PositionState p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", p.owner);
        m.put("market_id", Long.toString(p.marketId));
        m.put("leverage", p.leverage);
        m.put("trade_side", p.tradeSide);
        m.put("size", text(spec.size(p.lots)));
        m.put("available_order_size", text(spec.size(p.lots - p.closingLots)));
        m.put("value", text(spec.quote(p.cost)));
        m.put("entry_price", text(spec.averagePrice(p.cost, p.lots)));
        m.put("liq_price", text(spec.liquidationPrice(p.tradeSide, p.cost, p.margin, p.lots)));
        m.put("margin", text(spec.quote(p.margin)));
        m.put("tp", p.takeProfitTicks == 0 ? null : text(spec.price(p.takeProfitTicks)));
        m.put("sl", p.stopLossTicks == 0 ? null : text(spec.price(p.stopLossTicks)));
        m.put("trade_id", p.tradeId);
        m.put("last_updated", p.updatedAt);
        m.put("transaction_version", p.version);
        return m;
    }

    public static Map<String, Object> fill(MarketSpec spec, Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", e.profile());
        m.put("market_id", Long.toString(e.marketId()));
        m.put("order_id", e.orderId().toString());
        m.put("trade_side", e.tradeSide());
        m.put("price", text(spec.price(e.ticks())));
        m.put("size", text(spec.size(e.lots())));
        m.put("fee", text(spec.quote(e.fee())));
        m.put("is_maker", e.maker());
        m.put("trade_id", e.tradeId());
        m.put("timestamp", e.timestamp());
        m.put("transaction_version", e.version());
        return m;
    }

    public static Map<String, Object> trade(MarketSpec spec, Execution e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", e.profile());
        m.put("market_id", Long.toString(e.marketId()));
        m.put("order_id", e.orderId().toString());
        m.put("order_type", e.orderType());
        m.put("price", text(spec.price(e.ticks())));
        m.put("size", text(spec.size(e.lots())));
        m.put("order_value", text(spec.quote(spec.notional(e.lots(), e.ticks()))));
        m.put("leverage", e.leverage());
        m.put("pnl", text(spec.quote(e.pnl())));
        m.put("fee", text(spec.quote(e.fee())));
        m.put("entry_price", e.entryPrice() == null ? null : text(e.entryPrice()));
        m.put("trade_id", e.tradeId());
        m.put("timestamp", e.timestamp());
        m.put("last_updated", e.timestamp());
        m.put("transaction_version", e.version());
        return m;
    }

    public static Map<String, Object> funding(MarketSpec spec, History.Funding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", f.profile());
        m.put("market_id", Long.toString(f.marketId()));
        m.put("trade_side", f.tradeSide());
        m.put("funding_rate", text(MarketSpec.plain(f.rate())));
        m.put("amount", text(spec.quote(f.amount())));
        m.put("size", text(spec.size(f.lots())));
        m.put("timestamp", f.timestamp());
        m.put("transaction_version", f.version());
        return m;
    }

    public static Map<String, Object> transfer(int quoteDecimals, History.Transfer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", t.profile());
        m.put("amount", text(MarketSpec.plain(BigDecimal.valueOf(t.units(), quoteDecimals))));
        m.put("is_deposit", t.deposit());
        m.put("timestamp", t.timestamp());
        m.put("last_updated", t.timestamp());
        m.put("transaction_version", t.version());
        return m;
    }

    private static String text(BigDecimal value) {
        return value.toPlainString();
    }
}
