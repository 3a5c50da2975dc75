package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Each endpoint-group example runs on a fresh sandbox, as its {@code main} does with no configuration. */
class GroupExamplesTest {

    @Test
    void marketDataReadsRulesPricesTradesAndAssets() {
        ExampleRun run = succeeded(MarketDataExample::run);

        assertThat(run.transactions()).isEmpty();
        assertThat(run.out()).containsSubsequence(
                "[ 1] Market info (getMarketInfo)",
                "APT/USDC (1338): lot size 100000 base units, tick size 1, 500..150000000 lots, max leverage 20x",
                "one lot is 0.001 APT",
                "[ 2] Best prices and last price", "best bid -, best ask -",
                "[ 3] Recent trades (getAllTrades)", "no trades yet",
                "[ 4] Perpetual asset info of APT/USDC", "1338  APT/USDC  base decimals 8, quote decimals 6, max leverage 20",
                "[ 5] Perpetual asset info of BTC", "1339  BTC/USDC  base decimals 8, quote decimals 6, max leverage 50",
                "[ 6] Every market", "1338  APT/USDC", "1339  BTC/USDC", "1340  ETH/USDC", "2387  SOL/USDC");
    }

    @Test
    void marketDataNeedsNoKeyOnAConfiguredNetwork() {
        try (SingleWalletNetwork network = SingleWalletNetwork.start()) {
            Map<String, String> readOnly = new HashMap<>(network.variables());
            readOnly.remove("KANA_PRIVATE_KEY");
            ExampleRun run = ExampleRun.of(MarketDataExample::run, readOnly);

            assertThat(run.err()).isEmpty();
            assertThat(run.exitStatus()).isZero();
            assertThat(run.out()).startsWith("Running on sandbox (http://127.0.0.1:")
                    .contains("1338  APT/USDC  base decimals 8, quote decimals 6, max leverage 20")
                    .contains("Done: 6 steps, 0 transactions committed");
        }
    }

    @Test
    void accountMovesMoneyAndReadsItsHistory() {
        ExampleRun run = succeeded(AccountExample::run);

        assertThat(run.transactions()).extracting(TradeResult::operation)
                .containsExactly(TradeOperation.DEPOSIT, TradeOperation.WITHDRAW);
        assertThat(run.out()).containsSubsequence(
                "credited 1000 USDC and 10 APT for gas",
                "wallet  0x", "profile 0x",
                "wallet 1000 USDC, 10 APT", "no trading account yet: the first deposit creates it",
                "trading account 30 USDC (30 with unsettled PnL)",
                "withdraw 20 USDC", "deposit  50 USDC",
                "no funding payments");
    }

    @Test
    void ordersArePlacedReplacedPartlyFilledAndCancelled() {
        ExampleRun run = succeeded(OrdersExample::run);

        assertThat(run.transactions()).extracting(TradeResult::operation).containsExactly(
                TradeOperation.DEPOSIT, TradeOperation.PLACE_LIMIT_ORDER,
                TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS, TradeOperation.PLACE_MULTIPLE_ORDERS,
                TradeOperation.DEPOSIT, TradeOperation.PLACE_MARKET_ORDER, TradeOperation.CANCEL_MULTIPLE_ORDERS);
        assertThat(run.out()).containsSubsequence(
                "LONG 1 APT at 4.85  remaining 1  Open",
                "Cancelled",
                ": Cancelled", ": Filled", ": Partially Filled", ": Open",
                "my fill  LONG 0.5 APT at 4.8", "my fill  LONG 1 APT at 4.9",
                "fills of order", ": 1",
                "open order ids now []",
                "LONG 1 APT at 4.9  remaining 0  Filled");
    }

    @Test
    void positionIsOpenedProtectedToppedUpCollapsedAndSettled() {
        ExampleRun run = succeeded(PositionsExample::run);

        assertThat(run.transactions()).extracting(TradeResult::operation).containsExactly(
                TradeOperation.DEPOSIT, TradeOperation.DEPOSIT, TradeOperation.PLACE_LIMIT_ORDER,
                TradeOperation.PLACE_MARKET_ORDER, TradeOperation.UPDATE_TAKE_PROFIT, TradeOperation.UPDATE_STOP_LOSS,
                TradeOperation.ADD_MARGIN, TradeOperation.COLLAPSE_POSITION, TradeOperation.SETTLE_PNL);
        assertThat(run.out()).containsSubsequence(
                "indexed position  LONG 1 APT, entry 4.9, margin 0.98 USDC",
                "on chain position  LONG 1 APT, entry 4.9, margin 0.98 USDC",
                "updated position  LONG 1 APT", "TP 5.5, SL 4.5",
                "margin 0.98 -> 2.98 USDC",
                "the wallet has no position",
                "Done: 7 steps, 9 transactions committed, 0 steps skipped.");
    }

    private static ExampleRun succeeded(BiFunction<ExampleEnvironment, Transcript, List<Transcript.Step>> example) {
        ExampleRun run = ExampleRun.onSandbox(example);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitStatus()).isZero();
        assertThat(run.steps()).isNotEmpty().noneMatch(Transcript.Step::skipped);
        for (TradeResult result : run.transactions()) {
            assertThat(result.hash()).matches("0x[0-9a-f]{64}");
            assertThat(result.outcome().success()).isTrue();
            assertThat(run.out()).contains(result.hash());
        }
        String printed = run.out().toLowerCase();
        ExampleRun.SANDBOX_KEYS.forEach(key -> assertThat(printed).doesNotContain(key));
        return run;
    }
}
