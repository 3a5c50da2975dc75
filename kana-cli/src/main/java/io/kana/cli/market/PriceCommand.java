package io.kana.cli.market;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kana price ID}: best bid and ask, mid, spread and the last execution price. */
@Command(name = "price", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show a market's best bid and ask, mid, spread and last execution price (USDC).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar price 1338 --json")
public final class PriceCommand extends KanaCommand {

    @Parameters(index = "0", paramLabel = "MARKET_ID", description = "the market id, e.g. 1338")
    private long market;

    @Override
    protected int execute() {
        try (KanaClient client = readClient()) {
            MarketId id = MarketId.of(market);
            MarketPrice price = client.markets().marketPrice(id);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("marketId", id);
            document.put("bestBid", price.bestBid());
            document.put("bestAsk", price.bestAsk());
            document.put("mid", price.mid());
            document.put("spread", price.spread());
            document.put("lastExecutionPrice", client.markets().lastExecutionPrice(id));
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) Fields.of(document);
            print(document, Table.pairs(shown));
        }
        return ExitCodes.OK;
    }
}
