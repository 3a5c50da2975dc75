package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kana orders status}: one order by id. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show one order and its status (Open, Filled, Partially Filled, Cancelled).",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar orders status --market 1338 18446744073709551617 --json")
public final class OrderStatusCommand extends KanaCommand {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the order's market")
    private long market;

    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "the order id")
    private String orderId;

    @Override
    protected int execute() {
        OrderId id = OrderId.parse(orderId);
        try (KanaClient client = readClient()) {
            Order order = client.orders().fetchOrderStatus(MarketId.of(market), id);
            print(Map.of("order", order), Table.pairs(Fields.ofRecord(order)));
        }
        return ExitCodes.OK;
    }
}
