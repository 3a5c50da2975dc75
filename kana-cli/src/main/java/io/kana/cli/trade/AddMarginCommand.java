package io.kana.cli.trade;

import io.kana.core.trading.KanaTrader;
import picocli.CommandLine.Command;

/** {@code kana add-margin}. */
@Command(name = "add-margin", mixinStandardHelpOptions = true, sortOptions = false, description = "Add VALUE USDC of margin to a position (lowers its liquidation price).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar add-margin --market 1338 --side long 10")
public final class AddMarginCommand extends PositionWrite {

    public AddMarginCommand() {
        super("add margin", KanaTrader::addMargin);
    }
}
