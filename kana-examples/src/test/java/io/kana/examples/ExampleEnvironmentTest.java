package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.aptos.keys.Ed25519WalletSigner;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleEnvironmentTest {

    private static final String KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    @Test
    void refusesMainnetWithoutConfirmationBeforeBuildingAnything() {
        assertThatThrownBy(() -> ExampleEnvironment.fromEnvironment(Map.of("KANA_NETWORK", "mainnet", "KANA_PRIVATE_KEY", KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KANA_CONFIRM_MAINNET=yes")
                .hasMessageNotContaining(KEY.substring(16));

        ExampleRun run = ExampleRun.of((env, out) -> List.of(),
                Map.of("KANA_NETWORK", "MAINNET", "KANA_CONFIRM_MAINNET", "true", "KANA_PRIVATE_KEY", KEY));
        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Cannot start: refusing to trade real money on mainnet");
    }

    @Test
    void confirmedMainnetUsesTheConfiguredKeyAndNoSandbox() {
        // Loopback URLs, so that nothing could reach mainnet even if building a client did.
        try (ExampleEnvironment env = ExampleEnvironment.fromEnvironment(Map.of("KANA_NETWORK", "mainnet",
                "KANA_CONFIRM_MAINNET", "yes", "KANA_PRIVATE_KEY", KEY,
                "KANA_API_URL", "http://127.0.0.1:9/", "NODE_URL", "http://127.0.0.1:9/v1"))) {
            assertThat(env.isSandbox()).isFalse();
            assertThat(env.sandbox()).isEmpty();
            assertThat(env.counterparty()).isEmpty();
            assertThat(env.trader().wallet().address()).isEqualTo(Ed25519WalletSigner.fromText(KEY).address());
            assertThat(env.description()).startsWith("mainnet (http://127.0.0.1:9/")
                    .doesNotContain(KEY.substring(16));
            assertThat(env.fundFromFaucet(env.trader(), ExampleEnvironment.FAUCET_USDC)).isFalse();
        }
    }

    @Test
    void aConfigurationErrorNamesTheVariableAndExitsWithTwo() {
        ExampleRun run = ExampleRun.of((env, out) -> List.of(),
                Map.of("KANA_NETWORK", "testnet", "KANA_API_URL", "ftp://example.org"));

        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.err()).contains("KANA_API_URL");
    }

    @Test
    void aMalformedKeyExitsWithTwoWithoutEchoingIt() {
        String badKey = "ed25519-priv-0x" + "ab".repeat(31);
        ExampleRun run = ExampleRun.of((env, out) -> List.of(), Map.of("KANA_NETWORK", "testnet",
                "KANA_MODULE", "0xa11ce::perpetual_scripts", "KANA_PRIVATE_KEY", badKey));

        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.err()).startsWith("Cannot start: ").doesNotContain("ab".repeat(31));
    }

    @Test
    void aFailingStepExitsWithOneAndSaysWhichStep() {
        ExampleRun run = ExampleRun.of((env, out) -> {
            out.step("Deposit nothing");
            out.transaction("deposit", env.trader().trader().deposit(BigDecimal.ZERO));
            return out.finish();
        }, Map.of());

        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.err()).startsWith("FAILED in step 1 (Deposit nothing): ").contains("amount must be positive");
    }

    @Test
    void withoutConfigurationItIsASandboxWithTwoDistinctFixedWallets() {
        try (ExampleEnvironment env = ExampleEnvironment.fromEnvironment(Map.of())) {
            assertThat(env.isSandbox()).isTrue();
            assertThat(env.description()).startsWith("embedded sandbox at http://127.0.0.1:");
            assertThat(env.trader().wallet().address())
                    .isEqualTo(ExampleEnvironment.testWallet("kana-examples wallet 1").address());
            assertThat(env.counterparty()).get().extracting(c -> c.wallet().address())
                    .isEqualTo(ExampleEnvironment.testWallet("kana-examples wallet 2").address())
                    .isNotEqualTo(env.trader().wallet().address());

            assertThat(env.fundFromFaucet(env.trader(), ExampleEnvironment.FAUCET_USDC)).isTrue();
            assertThat(env.trader().accounts().walletBalance(env.trader().wallet()))
                    .isEqualByComparingTo(ExampleEnvironment.FAUCET_USDC);
        }
    }

    @Test
    void closingStopsTheSandbox() {
        ExampleEnvironment env = ExampleEnvironment.fromEnvironment(Map.of());
        String apiUrl = env.sandbox().orElseThrow().apiUrl();
        env.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", URI.create(apiUrl).getPort()).close())
                .isInstanceOf(IOException.class);
    }
}
