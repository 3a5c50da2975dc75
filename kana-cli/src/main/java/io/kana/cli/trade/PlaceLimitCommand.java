package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Restriction;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kana place-limit}: one limit order. */
@Command(name = "place-limit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Place a limit order; prints the committed transaction's hash.",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar place-limit --market 1338 --side long --size 1.5 --price 5.7 --json")
public final class PlaceLimitCommand extends WriteCommand {

    @Mixin
    private OrderOptions order;

    @Option(names = "--price", required = true, paramLabel = "PRICE", description = "limit price in USDC")
    private BigDecimal price;

    @Option(names = "--restriction", paramLabel = "R", defaultValue = "no_restriction",
            description = "no_restriction (default), post_or_abort or fill_or_abort")
    private Restriction restriction;

    @Override
    protected void validate() {
        order.validate();
        positive(price, "--price");
    }

    @Override
    protected String describe() {
        return order.describe("place a limit " + (restriction == Restriction.NO_RESTRICTION ? "" : restriction + " "))
                + " at " + price.toPlainString();
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        LimitOrderRequest request = LimitOrderRequest.of(MarketId.of(order.market), order.side, order.direction,
                order.size, price, order.leverage).withRestriction(restriction);
        if (order.takeProfit != null) {
            request = request.withTakeProfit(order.takeProfit);
        }
        if (order.stopLoss != null) {
            request = request.withStopLoss(order.stopLoss);
        }
        return List.of(KanaTrader.join(client.trader().placeLimitOrder(request)));
    }
}
