package io.kana.core.trading;

import static io.kana.core.trading.Checks.required;

import io.kana.core.contract.OperationContract;
import io.kana.core.contract.Parameter;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.OrderType;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What each write operation's request means to the contract: its values by source name (the names of
 * the contract's grammar, defined here together with the values), the market whose rules scale them,
 * and the trade-API call that fetches its payload. New orders pass the {@link OrderGate} here, before
 * anything is asked of a port.
 */
final class RequestValues {

    // Source names of the contract's grammar that several operations offer.
    private static final String SENDER = "sender";
    private static final String MARKET_ID = "marketId";
    private static final String SIDE = "side";
    private static final String DIRECTION = "direction";
    private static final String SIZE = "size@lots";
    private static final String PRICE = "price@ticks";
    private static final String LEVERAGE = "leverage";
    private static final String RESTRICTION = "restriction";
    private static final String TAKE_PROFIT = "takeProfit@triggerTicks";
    private static final String STOP_LOSS = "stopLoss@triggerTicks";
    private static final String AMOUNT = "amount@quoteUnits";

    private final TransactionPayloads payloads;
    private final TransactionSubmitter submitter;
    private final OrderGate gate;
    private final int collateralDecimals;

    RequestValues(TransactionPayloads payloads, TransactionSubmitter submitter, OrderGate gate,
            int collateralDecimals) {
        this.payloads = payloads;
        this.submitter = submitter;
        this.gate = gate;
        this.collateralDecimals = collateralDecimals;
    }

    /**
     * What an operation needs once its request is known to be well formed.
     *
     * @param marketId the market whose rules apply, or null (deposit)
     * @param values   the request's values by source name (see the contract's grammar), scaled by the
     *                 market's rules (given null for a deposit); throws {@link InvalidRequestException}
     *                 for bad input
     * @param fetch    fetches the payload from the trade API (blocking)
     */
    record Plan(MarketId marketId, Function<MarketRules, Map<String, Object>> values,
            Supplier<EntryFunctionPayload> fetch) {

        /** The arguments the contract's parameters ask for, in order, scaled by {@code rules}. */
        List<Object> arguments(OperationContract operation, MarketRules rules) {
            Map<String, Object> bySource = values.apply(rules);
            List<Object> expected = new ArrayList<>(operation.parameters().size());
            for (Parameter parameter : operation.parameters()) {
                Object value = bySource.get(parameter.qualifiedSource());
                if (value == null) {
                    // The contract's parser admits only the sources each operation's request offers.
                    throw new IllegalStateException(operation.operation() + " offers no " + parameter.qualifiedSource());
                }
                expected.add(value);
            }
            return expected;
        }
    }

    /** The trading wallet. */
    AccountAddress sender() {
        return submitter.sender();
    }

    Plan deposit(BigDecimal amount) {
        AccountAddress wallet = submitter.sender();
        return new Plan(null, r -> Map.of(SENDER, wallet, AMOUNT, MarketRules.quoteUnits(amount, collateralDecimals)),
                () -> payloads.deposit(wallet, amount));
    }

    Plan withdraw(MarketId marketId, BigDecimal amount) {
        AccountAddress wallet = submitter.sender();
        return new Plan(required(marketId, "marketId"), r -> Map.of(SENDER, wallet, MARKET_ID, id(marketId),
                AMOUNT, r.quoteUnits(amount)), () -> payloads.withdraw(wallet, marketId, amount));
    }

    Plan placeLimitOrder(LimitOrderRequest request) {
        required(request, "request");
        gate.admit(List.of(new OrderGate.NewOrder(request.marketId(), request.side(), request.direction(),
                request.size(), request.price())));
        return onMarket(request.marketId(), (r, values) -> {
            r.checkLeverage(request.leverage());
            values.put(SIDE, request.side().tradeSide());
            values.put(DIRECTION, request.direction().wireValue());
            values.put(SIZE, r.lots(request.size()));
            values.put(PRICE, r.ticks(request.price()));
            values.put(LEVERAGE, request.leverage());
            values.put(RESTRICTION, request.restriction().code());
            values.put(TAKE_PROFIT, r.triggerTicks("takeProfit", request.takeProfit()));
            values.put(STOP_LOSS, r.triggerTicks("stopLoss", request.stopLoss()));
        }, () -> payloads.placeLimitOrder(request));
    }

    Plan placeMarketOrder(MarketOrderRequest request) {
        required(request, "request");
        gate.admit(List.of(new OrderGate.NewOrder(request.marketId(), request.side(), request.direction(),
                request.size(), null)));
        return onMarket(request.marketId(), (r, values) -> {
            r.checkLeverage(request.leverage());
            values.put(SIDE, request.side().tradeSide());
            values.put(DIRECTION, request.direction().wireValue());
            values.put(SIZE, r.lots(request.size()));
            values.put(LEVERAGE, request.leverage());
            values.put(TAKE_PROFIT, r.triggerTicks("takeProfit", request.takeProfit()));
            values.put(STOP_LOSS, r.triggerTicks("stopLoss", request.stopLoss()));
        }, () -> payloads.placeMarketOrder(request));
    }

    Plan placeMultipleOrders(MultipleOrdersRequest request) {
        gate.admit(OrderGate.newOrders(required(request, "request").marketId(), request.orders()));
        return onMarket(request.marketId(), (r, values) -> batch(values, r, request.orders(), request.restriction()),
                () -> payloads.placeMultipleOrders(request));
    }

    Plan cancelMultipleOrders(CancelOrdersRequest request) {
        return onMarket(required(request, "request").marketId(), (r, values) -> cancellations(values, request.orders()),
                () -> payloads.cancelMultipleOrders(request));
    }

    Plan cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request) {
        gate.admit(OrderGate.newOrders(required(request, "request").marketId(), request.toPlace()));
        return onMarket(request.marketId(), (r, values) -> {
            cancellations(values, request.toCancel());
            batch(values, r, request.toPlace(), request.restriction());
        }, () -> payloads.cancelAndPlaceMultipleOrders(request));
    }

    Plan updateTakeProfit(MarketId marketId, Side side, BigDecimal price) {
        return onPosition(marketId, side, TAKE_PROFIT, r -> r.triggerTicks("takeProfit", required(price, "takeProfit")),
                () -> payloads.updateTakeProfit(marketId, side, price));
    }

    Plan updateStopLoss(MarketId marketId, Side side, BigDecimal price) {
        return onPosition(marketId, side, STOP_LOSS, r -> r.triggerTicks("stopLoss", required(price, "stopLoss")),
                () -> payloads.updateStopLoss(marketId, side, price));
    }

    Plan addMargin(MarketId marketId, Side side, BigDecimal amount) {
        return onPosition(marketId, side, AMOUNT, r -> r.quoteUnits(amount),
                () -> payloads.addMargin(marketId, side, amount));
    }

    Plan collapsePosition(MarketId marketId) {
        return onMarket(required(marketId, "marketId"), (r, values) -> { }, () -> payloads.collapsePosition(marketId));
    }

    Plan settlePnl(MarketId marketId) {
        AccountAddress wallet = submitter.sender();
        return onMarket(required(marketId, "marketId"), (r, values) -> { }, () -> payloads.settlePnl(wallet, marketId));
    }

    /** An operation on the position on {@code side}: the sender, the market, the side and one value more. */
    private Plan onPosition(MarketId marketId, Side side, String source, Function<MarketRules, Object> value,
            Supplier<EntryFunctionPayload> fetch) {
        return onMarket(required(marketId, "marketId"), (r, values) -> {
            values.put(SIDE, required(side, "side").tradeSide());
            values.put(source, value.apply(r));
        }, fetch);
    }

    /**
     * An operation in one market: the sender and the market, the values every operation but a deposit
     * offers, and what {@code more} adds once the market's rules are known.
     */
    private Plan onMarket(MarketId marketId, BiConsumer<MarketRules, Map<String, Object>> more,
            Supplier<EntryFunctionPayload> fetch) {
        return new Plan(marketId, r -> {
            Map<String, Object> values = new HashMap<>();
            values.put(SENDER, submitter.sender());
            values.put(MARKET_ID, id(marketId));
            more.accept(r, values);
            return values;
        }, fetch);
    }

    /** The {@code orders.*} vectors of a batch, one element per order, and the batch's restriction. */
    private static void batch(Map<String, Object> values, MarketRules rules, List<OrderSpec> orders,
            Restriction restriction) {
        List<Object> types = new ArrayList<>();
        List<Object> sides = new ArrayList<>();
        List<Object> directions = new ArrayList<>();
        List<Object> sizes = new ArrayList<>();
        List<Object> prices = new ArrayList<>();
        List<Object> leverages = new ArrayList<>();
        List<Object> restrictions = new ArrayList<>();
        List<Object> takeProfits = new ArrayList<>();
        List<Object> stopLosses = new ArrayList<>();
        for (OrderSpec order : orders) {
            rules.checkLeverage(order.leverage());
            types.add(order.type().wireValue());
            sides.add(order.side().tradeSide());
            directions.add(order.direction().wireValue());
            sizes.add(rules.lots(order.size()));
            // A market order's price is zero (none); a limit order's must be a whole number of ticks.
            prices.add(order.type() == OrderType.LIMIT ? rules.ticks(order.price())
                    : rules.triggerTicks("price", order.price()));
            leverages.add(order.leverage());
            restrictions.add(restriction.code());
            takeProfits.add(rules.triggerTicks("takeProfit", order.takeProfit()));
            stopLosses.add(rules.triggerTicks("stopLoss", order.stopLoss()));
        }
        values.put(RESTRICTION, restriction.code());
        values.put("orders.type", types);
        values.put("orders." + SIDE, sides);
        values.put("orders." + DIRECTION, directions);
        values.put("orders." + SIZE, sizes);
        values.put("orders." + PRICE, prices);
        values.put("orders." + LEVERAGE, leverages);
        values.put("orders." + RESTRICTION, restrictions);
        values.put("orders." + TAKE_PROFIT, takeProfits);
        values.put("orders." + STOP_LOSS, stopLosses);
    }

    private static void cancellations(Map<String, Object> values, List<OrderToCancel> orders) {
        List<Object> ids = new ArrayList<>();
        List<Object> sides = new ArrayList<>();
        for (OrderToCancel order : orders) {
            ids.add(order.orderId().value());
            sides.add(order.side().tradeSide());
        }
        values.put("cancels.orderId", ids);
        values.put("cancels." + SIDE, sides);
    }

    private static BigInteger id(MarketId marketId) {
        return BigInteger.valueOf(marketId.value());
    }
}
