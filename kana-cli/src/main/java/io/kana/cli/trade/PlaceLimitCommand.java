package io.kana.cli.trade;

import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.Restriction;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana place-limit}: one limit order. */
@Command(name = "place-limit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Place a limit order; prints the committed transaction's hash, the order id and what filled"
                + " at once.",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar place-limit --market 1338 --side long --size 1.5 --price 5.7 --json")
public final class PlaceLimitCommand extends PlaceOrderCommand {

    @Option(names = "--price", required = true, paramLabel = "PRICE", description = "limit price in USDC")
    private BigDecimal price;

    @Option(names = "--restriction", paramLabel = "R", defaultValue = "no_restriction",
            description = "no_restriction (default), post_or_abort or fill_or_abort")
    private Restriction restriction;

    @Override
    protected void validate() {
        super.validate();
        positive(price, "--price");
    }

    @Override
    protected String describe() {
        return order.describe("place a limit " + (restriction == Restriction.NO_RESTRICTION ? "" : restriction + " "))
                + " at " + price.toPlainString();
    }

    @Override
    OrderSpec spec() {
        return OrderSpec.limit(order.side, order.direction, order.size, price, order.leverage);
    }

    @Override
    TradeResult send(KanaTrader trader, MarketId market) {
        LimitOrderRequest request = LimitOrderRequest.of(market, order.side, order.direction, order.size, price,
                order.leverage).withRestriction(restriction);
        if (order.takeProfit != null) {
            request = request.withTakeProfit(order.takeProfit);
        }
        if (order.stopLoss != null) {
            request = request.withStopLoss(order.stopLoss);
        }
        return KanaTrader.join(trader.placeLimitOrder(request));
    }
}
