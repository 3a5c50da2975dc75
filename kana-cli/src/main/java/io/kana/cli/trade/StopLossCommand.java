package io.kana.cli.trade;

import io.kana.core.trading.KanaTrader;
import picocli.CommandLine.Command;

/** {@code kana sl}. */
@Command(name = "sl", mixinStandardHelpOptions = true, sortOptions = false, description = "Set the stop-loss trigger price (VALUE, USDC) of a position.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar sl --market 1338 --side long 5.1")
public final class StopLossCommand extends PositionWrite {

    public StopLossCommand() {
        super("set the stop-loss", KanaTrader::updateStopLoss);
    }
}
