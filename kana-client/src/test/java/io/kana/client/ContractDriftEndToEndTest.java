package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.ContractMismatchException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.MarketId;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeOperation;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract file replaced through {@code KANA_CONTRACT} drives the client; when it disagrees with
 * the module the sandbox publishes, the drift guard refuses before anything is signed or submitted.
 */
class ContractDriftEndToEndTest {

    private static final String TEST_KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final MarketId APT = MarketId.of(1338);

    private KanaSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = KanaSandbox.builder().seed(5).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    static String standardText() throws Exception {
        return Files.readString(Path.of("..", "contract", "kana-perps.contract"), StandardCharsets.UTF_8);
    }

    private KanaConfig configWith(Path contractFile) {
        return KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "sandbox", "KANA_API_URL", sandbox.apiUrl(),
                "NODE_URL", sandbox.nodeUrl(), "KANA_MODULE", sandbox.moduleId(),
                "KANA_PRIVATE_KEY", TEST_KEY, "KANA_CONTRACT", contractFile.toString()));
    }

    @Test
    void aContractWhoseTypesTheChainDoesNotHaveSignsNothing(@TempDir Path dir) throws Exception {
        Path drifted = dir.resolve("drifted.contract");
        Files.writeString(drifted, standardText().replace(
                "  function unproven collapse_position\n  arg u64 marketId marketId",
                "  function unproven collapse_position\n  arg u128 marketId marketId"));

        try (KanaClient kana = KanaClient.builder(configWith(drifted)).build()) {
            assertThat(kana.config().contract().source()).isEqualTo(drifted.toString());
            assertThat(kana.config().contract().operation(TradeOperation.COLLAPSE_POSITION)
                    .parameterTypes()).containsExactly("u128");
            sandbox.resetRequestCounts();

            assertThatThrownBy(() -> KanaTrader.join(kana.trader().collapsePosition(APT)))
                    .isInstanceOf(ContractMismatchException.class)
                    .hasMessageContaining("COLLAPSE_POSITION: the contract expects collapse_position(u128), "
                            + "the chain has collapse_position(u64)")
                    .satisfies(e -> assertThat(((ContractMismatchException) e).effectMayExist()).isFalse());
            assertThat(sandbox.requestCount("/v1/transactions")).isZero();
        }
    }

    @Test
    void aContractNamingAnotherFunctionRefusesTheApisPayload(@TempDir Path dir) throws Exception {
        Path renamed = dir.resolve("renamed.contract");
        Files.writeString(renamed, standardText().replace("function unproven collapse_position",
                "function proven close_all_positions"));

        try (KanaClient kana = KanaClient.builder(configWith(renamed)).build()) {
            sandbox.resetRequestCounts();
            assertThatThrownBy(() -> KanaTrader.join(kana.trader().collapsePosition(APT)))
                    .isInstanceOf(PayloadRejectedException.class)
                    .hasMessageContaining("expected function close_all_positions for COLLAPSE_POSITION");
            assertThat(sandbox.requestCount("/v1/transactions")).isZero();
        }
    }

    @Test
    void theStandardContractConfirmsTheSandboxAndTrades() {
        KanaConfig config = KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleId(), Secret.of(TEST_KEY));
        try (KanaClient kana = KanaClient.builder(config).build()) {
            assertThat(kana.config().contract()).isSameAs(KanaContract.standard());
            sandbox.fundWallet(kana.wallet().hex(), new BigDecimal("100"));

            assertThat(KanaTrader.join(kana.trader().deposit(new BigDecimal("10"))).committed()).isTrue();
            assertThat(sandbox.requestCount("/v1/transactions")).isEqualTo(1);
        }
    }
}
