package io.kana.testkit;

import io.kana.aptos.submit.SubmitterSettings;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.Secret;
import io.kana.core.model.MarketId;
import io.kana.core.model.WalletAddress;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An embedded Kana sandbox (trade API and Aptos node on loopback, see {@link KanaSandbox}) with SDK
 * clients for it, taking the SDK's own types:
 *
 * <pre>{@code
 * try (SandboxKana sandbox = SandboxKana.start()) {
 *     KanaClient kana = sandbox.newWallet(new BigDecimal("1000"));   // a fresh key, funded
 *     kana.netTrader().buy(MarketId.of(1338), new BigDecimal("1"), new BigDecimal("5"));
 * }
 * }</pre>
 *
 * Clients made here wait for commits and are closed with the sandbox. Not for real money: keys
 * made by {@link #newPrivateKey()} exist only in memory.
 */
public final class SandboxKana implements AutoCloseable {

    /** How long a client made here waits for a commit. */
    public static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    // The gas price is refreshed hourly, not every 10 s, so no background call shows in request counts.
    private static final SubmitterSettings SETTINGS =
            SubmitterSettings.defaults().withGasPriceRefreshInterval(Duration.ofHours(1));

    private final KanaSandbox sandbox;
    private final List<KanaClient> clients = new CopyOnWriteArrayList<>();

    private SandboxKana(KanaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Starts a sandbox on a free loopback port with the default seed. */
    public static SandboxKana start() {
        return start(KanaSandbox.builder());
    }

    /** Starts the sandbox {@code settings} describe. */
    public static SandboxKana start(KanaSandbox.Builder settings) {
        return new SandboxKana(Objects.requireNonNull(settings, "settings").start());
    }

    /** A new random Ed25519 private key in the AIP-80 form {@code ed25519-priv-0x...}. */
    public static Secret newPrivateKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Secret.of("ed25519-priv-0x" + HexFormat.of().formatHex(key));
    }

    /** The sandbox itself: faults, payload tampering, raw admin calls. */
    public KanaSandbox sandbox() {
        return sandbox;
    }

    /** The configuration of a client trading with {@code key} on this sandbox. */
    public KanaConfig config(Secret key) {
        return KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleId(), Objects.requireNonNull(key, "key"));
    }

    /** A client trading with {@code key} (unfunded). */
    public KanaClient client(Secret key) {
        KanaClient client = KanaClient.builder(config(key)).execution(Execution.awaitCommit(COMMIT_TIMEOUT))
                .submitterSettings(SETTINGS).build();
        clients.add(client);
        return client;
    }

    /** A client for a new key whose wallet holds {@code usdc} (and 10 APT for gas). */
    public KanaClient newWallet(BigDecimal usdc) {
        KanaClient client = client(newPrivateKey());
        fund(client.wallet(), usdc);
        return client;
    }

    /** {@link #newWallet} that has also deposited {@code deposit} of it into its trading account. */
    public KanaClient newTradingWallet(BigDecimal usdc, BigDecimal deposit) {
        KanaClient client = newWallet(usdc);
        KanaTrader.join(client.trader().deposit(deposit));
        return client;
    }

    /** Credits {@code wallet} with {@code usdc} quote coins and 10 APT for gas. */
    public void fund(WalletAddress wallet, BigDecimal usdc) {
        sandbox.fundWallet(Objects.requireNonNull(wallet, "wallet").hex(), usdc);
    }

    /** Moves a market's mark price (on tick). */
    public void setMarkPrice(MarketId marketId, BigDecimal price) {
        sandbox.setMarkPrice(Objects.requireNonNull(marketId, "marketId").value(), price);
    }

    /** Requests served per endpoint (trade API paths and node paths) since the last reset. */
    public Map<String, Long> requestCounts() {
        return sandbox.requestCounts();
    }

    public void resetRequestCounts() {
        sandbox.resetRequestCounts();
    }

    /** Closes the clients made here, then the sandbox. */
    @Override
    public void close() {
        clients.forEach(KanaClient::close);
        sandbox.close();
    }
}
