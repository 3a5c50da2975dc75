package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every example runs against the embedded sandbox, as a user runs it, and prints what it promises. */
class ExamplesTest {

    private static final Pattern COMMITTED = Pattern.compile(
            "tx 0x[0-9a-f]{64} \\(sequence \\d+\\)\\R\\s+committed at version \\d+, gas \\d+: Executed successfully");

    private static String run(BiConsumer<Map<String, String>, PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(Map.of(), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long committedTransactions(String output) {
        return COMMITTED.matcher(output).results().count();
    }

    @Test
    void theWalkthroughCommitsEveryStepAndEndsWithTheMoneyBack() {
        String output = run(TradingWalkthrough::run);

        assertThat(output).startsWith("Kana Perps walk-through on embedded sandbox")
                .contains("alice deposits 1000 USDC", "bob deposits 1000 USDC",
                        "alice places a resting limit order: LONG 1 @ 4.5 x5",
                        "bob sells 0.5 at market, filling half of alice's order",
                        "LONG 0.5 @ 4.5 fee 0.00045 (maker)",
                        "alice sets take profit", "alice sets stop loss", "alice adds 25 USDC of margin",
                        "alice cancels the rest of her open orders (1)",
                        "alice collapses her position", "alice settles her PnL", "alice withdraws 1000 USDC",
                        "withdraw 1000", "deposit  1000")
                .doesNotContain("FAILED");
        // 2 deposits, limit, market, TP, SL, margin, cancel, 2 collapses, settle, withdraw.
        assertThat(committedTransactions(output)).isEqualTo(12);
        assertThat(output).containsPattern("alice's open orders\\R\\s+#\\d+ LONG 1/1 @ 4.5 Open");
        assertThat(output).containsPattern("alice's positions\\R\\s+\\(none\\)");
    }

    @Test
    void noKeyMaterialIsPrinted() {
        String output = run(TradingWalkthrough::run);

        assertThat(output).doesNotContainIgnoringCase("ed25519-priv").doesNotContainIgnoringCase("private");
    }

    @Test
    void eachGroupExampleRunsToTheEnd() {
        assertThat(run(MarketDataExample::run)).contains("getMarketInfo", "getPerpetualAssetsInfo/allMarkets", "APT/USDC");
        String accounts = run(AccountExample::run);
        assertThat(accounts).contains("getProfileAddress", "getFundingHistory");
        assertThat(committedTransactions(accounts)).isEqualTo(2);
        String orders = run(OrdersExample::run);
        assertThat(orders).contains("getOpenOrders", "3 open", "getOrderHistory").doesNotContain("FAILED");
        assertThat(committedTransactions(orders)).isEqualTo(5);
        String positions = run(PositionsExample::run);
        assertThat(positions).contains("getPositions", "LONG").doesNotContain("FAILED");
        assertThat(committedTransactions(positions)).isEqualTo(9);
    }

    @Test
    void mainnetNeedsAnExplicitConfirmation() {
        assertThatThrownBy(() -> run((env, out) -> TradingWalkthrough.run(Map.of("KANA_NETWORK", "mainnet"), out)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KANA_CONFIRM_MAINNET=yes");
    }
}
