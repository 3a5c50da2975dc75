package io.kana.cli.account;

import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.WalletAddress;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code kana funding}: funding paid and received by the wallet's positions. */
@Command(name = "funding", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the funding payments of the wallet's positions (rate, amount, position size).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar funding --market 1338 --limit 10")
public final class FundingCommand extends WalletHistoryCommand {

    @Override
    List<?> read(KanaClient client, WalletAddress wallet, MarketId market, PageRequest page) {
        return client.accounts().fundingHistory(wallet, market, page);
    }

    @Override
    String name() {
        return "funding";
    }

    @Override
    Table table() {
        return new Table().column("MARKET", "marketId").column("SIDE", "side").column("RATE", "fundingRate")
                .column("AMOUNT", "amount").column("POSITION", "positionSize").column("TIME", "timestamp");
    }

    @Override
    String empty() {
        return "No funding payments.";
    }
}
