package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.cli.UsageException;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kana fills}: the wallet's fills, optionally in a time window. */
@Command(name = "fills", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the wallet's fills (price, size, fee, maker or taker).",
        footerHeading = "%nExample:%n",
        footer = "  java -jar kana.jar fills --market 1338 --from 2026-01-01T00:00:00Z --json")
public final class FillsCommand extends KanaCommand {

    @Option(names = "--market", paramLabel = "ID", description = "only this market")
    private Long market;

    @Option(names = "--from", paramLabel = "INSTANT", description = "not before, e.g. 2026-01-01T00:00:00Z")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "not after")
    private Instant to;

    @Mixin
    private PageOptions page;

    @Override
    protected int execute() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        var wallet = wallet();
        var request = page.request();
        try (KanaClient client = readClient()) {
            printList("fills", client.orders().fillsBetween(wallet, market == null ? null : MarketId.of(market), from,
                    to, request), new Table().column("ORDER ID", "orderId").column("MARKET", "marketId")
                    .column("SIDE", "side").column("PRICE", "price").column("SIZE", "size").column("FEE", "fee")
                    .column("MAKER", "maker").column("TIME", "timestamp"), "No fills.");
        }
        return ExitCodes.OK;
    }
}
