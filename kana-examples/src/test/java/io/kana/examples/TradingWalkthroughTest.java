package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingWalkthroughTest {

    @Test
    void runsEveryStepOnTheSandboxWithNoConfiguration() {
        ExampleRun run = ExampleRun.onSandbox(TradingWalkthrough::run);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitStatus()).isZero();
        assertThat(run.steps()).hasSize(14).noneMatch(Transcript.Step::skipped);
        assertThat(run.transactions()).extracting(TradeResult::operation).containsExactly(
                TradeOperation.DEPOSIT, TradeOperation.DEPOSIT, TradeOperation.PLACE_LIMIT_ORDER,
                TradeOperation.PLACE_MARKET_ORDER, TradeOperation.UPDATE_TAKE_PROFIT, TradeOperation.UPDATE_STOP_LOSS,
                TradeOperation.ADD_MARGIN, TradeOperation.PLACE_LIMIT_ORDER, TradeOperation.CANCEL_MULTIPLE_ORDERS,
                TradeOperation.COLLAPSE_POSITION, TradeOperation.SETTLE_PNL, TradeOperation.WITHDRAW);
        for (TradeResult result : run.transactions()) {
            assertThat(result.hash()).matches("0x[0-9a-f]{64}");
            assertThat(result.outcome().success()).isTrue();
            assertThat(run.out()).contains(result.hash() + "  version " + result.outcome().version() + "  gas "
                    + result.outcome().gasUsed() + "  Executed successfully");
        }
    }

    @Test
    void printsEachStepAndWhatItChanged() {
        String out = ExampleRun.onSandbox(TradingWalkthrough::run).out();

        assertThat(out).containsSubsequence(
                "Running on embedded sandbox at http://127.0.0.1:",
                "[ 1] Fund the wallets from the sandbox faucet", "A wallet 1000 USDC, 10 APT for gas",
                "[ 2] Read the market", "APT/USDC (1338): lot 0.001, tick 0.001, min size 0.5, max leverage 20x",
                "[ 3] Deposit 100 USDC into the trading accounts", "A trading balance 100 USDC",
                "[ 4] A rests a limit order: long 2 APT at 4.9, 5x, post-only",
                "[ 5] A's open orders", "LONG 2 APT at 4.9  remaining 2  Open",
                "[ 6] B fills it with a market order: short 2 APT, 5x", "is Filled",
                "[ 7] Fills and positions", "A fill  LONG 2 APT at 4.9  fee 0.00196 USDC  maker",
                "A position  LONG 2 APT, entry 4.9", "B position  SHORT 2 APT, entry 4.9",
                "[ 8] A sets take-profit 5.5 and stop-loss 4.5 on its long", "A long: take-profit 5.5, stop-loss 4.5",
                "[ 9] A adds 5 USDC margin to its long", "A long margin 1.96 -> 6.96 USDC",
                "[10] A rests one more order", "[11] A cancels", "still open: 0 of the 2 orders placed",
                "[12] A collapses its positions in APT/USDC", "A has no position",
                "[13] A settles its profit and loss", "[14] A withdraws 100 USDC to its wallet",
                "wallet 1000 USDC",
                "Done: 14 steps, 12 transactions committed, 0 steps skipped.");
    }

    @Test
    void neverPrintsKeyMaterial() {
        ExampleRun run = ExampleRun.onSandbox(TradingWalkthrough::run);

        String printed = (run.out() + run.err()).toLowerCase();
        assertThat(printed).doesNotContain("ed25519-priv");
        for (String key : ExampleRun.SANDBOX_KEYS) {
            assertThat(printed).doesNotContain(key);
        }
        // The wallets it does print are the ones those keys control.
        assertThat(run.out())
                .contains("wallet A  " + ExampleEnvironment.testWallet("kana-examples wallet 1").address())
                .contains("wallet B  " + ExampleEnvironment.testWallet("kana-examples wallet 2").address());
    }

    @Test
    void withOneWalletSkipsTheStepsThatNeedACounterparty() {
        List<Transcript.Step> steps;
        String out;
        try (SingleWalletNetwork network = SingleWalletNetwork.start()) {
            ExampleRun run = ExampleRun.of(TradingWalkthrough::run, network.variables());
            assertThat(run.err()).isEmpty();
            assertThat(run.exitStatus()).isZero();
            steps = run.steps();
            out = run.out();
            assertThat(out).doesNotContain(network.keyHex()).doesNotContain("wallet B");
        }

        assertThat(steps).filteredOn(Transcript.Step::skipped).extracting(Transcript.Step::number)
                .containsExactly(1, 6, 8, 9, 12);
        assertThat(out).contains("skipped: needs a second wallet (sandbox only)")
                .contains("skipped: A has no long position in APT/USDC")
                .contains("still open: 0 of the 2 orders placed")
                .contains("Done: 14 steps, 6 transactions committed, 5 steps skipped.");
    }
}
