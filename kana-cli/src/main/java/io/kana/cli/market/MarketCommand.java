package io.kana.cli.market;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketRules;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kana market ID}: one market's rules in coins and USDC. */
@Command(name = "market", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show one market: its rules in coins and USDC (size and price increments, min and max size)"
                + " and its raw fields.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar market 1338")
public final class MarketCommand extends KanaCommand {

    @Parameters(index = "0", paramLabel = "MARKET_ID", description = "the market id, e.g. 1338")
    private long market;

    @Override
    protected int execute() {
        try (KanaClient client = readClient()) {
            Market found = client.markets().market(MarketId.of(market));
            MarketRules rules = MarketRules.of(found);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("marketId", found.id());
            document.put("baseName", found.baseName());
            document.put("sizeIncrement", found.sizeIncrement());
            document.put("priceIncrement", rules.priceIncrement());
            document.put("minSize", rules.minSize());
            document.put("maxSize", rules.maxSize());
            document.put("maxLeverage", found.maxLeverage());
            document.put("market", found);
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = new LinkedHashMap<>((Map<String, Object>) Fields.of(document));
            shown.remove("market");
            print(document, Table.pairs(shown));
        }
        return ExitCodes.OK;
    }
}
