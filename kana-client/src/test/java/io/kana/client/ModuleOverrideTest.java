package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mainnet's module is pinned by the contract; overriding it takes an explicit, logged opt-in. */
class ModuleOverrideTest {

    private static final String TEST_KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final String OTHER = "0xbad::perpetual_scripts";

    /** Loopback URLs that nothing answers: building a client sends nothing. */
    static Map<String, String> env(String network, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("KANA_NETWORK", network, "KANA_API_URL", "http://127.0.0.1:9",
                "NODE_URL", "http://127.0.0.1:9/v1", "KANA_PRIVATE_KEY", TEST_KEY));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void overridingMainnetsModuleWithoutPermissionIsAConfigError() {
        KanaConfig config = KanaConfig.fromEnvironment(env("mainnet", "KANA_MODULE", OTHER));

        assertThatThrownBy(() -> KanaClient.builder(config).build())
                .isInstanceOf(KanaConfigException.class)
                .hasMessageContaining("mainnet's module is pinned to 0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts")
                .hasMessageContaining("KANA_ALLOW_MODULE_OVERRIDE=true")
                .satisfies(e -> assertThat(((KanaConfigException) e).effectMayExist()).isFalse());
    }

    @Test
    void theSameModuleInShortFormIsNoOverride() {
        KanaConfig config = KanaConfig.fromEnvironment(env("mainnet", "KANA_MODULE",
                "0x7A38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts"));

        try (KanaClient kana = KanaClient.builder(config).build()) {
            assertThat(kana.canTrade()).isTrue();
        }
    }

    @Test
    void theEnvironmentFlagAllowsItAndItIsLoggedAtWarn() {
        KanaConfig config = KanaConfig.fromEnvironment(env("mainnet", "KANA_MODULE", OTHER,
                "KANA_ALLOW_MODULE_OVERRIDE", "true"));

        String log = capturingStandardError(() -> {
            try (KanaClient kana = KanaClient.builder(config).build()) {
                assertThat(kana.canTrade()).isTrue();
            }
        });

        assertThat(log).contains("WARN").contains("instead of the contract's pinned module");
    }

    @Test
    void theBuilderFlagAllowsIt() {
        KanaConfig config = KanaConfig.fromEnvironment(env("mainnet", "KANA_MODULE", OTHER));

        String log = capturingStandardError(() -> {
            try (KanaClient kana = KanaClient.builder(config).allowModuleOverride(true).build()) {
                assertThat(kana.config().moduleId()).isEqualTo(OTHER);
            }
        });

        assertThat(log).contains("WARN").contains("instead of the contract's pinned module");
    }

    @Test
    void testnetAndTheSandboxNeedNoPermission() {
        try (KanaClient kana = KanaClient.builder(KanaConfig.fromEnvironment(env("testnet", "KANA_MODULE", OTHER))).build()) {
            assertThat(kana.canTrade()).isTrue();
        }
    }

    @Test
    void aMalformedModuleIsAConfigError() {
        KanaConfig config = KanaConfig.fromEnvironment(env("testnet", "KANA_MODULE", "perpetual_scripts"));

        assertThatThrownBy(() -> KanaClient.builder(config).build()).isInstanceOf(KanaConfigException.class)
                .hasMessageContaining("KANA_MODULE is <address>::<module>, got 'perpetual_scripts'");
    }

    private static String capturingStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
