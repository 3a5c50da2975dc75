package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** A write on a whole market's positions with no other input: {@code collapse}, {@code settle}. */
abstract class MarketWrite extends WriteCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    private final String action;
    private final BiFunction<KanaTrader, MarketId, CompletableFuture<TradeResult>> send;

    MarketWrite(String action, BiFunction<KanaTrader, MarketId, CompletableFuture<TradeResult>> send) {
        this.action = action;
        this.send = send;
    }

    @Override
    protected final String describe() {
        return action + " in market " + market;
    }

    @Override
    protected final List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(send.apply(client.trader(), MarketId.of(market))));
    }
}
