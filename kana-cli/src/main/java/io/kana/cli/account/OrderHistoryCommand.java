package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kana orders history}. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the wallet's past orders, newest first.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar orders history --market 1338 --limit 20")
public final class OrderHistoryCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    @Mixin
    private PageOptions page;

    @Override
    protected int execute() {
        var wallet = wallet();
        var request = page.request();
        try (KanaClient client = readClient()) {
            printList("orders", client.orders().orderHistory(wallet, market == null ? null : MarketId.of(market),
                    request), OrdersCommand.orderTable(), "No orders.");
        }
        return ExitCodes.OK;
    }
}
