package io.kana.examples;

import io.kana.client.KanaClient;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.PageRequest;
import io.kana.core.port.Accounts;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;

/** A wallet's accounts: profile address, balances, a deposit and a withdrawal, and the histories. */
public final class AccountExample {

    private AccountExample() {}

    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    static void run(Map<String, String> env, PrintStream out) {
        try (ExampleEnvironment environment = ExampleEnvironment.open(env)) {
            Steps steps = new Steps(out);
            steps.header("Accounts on " + environment.describe());
            KanaClient kana = environment.primary();
            Accounts accounts = kana.accounts();
            AccountAddress wallet = kana.wallet();
            steps.read("getProfileAddress", accounts.profileAddress(wallet));
            steps.read("getWalletAccountBalance", accounts.walletBalance(wallet).toPlainString() + " USDC");
            steps.read("getAccountAptBalance", accounts.aptBalance(wallet).toPlainString() + " APT");
            steps.write("deposit 20 USDC", () -> kana.trader().deposit(new BigDecimal("20")));
            steps.write("withdraw 5 USDC", () -> kana.trader().withdraw(environment.market(), new BigDecimal("5")));
            steps.read("getProfileBalanceSnapshot", accounts.profileBalance(wallet).toPlainString() + " USDC");
            steps.read("getNetProfileBalance", accounts.netProfileBalance(wallet).toPlainString() + " USDC");
            steps.read("getDepositAndWithdrawHistory", accounts.depositAndWithdrawHistory(wallet).size() + " entries");
            steps.read("getFundingHistory", accounts.fundingHistory(wallet, environment.market(), PageRequest.DEFAULT).size()
                    + " entries");
        }
    }
}
