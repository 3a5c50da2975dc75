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

/** {@code kana tp}. */
@Command(name = "tp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Set the take-profit trigger price of a position.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar tp --market 1338 --side long 6.2")
public final class TakeProfitCommand extends WriteCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Option(names = "--side", required = true, paramLabel = "SIDE", description = "the position's side: long or short")
    private Side side;

    @Parameters(index = "0", paramLabel = "PRICE", description = "trigger price in USDC")
    private BigDecimal value;

    @Override
    protected void validate() {
        positive(value, "PRICE");
    }

    @Override
    protected String describe() {
        return "set the take-profit of the " + side.name().toLowerCase() + " position in market " + market + " to " + value.toPlainString();
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().updateTakeProfit(MarketId.of(market), side, value)));
    }
}
