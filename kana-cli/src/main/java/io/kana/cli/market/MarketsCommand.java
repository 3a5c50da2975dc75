package io.kana.cli.market;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.PerpetualAssetInfo;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code kana markets}: every perpetual market the trade API lists. */
@Command(name = "markets", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the perpetual markets.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar markets --json")
public final class MarketsCommand extends KanaCommand {

    @Override
    protected int execute() {
        try (KanaClient client = readClient()) {
            List<PerpetualAssetInfo> markets = client.markets().allPerpetualAssets();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) Fields.of(markets);
            print(Map.of("markets", markets), new Table().column("MARKET", "marketId").column("NAME", "baseName")
                    .column("MAX LEVERAGE", "maxLeverage").column("LOT SIZE", "lotSize").column("TICK SIZE", "tickSize")
                    .column("MIN LOTS", "minLots").column("STATUS", "marketStatus")
                    .render(rows, "No markets listed."));
        }
        return ExitCodes.OK;
    }
}
