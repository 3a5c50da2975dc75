package io.kana.cli.trade;

import io.kana.core.trading.KanaTrader;
import picocli.CommandLine.Command;

/** {@code kana collapse}. */
@Command(name = "collapse", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Collapse the long and short positions of a market into one net position.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar collapse --market 1338")
public final class CollapseCommand extends MarketWrite {

    public CollapseCommand() {
        super("collapse the positions", KanaTrader::collapsePosition);
    }
}
