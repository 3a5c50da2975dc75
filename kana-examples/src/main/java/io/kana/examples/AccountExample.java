package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.ExampleEnvironment.FAUCET_USDC;
import static io.kana.examples.Show.amount;

import io.kana.client.KanaClient;
import io.kana.core.error.ProfileNotFoundException;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.PageRequest;
import io.kana.core.model.SortOrder;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.util.List;

/**
 * A wallet's accounts: its trading (profile) address, balances, a deposit and a withdrawal, the
 * deposit and withdrawal history and the funding history.
 * {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java -Dexample=io.kana.examples.AccountExample}
 */
public final class AccountExample {

    static final BigDecimal DEPOSIT = new BigDecimal("50");
    static final BigDecimal WITHDRAWAL = new BigDecimal("20");

    private AccountExample() {}

    public static void main(String[] args) {
        ExampleEnvironment.runMain(AccountExample::run);
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        KanaClient kana = env.trader();
        WalletAddress wallet = kana.wallet();

        out.step("Fund the wallet from the sandbox faucet");
        if (env.fundFromFaucet(kana, FAUCET_USDC)) {
            out.detail("credited %s USDC and 10 APT for gas", amount(FAUCET_USDC));
        } else {
            out.skip("no faucet when KANA_NETWORK is set: the wallet needs USDC, and APT for gas, already");
        }

        out.step("Wallet and trading account (getProfileAddress)");
        out.detail("wallet  %s", wallet);
        out.detail("profile %s  (the on-chain trading account)", kana.accounts().profileAddress(wallet));

        out.step("Balances");
        balances(out, kana);

        out.step("Deposit " + amount(DEPOSIT) + " USDC, withdraw " + amount(WITHDRAWAL) + " USDC");
        out.transaction("deposit", kana.trader().deposit(DEPOSIT));
        out.transaction("withdraw", kana.trader().withdraw(APT_USDC, WITHDRAWAL));
        balances(out, kana);

        out.step("Deposit and withdrawal history (getDepositAndWithdrawHistory)");
        List<BalanceTransfer> transfers = kana.accounts().depositAndWithdrawHistory(wallet);
        transfers.stream().limit(5).forEach(t -> out.detail("%s  %-8s %s USDC  (version %s)", t.timestamp(),
                t.deposit() ? "deposit" : "withdraw", amount(t.amount()), t.transactionVersion()));

        out.step("Funding history (getFundingHistory)");
        List<FundingPayment> funding = kana.accounts().fundingHistory(wallet, null, PageRequest.of(0, 5, SortOrder.DESC));
        if (funding.isEmpty()) {
            out.detail("no funding payments: they accrue on open positions");
        }
        funding.forEach(f -> out.detail("%s  market %s  %s  rate %s  amount %s USDC", f.timestamp(), f.marketId(),
                f.side(), amount(f.fundingRate()), amount(f.amount())));
        return out.finish();
    }

    private static void balances(Transcript out, KanaClient kana) {
        WalletAddress wallet = kana.wallet();
        out.detail("wallet %s USDC, %s APT", amount(kana.accounts().walletBalance(wallet)),
                amount(kana.accounts().aptBalance(wallet)));
        try {
            out.detail("trading account %s USDC (%s with unsettled PnL)", amount(kana.accounts().profileBalance(wallet)),
                    amount(kana.accounts().netProfileBalance(wallet)));
        } catch (ProfileNotFoundException e) {
            out.detail("no trading account yet: the first deposit creates it");
        }
    }
}
