package io.kana.cli.trade;

import io.kana.core.trading.KanaTrader;
import picocli.CommandLine.Command;

/** {@code kana settle}. */
@Command(name = "settle", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Settle the realised profit and loss of a market into the trading balance.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar settle --market 1338")
public final class SettleCommand extends MarketWrite {

    public SettleCommand() {
        super("settle the PnL", KanaTrader::settlePnl);
    }
}
