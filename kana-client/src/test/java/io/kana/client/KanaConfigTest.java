package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.ContractFormatException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KanaConfigTest {

    private static final String TEST_KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    @Test
    void mainnetPresetsPinTheKanaModule() {
        KanaConfig config = KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "MAINNET"));

        assertThat(config.network()).isEqualTo(KanaNetwork.MAINNET);
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://perps-tradeapi.kana.trade/"));
        assertThat(config.nodeUrl()).isEqualTo(URI.create("https://api.mainnet.aptoslabs.com/v1"));
        assertThat(config.moduleId())
                .isEqualTo("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts");
        assertThat(config.apiKey()).isNull();
        assertThat(config.privateKey()).isNull();
    }

    @Test
    void testnetIsTheDefaultAndUrlsCanBeOverridden() {
        KanaConfig config = KanaConfig.fromEnvironment(Map.of(
                "KANA_API_URL", "http://127.0.0.1:8090", "NODE_URL", "http://127.0.0.1:8090/v1",
                "KANA_MODULE", "0xabc::perpetual_scripts"));

        assertThat(config.network()).isEqualTo(KanaNetwork.TESTNET);
        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8090"));
        assertThat(config.nodeUrl()).isEqualTo(URI.create("http://127.0.0.1:8090/v1"));
        assertThat(config.moduleId()).isEqualTo("0xabc::perpetual_scripts");
    }

    @Test
    void sandboxWithoutUrlsNamesTheVariableToSet() {
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "sandbox")))
                .isInstanceOf(KanaConfigException.class)
                .hasMessageContaining("KANA_API_URL must be set for network sandbox");
    }

    @Test
    void rejectsUnknownNetworkAndMalformedUrl() {
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "devnet")))
                .hasMessageContaining("mainnet, testnet or sandbox, got 'devnet'");
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("NODE_URL", "ftp://node")))
                .hasMessageContaining("NODE_URL");
    }

    @Test
    void secretsNeverShowInToString() {
        KanaConfig config = KanaConfig.fromEnvironment(Map.of("KANA_API_KEY", "api-key-123", "KANA_PRIVATE_KEY", TEST_KEY));

        assertThat(config.apiKey().reveal()).isEqualTo("api-key-123");
        assertThat(config.privateKey().reveal()).isEqualTo(TEST_KEY);
        assertThat(config.toString()).doesNotContain("api-key-123").doesNotContain("0102030405").contains("<redacted>");
    }

    @Test
    void theNodeApiKeyComesFromNodeApiKeyAndNeverShows() {
        KanaConfig config = KanaConfig.fromEnvironment(Map.of("NODE_API_KEY", " node-key-456 "));

        assertThat(config.nodeApiKey().reveal()).isEqualTo("node-key-456");
        assertThat(config.apiKey()).isNull();
        assertThat(config.toString()).doesNotContain("node-key-456").contains("nodeApiKey=<redacted>");
        // Every copy keeps it; the constructors that predate it leave it unset.
        assertThat(config.withModule("0xabc::perpetual_scripts", false).withPrivateKey(null).nodeApiKey())
                .isEqualTo(config.nodeApiKey());
        assertThat(config.withNodeApiKey(null).nodeApiKey()).isNull();
        assertThat(new KanaConfig(KanaNetwork.TESTNET, config.apiUrl(), config.nodeUrl(), null, null, null).nodeApiKey())
                .isNull();
        assertThat(KanaConfig.fromEnvironment(Map.of("NODE_API_KEY", "  ")).nodeApiKey()).isNull();
    }

    @Test
    void readsTheKeyFromAFileWhenNoVariableHoldsIt(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("wallet.key");
        Files.writeString(keyFile, TEST_KEY + "\n");

        KanaConfig config = KanaConfig.fromEnvironment(Map.of("KANA_PRIVATE_KEY_FILE", keyFile.toString()));

        assertThat(config.privateKey().reveal()).isEqualTo(TEST_KEY);
    }

    @Test
    void aMissingKeyFileIsNamedButNoContentLeaks(@TempDir Path dir) {
        Path missing = dir.resolve("absent.key");
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_PRIVATE_KEY_FILE", missing.toString())))
                .hasMessageContaining("KANA_PRIVATE_KEY_FILE").hasMessageContaining("absent.key");
    }

    static final String MAINNET_MODULE =
            "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts";
    static final String TESTNET_MODULE =
            "0x732f891290449af5e9369866537a51a8e7dc566791aec61a468223ed840b1eb4::perpetual_scripts";

    static String standardText() throws Exception {
        return Files.readString(Path.of("..", "contract", "kana-perps.contract"), StandardCharsets.UTF_8);
    }

    @Test
    void modulesComeFromTheContract() {
        assertThat(KanaConfig.fromEnvironment(Map.of()).moduleId()).isEqualTo(TESTNET_MODULE);
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "mainnet")).moduleId()).isEqualTo(MAINNET_MODULE);
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "sandbox", "KANA_API_URL", "http://127.0.0.1:1",
                "NODE_URL", "http://127.0.0.1:1/v1")).moduleId()).isNull();
        assertThat(KanaConfig.fromEnvironment(Map.of()).contract()).isSameAs(KanaContract.standard());
    }

    @Test
    void aContractFileReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("next.contract");
        Files.writeString(file, standardText().replace(TESTNET_MODULE, "0xbeef::perpetual_scripts"));

        KanaConfig config = KanaConfig.fromEnvironment(Map.of("KANA_CONTRACT", file.toString()));

        assertThat(config.contract().source()).isEqualTo(file.toString());
        assertThat(config.moduleId()).isEqualTo(
                "0x000000000000000000000000000000000000000000000000000000000000beef::perpetual_scripts");
    }

    @Test
    void aMalformedContractFileFailsAtStartUpNamingItsLineAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.contract");
        Files.writeString(file, standardText().replace("arg u64 amount amount@quoteUnits", "arg u64 amount amount@coins"));
        int line = java.util.Arrays.asList(Files.readString(file).split("\n", -1)).indexOf(
                "  arg u64 amount amount@coins") + 1;

        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_CONTRACT", file.toString())))
                .isInstanceOf(ContractFormatException.class)
                .hasMessageStartingWith(file + ":" + line + ": arg: unknown source 'amount@coins'");
    }

    @Test
    void withContractMovesAModuleThatCameFromTheContractButKeepsAnExplicitOne() throws Exception {
        KanaContract next = KanaContract.parse(standardText().replace(TESTNET_MODULE, "0xbeef::perpetual_scripts"), "n");
        KanaConfig derived = KanaConfig.fromEnvironment(Map.of());
        KanaConfig explicit = KanaConfig.fromEnvironment(Map.of("KANA_MODULE", "0xabc::perpetual_scripts"));

        assertThat(derived.withContract(next).moduleId()).endsWith("beef::perpetual_scripts");
        assertThat(derived.withContract(next).contract()).isSameAs(next);
        assertThat(explicit.withContract(next).moduleId()).isEqualTo("0xabc::perpetual_scripts");
    }

    @Test
    void theModuleOverridePermissionIsAStrictFlag() {
        assertThat(KanaConfig.fromEnvironment(Map.of()).allowModuleOverride()).isFalse();
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_ALLOW_MODULE_OVERRIDE", "TRUE")).allowModuleOverride()).isTrue();
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_ALLOW_MODULE_OVERRIDE", "false")).allowModuleOverride()).isFalse();
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_ALLOW_MODULE_OVERRIDE", "yes")))
                .hasMessageContaining("KANA_ALLOW_MODULE_OVERRIDE is true or false, got 'yes'");
    }

    @Test
    void theWebSocketUrlIsTheNetworksPresetUnlessKanaWsUrlSetsIt() {
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "mainnet")).wsUrl())
                .isEqualTo(URI.create("wss://perpetuals-indexer-ws.kana.trade/ws/"));
        assertThat(KanaConfig.fromEnvironment(Map.of()).wsUrl())
                .isEqualTo(URI.create("wss://perpetuals-indexer-ws-develop.kanalabs.io/ws/"));
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_NETWORK", "sandbox", "KANA_API_URL", "http://127.0.0.1:1",
                "NODE_URL", "http://127.0.0.1:1/v1")).wsUrl()).isNull();
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_WS_URL", " ws://127.0.0.1:8090/ws/ ")).wsUrl())
                .isEqualTo(URI.create("ws://127.0.0.1:8090/ws/"));
        assertThat(KanaConfig.fromEnvironment(Map.of("KANA_WS_URL", " ")).wsUrl()).isEqualTo(KanaNetwork.TESTNET.wsUrl());
    }

    @Test
    void aMalformedWebSocketUrlNamesTheVariableAndHidesItsPassword() {
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_WS_URL", "https://user:pw@ws.example.com/ws/")))
                .isInstanceOf(KanaConfigException.class)
                .hasMessageContaining("KANA_WS_URL must be a ws(s) URL").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_WS_URL", "ws://bad host/")))
                .hasMessageContaining("KANA_WS_URL is not a valid URL");
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(Map.of("KANA_WS_URL", "wss:opaque")))
                .hasMessageContaining("KANA_WS_URL must be a ws(s) URL with a host");
        assertThatThrownBy(() -> new KanaConfig(KanaNetwork.SANDBOX, URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:1/v1"), URI.create("http://127.0.0.1:1/ws/"), null, null, null,
                KanaContract.standard(), false, false)).hasMessageContaining("wsUrl");
    }

    @Test
    void theOlderConstructorsAndEveryCopyKeepTheWebSocketUrl() {
        URI api = URI.create("http://127.0.0.1:1");
        URI node = URI.create("http://127.0.0.1:1/v1");
        URI ws = URI.create("ws://127.0.0.1:1/ws/");
        assertThat(new KanaConfig(KanaNetwork.MAINNET, api, node, null, null, null).wsUrl())
                .isEqualTo(KanaNetwork.MAINNET.wsUrl());
        assertThat(new KanaConfig(KanaNetwork.TESTNET, api, node, null, null, null, KanaContract.standard(), false, true)
                .wsUrl()).isEqualTo(KanaNetwork.TESTNET.wsUrl());

        KanaConfig config = KanaConfig.sandbox(api, node, "0xabc::perpetual_scripts", null).withWsUrl(ws);
        assertThat(config.wsUrl()).isEqualTo(ws);
        assertThat(config.withPrivateKey(Secret.of(TEST_KEY)).wsUrl()).isEqualTo(ws);
        assertThat(config.withModule("0xdef::perpetual_scripts", false).wsUrl()).isEqualTo(ws);
        assertThat(config.withContract(KanaContract.standard()).wsUrl()).isEqualTo(ws);
        assertThat(config.toString()).contains("wsUrl=" + ws);
        assertThat(config.withWsUrl(URI.create("wss://u:secret@ws.example.com/ws/")).toString())
                .doesNotContain("secret");
    }
}
