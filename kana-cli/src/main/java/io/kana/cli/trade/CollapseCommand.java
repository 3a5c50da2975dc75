package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana collapse}. */
@Command(name = "collapse", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Collapse the long and short positions of a market into one net position.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar collapse --market 1338")
public final class CollapseCommand extends WriteCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Override
    protected String describe() {
        return "collapse the positions in market " + market;
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().collapsePosition(MarketId.of(market))));
    }
}
