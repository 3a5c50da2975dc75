package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana settle}. */
@Command(name = "settle", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Settle the realised profit and loss of a market into the trading balance.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar settle --market 1338")
public final class SettleCommand extends WriteCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Override
    protected String describe() {
        return "settle the PnL in market " + market;
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().settlePnl(MarketId.of(market))));
    }
}
