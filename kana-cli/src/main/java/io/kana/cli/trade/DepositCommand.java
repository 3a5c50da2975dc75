package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code kana deposit AMOUNT}: moves USDC from the wallet into its trading account. */
@Command(name = "deposit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deposit USDC from the wallet into its trading account (creates the account on first use).",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar deposit 100 --json")
public final class DepositCommand extends UsdcTransfer {

    @Override
    protected String describe() {
        return "deposit " + amount.toPlainString() + " USDC";
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().deposit(amount)));
    }
}
