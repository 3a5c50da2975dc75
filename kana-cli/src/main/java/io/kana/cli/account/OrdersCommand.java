package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana orders}: the wallet's open orders; {@code history} and {@code status} as subcommands. */
@Command(name = "orders", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {OrderHistoryCommand.class, OrderStatusCommand.class},
        description = "List the wallet's open orders (of every market, or of --market). See also: orders history,"
                + " orders status.",
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar kana.jar orders --market 1338 --json", "  java -jar kana.jar orders history",
            "  java -jar kana.jar orders status --market 1338 18446744073709551617"})
public final class OrdersCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    /** The columns every order listing shows. */
    static Table orderTable() {
        return new Table().column("ORDER ID", "orderId").column("MARKET", "marketId").column("SIDE", "side")
                .column("DIRECTION", "direction").column("PRICE", "price").column("SIZE", "size")
                .column("REMAINING", "remainingSize").column("STATUS", "status");
    }

    @Override
    protected int execute() {
        var wallet = wallet();
        try (KanaClient client = readClient()) {
            printList("orders", client.orders().openOrders(wallet, market == null ? null : MarketId.of(market)),
                    orderTable(), "No open orders.");
        }
        return ExitCodes.OK;
    }
}
