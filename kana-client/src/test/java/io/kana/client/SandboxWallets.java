package io.kana.client;

import io.kana.aptos.submit.SubmitterSettings;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * Test-only keys and clients wired to an in-process {@link KanaSandbox}. The keys are counting
 * patterns, never funded anywhere but in a sandbox.
 */
final class SandboxWallets {

    /** Bytes 0x01..0x20. */
    static final String KEY_A = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    /** Bytes 0x21..0x40. */
    static final String KEY_B = "ed25519-priv-0x2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40";
    /** The raw hex of {@link #KEY_A} and {@link #KEY_B}, as it could leak into a message. */
    static final String HEX_A = KEY_A.substring("ed25519-priv-0x".length());
    static final String HEX_B = KEY_B.substring("ed25519-priv-0x".length());

    static final MarketId APT = MarketId.of(1338);
    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    static final Execution AWAIT = Execution.awaitCommit(COMMIT_TIMEOUT);
    /**
     * The defaults, but the gas price is refreshed hourly rather than every 10 s, so no background
     * request lands in a test's request counts.
     */
    static final SubmitterSettings SETTINGS = SubmitterSettings.defaults().withGasPriceRefreshInterval(Duration.ofHours(1));

    private SandboxWallets() {}

    static KanaConfig config(KanaSandbox sandbox, String key) {
        return KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleId(), Secret.of(key));
    }

    /** A client for {@code key} that waits for commits; its wallet is funded with {@code usdc} (and gas). */
    static KanaClient funded(KanaSandbox sandbox, String key, String usdc) {
        return funded(sandbox, key, usdc, AWAIT, SETTINGS);
    }

    static KanaClient funded(KanaSandbox sandbox, String key, String usdc, Execution execution,
            SubmitterSettings settings) {
        KanaClient client = KanaClient.builder(config(sandbox, key)).execution(execution).submitterSettings(settings)
                .build();
        sandbox.fundWallet(client.wallet().hex(), new BigDecimal(usdc));
        return client;
    }

    /**
     * A waiting client for {@code key} that has deposited 50 USDC and placed {@code first}, so the
     * market's rules and the chain's constants are known and its next calls cost only themselves.
     */
    static KanaClient warmedUp(KanaSandbox sandbox, String key, LimitOrderRequest first) {
        KanaClient client = funded(sandbox, key, "100");
        KanaTrader.join(client.trader().deposit(dec("50")));
        KanaTrader.join(client.trader().placeLimitOrder(first));
        return client;
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
