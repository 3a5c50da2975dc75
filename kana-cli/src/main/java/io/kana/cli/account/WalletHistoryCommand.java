package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.WalletAddress;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A page of the wallet's history, of one market or of all, printed as a list. */
abstract class WalletHistoryCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    @Mixin
    private PageOptions page;

    /** The records, read with a client that holds no key. */
    abstract List<?> read(KanaClient client, WalletAddress wallet, MarketId market, PageRequest page);

    /** The JSON document's field name, the table and the line printed when there is nothing. */
    abstract String name();

    abstract Table table();

    abstract String empty();

    @Override
    protected final int execute() {
        var wallet = wallet();
        var request = page.request();
        try (KanaClient client = readClient()) {
            printList(name(), read(client, wallet, market == null ? null : MarketId.of(market), request), table(),
                    empty());
        }
        return ExitCodes.OK;
    }
}
