package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.cli.UsageException;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kana trades}: the wallet's trade history, or with {@code --recent} a market's latest trades. */
@Command(name = "trades", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the wallet's trades (price, size, PnL, fee); with --recent, the latest trades of a market"
                + " by everyone."},
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar kana.jar trades --market 1338", "  java -jar kana.jar trades --recent --market 1338 --json"})
public final class TradesCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market (required with --recent)")
    private Long market;

    @Option(names = "--recent", description = "the market's latest trades instead of the wallet's")
    private boolean recent;

    @Mixin
    private PageOptions page;

    @Override
    protected int execute() {
        Table table = new Table().column("ORDER ID", "orderId").column("MARKET", "marketId").column("SIDE", "side")
                .column("PRICE", "price").column("SIZE", "size").column("PNL", "pnl").column("FEE", "fee")
                .column("TIME", "timestamp");
        if (recent) {
            if (market == null) {
                throw new UsageException("--recent needs --market ID");
            }
            try (KanaClient client = readClient()) {
                printList("trades", client.markets().recentTrades(MarketId.of(market)), table, "No trades.");
            }
            return ExitCodes.OK;
        }
        var wallet = wallet();
        var request = page.request();
        try (KanaClient client = readClient()) {
            printList("trades", client.orders().tradeHistory(wallet, market == null ? null : MarketId.of(market),
                    request), table, "No trades.");
        }
        return ExitCodes.OK;
    }
}
