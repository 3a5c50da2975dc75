package io.kana.cli.account;

import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.WalletAddress;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code kana orders history}. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the wallet's past orders, newest first.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar orders history --market 1338 --limit 20")
public final class OrderHistoryCommand extends WalletHistoryCommand {

    @Override
    List<?> read(KanaClient client, WalletAddress wallet, MarketId market, PageRequest page) {
        return client.orders().orderHistory(wallet, market, page);
    }

    @Override
    String name() {
        return "orders";
    }

    @Override
    Table table() {
        return OrdersCommand.orderTable();
    }

    @Override
    String empty() {
        return "No orders.";
    }
}
