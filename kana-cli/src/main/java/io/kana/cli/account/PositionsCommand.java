package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana positions}. */
@Command(name = "positions", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the wallet's open positions with entry and liquidation prices, margin and triggers.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar positions --market 1338")
public final class PositionsCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    @Override
    protected int execute() {
        var wallet = wallet();
        try (KanaClient client = readClient()) {
            printList("positions", client.positions().positions(wallet, market == null ? null : MarketId.of(market)),
                    new Table().column("MARKET", "marketId").column("SIDE", "side").column("SIZE", "size")
                            .column("ENTRY", "entryPrice").column("LIQUIDATION", "liquidationPrice")
                            .column("MARGIN", "margin").column("LEVERAGE", "leverage")
                            .column("TAKE PROFIT", "takeProfit").column("STOP LOSS", "stopLoss"),
                    "No open positions.");
        }
        return ExitCodes.OK;
    }
}
