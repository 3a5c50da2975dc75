package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kana funding}: funding paid and received by the wallet's positions. */
@Command(name = "funding", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the funding payments of the wallet's positions (rate, amount, position size).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar funding --market 1338 --limit 10")
public final class FundingCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    @Mixin
    private PageOptions page;

    @Override
    protected int execute() {
        var wallet = wallet();
        var request = page.request();
        try (KanaClient client = readClient()) {
            printList("funding", client.accounts().fundingHistory(wallet, market == null ? null : MarketId.of(market),
                    request), new Table().column("MARKET", "marketId").column("SIDE", "side")
                    .column("RATE", "fundingRate").column("AMOUNT", "amount").column("POSITION", "positionSize")
                    .column("TIME", "timestamp"), "No funding payments.");
        }
        return ExitCodes.OK;
    }
}
