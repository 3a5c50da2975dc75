package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A write on one side's position of a market with one positive value: {@code tp}, {@code sl}, {@code add-margin}. */
abstract class PositionWrite extends WriteCommand {

    /** One of the trader's position writes. */
    interface Send {
        CompletableFuture<TradeResult> to(KanaTrader trader, MarketId market, Side side, BigDecimal value);
    }

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Option(names = "--side", required = true, paramLabel = "SIDE", description = "the position's side: long or short")
    private Side side;

    @Parameters(index = "0", paramLabel = "VALUE", description = "the trigger price (tp, sl) or the USDC amount (add-margin)")
    private BigDecimal value;

    private final String action;
    private final Send send;

    /** @param action what the write does to the position, e.g. {@code set the take-profit} */
    PositionWrite(String action, Send send) {
        this.action = action;
        this.send = send;
    }

    @Override
    protected final void validate() {
        positive(value, "VALUE");
    }

    @Override
    protected final String describe() {
        return action + " (" + value.toPlainString() + ") of the " + side.name().toLowerCase()
                + " position in market " + market;
    }

    @Override
    protected final List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(send.to(client.trader(), MarketId.of(market), side, value)));
    }
}
