package io.kana.cli.trade;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kana withdraw --market ID AMOUNT}. */
@Command(name = "withdraw", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Withdraw USDC from the trading account of a market back to the wallet.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar withdraw --market 1338 25")
public final class WithdrawCommand extends UsdcTransfer {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    private long market;

    @Override
    protected String describe() {
        return "withdraw " + amount.toPlainString() + " USDC from market " + market;
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        return List.of(KanaTrader.join(client.trader().withdraw(MarketId.of(market), amount)));
    }
}
