package io.kana.cli.account;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.error.ProfileNotFoundException;
import io.kana.core.model.WalletAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code kana balances}: the wallet's USDC and APT, and its trading account's balances. */
@Command(name = "balances", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the wallet's USDC and APT and its trading account's balance (null/- before the first"
                + " deposit)."},
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar balances --wallet 0x1f3a... --json")
public final class BalancesCommand extends KanaCommand {

    @Override
    protected int execute() {
        WalletAddress wallet = wallet();
        try (KanaClient client = readClient()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("wallet", wallet);
            document.put("walletUsdc", client.accounts().walletBalance(wallet));
            document.put("walletApt", client.accounts().aptBalance(wallet));
            try {
                document.put("profile", client.accounts().profileAddress(wallet));
                document.put("tradingBalance", client.accounts().profileBalance(wallet));
                document.put("netTradingBalance", client.accounts().netProfileBalance(wallet));
            } catch (ProfileNotFoundException noDepositYet) {
                document.put("profile", null);
                document.put("tradingBalance", null);
                document.put("netTradingBalance", null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) Fields.of(document);
            print(document, Table.pairs(shown));
        }
        return ExitCodes.OK;
    }
}
