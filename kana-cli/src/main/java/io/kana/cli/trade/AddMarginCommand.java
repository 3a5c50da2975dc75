package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kana add-margin}. */
@Command(name = "add-margin", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add USDC margin to a position (lowers its liquidation price).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar add-margin --market 1338 --side long 10")
public final class AddMarginCommand extends WriteCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Option(names = "--side", required = true, paramLabel = "SIDE", description = "the position's side: long or short")
    private Side side;

    @Parameters(index = "0", paramLabel = "AMOUNT", description = "USDC to add")
    private BigDecimal value;

    @Override
    protected void validate() {
        positive(value, "AMOUNT");
    }

    @Override
    protected String describe() {
        return "add " + value.toPlainString() + " USDC margin to the " + side.name().toLowerCase() + " position in market " + market;
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().addMargin(MarketId.of(market), side, value)));
    }
}
