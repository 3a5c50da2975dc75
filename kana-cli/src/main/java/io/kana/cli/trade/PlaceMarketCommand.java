package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kana place-market}: one market order. */
@Command(name = "place-market", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Place a market order (fills against the book now); prints the committed transaction's hash.",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar place-market --market 1338 --side short --size 1 --leverage 2")
public final class PlaceMarketCommand extends WriteCommand {

    @Mixin
    private OrderOptions order;

    @Override
    protected void validate() {
        order.validate();
    }

    @Override
    protected String describe() {
        return order.describe("place a market");
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        MarketOrderRequest request = MarketOrderRequest.of(MarketId.of(order.market), order.side, order.direction,
                order.size, order.leverage);
        if (order.takeProfit != null) {
            request = request.withTakeProfit(order.takeProfit);
        }
        if (order.stopLoss != null) {
            request = request.withStopLoss(order.stopLoss);
        }
        return List.of(KanaTrader.join(client.trader().placeMarketOrder(request)));
    }
}
