package io.kana.cli.trade;

import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.OrderSpec;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import picocli.CommandLine.Command;

/** {@code kana place-market}: one market order. */
@Command(name = "place-market", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Place a market order (fills against the book now); prints the committed transaction's hash,"
                + " the order id and what filled.",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar place-market --market 1338 --side short --size 1 --leverage 2")
public final class PlaceMarketCommand extends PlaceOrderCommand {

    @Override
    protected String describe() {
        return order.describe("place a market");
    }

    @Override
    OrderSpec spec() {
        return OrderSpec.market(order.side, order.direction, order.size, order.leverage);
    }

    @Override
    TradeResult send(KanaTrader trader, MarketId market) {
        MarketOrderRequest request = MarketOrderRequest.of(market, order.side, order.direction, order.size,
                order.leverage);
        if (order.takeProfit != null) {
            request = request.withTakeProfit(order.takeProfit);
        }
        if (order.stopLoss != null) {
            request = request.withStopLoss(order.stopLoss);
        }
        return KanaTrader.join(trader.placeMarketOrder(request));
    }
}
