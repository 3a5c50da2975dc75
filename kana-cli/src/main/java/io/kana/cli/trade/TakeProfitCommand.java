package io.kana.cli.trade;

import io.kana.core.trading.KanaTrader;
import picocli.CommandLine.Command;

/** {@code kana tp}. */
@Command(name = "tp", mixinStandardHelpOptions = true, sortOptions = false, description = "Set the take-profit trigger price (VALUE, USDC) of a position.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar tp --market 1338 --side long 6.2")
public final class TakeProfitCommand extends PositionWrite {

    public TakeProfitCommand() {
        super("set the take-profit", KanaTrader::updateTakeProfit);
    }
}
