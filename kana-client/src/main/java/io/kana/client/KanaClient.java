package io.kana.client;

import io.kana.aptos.node.AptosNodeClient;
import io.kana.aptos.submit.RecoveredTransaction;
import io.kana.aptos.submit.SubmitterSettings;
import io.kana.aptos.submit.TransactionJournal;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.port.RetryPolicy;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.NetTrader;
import io.kana.core.trading.PayloadPolicy;
import io.kana.core.trading.TradeListener;
import io.kana.core.stream.KanaStreams;
import io.kana.http.KanaHttpApi;
import java.time.Duration;
import io.kana.http.KanaWebSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The assembled SDK: the trade API's read ports and, when a key is configured, a {@link KanaTrader}
 * that turns requests into committed, signed transactions.
 *
 * <pre>{@code
 * try (KanaClient kana = KanaClient.builder(KanaConfig.fromEnvironment()).build()) {
 *     Market apt = kana.markets().market(MarketId.of(1338));
 *     TradeResult placed = KanaTrader.join(kana.trader().placeLimitOrder(
 *             LimitOrderRequest.of(apt.id(), Side.LONG, Direction.OPEN, new BigDecimal("1.5"), new BigDecimal("5.7"), 2)));
 * }
 * }</pre>
 *
 * <p>Thread-safe; build one per wallet and share it. The Guice {@link KanaModule} builds the same graph.
 */
public final class KanaClient implements AutoCloseable {

    private final KanaConfig config;
    private final KanaHttpApi api;
    private final AptosNodeClient node;
    /** Null for a read-only client (no key). */
    private final Trading trading;
    private final OkHttpClient http;
    private final URI wsUrl;
    private final TradeListener listener;
    /** Null unless {@link Builder#autoHaltAfter} is set and the client can trade. */
    private final AutoHalt autoHalt;
    private KanaStreams streams;

    private KanaClient(Builder builder) {
        this.config = builder.config;
        boolean trades = builder.wallet != null || config.privateKey() != null;
        // Checked before anything is opened, so a bad setting leaks no threads or connections.
        PayloadPolicy policy = trades ? Assembly.payloadPolicy(config, builder.allowModuleOverride) : null;
        this.autoHalt = trades && builder.autoHaltAfter != null
                ? new AutoHalt(builder.autoHaltAfter, builder.autoHaltClock, builder.onAutoHalt) : null;
        this.http = HttpSetup.sharedClient(builder.timeouts,
                autoHalt == null ? null : new CallOutcomes(config.apiUrl(), config.nodeUrl(), autoHalt));
        this.listener = builder.listener != null ? builder.listener : Assembly.detectMetrics(KanaClient.class.getClassLoader());
        this.api = HttpSetup.tradeApi(config, http, listener, builder.retryPolicy);
        this.node = HttpSetup.node(config, http, builder.retryPolicy);
        WalletSigner wallet = builder.wallet != null ? builder.wallet : Assembly.wallet(config);
        this.wsUrl = builder.wsUrl != null ? builder.wsUrl : config.wsUrl();
        if (wallet == null) {
            this.trading = null;
            return;
        }
        TransactionJournal journal = builder.journal == null ? TransactionJournal.NONE
                : Assembly.openJournal(builder.journal, this::closeTransport);
        this.trading = new Trading(wallet, config, api, node, journal, builder.submitterSettings, builder.execution,
                policy, listener, builder.traderSettings);
        if (autoHalt != null) {
            autoHalt.attach(trading.trader, trading.scheduler());
        }
    }

    /** A builder trading as configured by {@code config}. */
    public static Builder builder(KanaConfig config) {
        return new Builder(config);
    }

    /**
     * A client configured from the environment ({@link KanaConfig#fromEnvironment()}), journaling to the file
     * {@code KANA_JOURNAL} names, if set (see {@link Builder#journal}), and halting itself after the outage
     * {@code KANA_AUTO_HALT_AFTER} gives (e.g. {@code 30s}, {@code 500ms}, {@code 2m}, {@code PT30S}; see
     * {@link Builder#autoHaltAfter}), if set.
     *
     * @throws KanaConfigException naming the variable when one is malformed
     */
    public static KanaClient fromEnvironment() {
        return ClientEnvironment.builder(System.getenv()).build();
    }

    public KanaConfig config() {
        return config;
    }

    public Markets markets() {
        return api;
    }

    public Accounts accounts() {
        return api;
    }

    public Orders orders() {
        return api;
    }

    public Positions positions() {
        return api;
    }

    /** The raw write endpoints (payloads only, nothing signed); most callers want {@link #trader()}. */
    public TransactionPayloads payloads() {
        return api;
    }

    /** The Aptos node client, for ledger reads and transaction lookups. */
    public AptosNodeClient node() {
        return node;
    }

    /** True when a key is configured, so {@link #trader()} and {@link #wallet()} are available. */
    public boolean canTrade() {
        return trading != null;
    }

    /** The signing wallet: the address the reads of {@link #accounts()}, {@link #orders()} and {@link #positions()} take. */
    public WalletAddress wallet() {
        return WalletAddress.of(requireKey().wallet.address());
    }

    /** The wallet's trading profile, asked of the API once and kept (see {@link NetTrader#profile()}). */
    public ProfileAddress profile() {
        return netTrader().profile();
    }

    /** Places orders and other writes as the configured wallet. */
    public KanaTrader trader() {
        return requireKey().trader;
    }

    /** The submitter's cache of the node's module ABIs. */
    ModuleInterfaces moduleInterfaces() {
        return requireKey().moduleInterfaces;
    }

    /**
     * A trader like {@link #trader()} (same contract, payload policy and execution) over the given ports:
     * {@link #trader()} itself when they are this client's own; closed with this client.
     */
    KanaTrader trader(Markets markets, TransactionPayloads payloads, TransactionSubmitter transactions,
            ModuleInterfaces moduleInterfaces) {
        return requireKey().traderOver(markets, payloads, transactions, moduleInterfaces);
    }

    /**
     * Buy and sell in net inventory, results with order ids and fills, cancel-all, replace, client
     * order ids, fills with buy/sell: the API a bot reaches for. Shares {@link #trader()}'s market rules.
     */
    public NetTrader netTrader() {
        return requireKey().netTrader;
    }

    /**
     * What became of the transactions a previous run journaled and never saw settled (see
     * {@link Builder#journal}): each committed, with its outcome, or proven never to execute. Empty without a
     * journal. New orders are numbered only after it completes; it fails when some could not be settled yet
     * (the node unreachable), and the next order tries again.
     */
    public CompletableFuture<List<RecoveredTransaction>> recoveredOutcomes() {
        return requireKey().submitter.recovered();
    }

    /** The chain side of the trader (signing, numbering, submitting). */
    public TransactionSubmitter submitter() {
        return requireKey().submitter;
    }

    /**
     * Live feeds over one WebSocket connection (opened on first use), reconciled through this client's
     * REST reads; see {@link KanaStreams}. The URL is {@link Builder#wsUrl}, else {@link KanaConfig#wsUrl()}.
     *
     * @throws KanaConfigException     when no URL is known (the sandbox network without one set)
     * @throws InvalidRequestException when the URL is cleartext {@code ws://} to another host and
     *                                 {@link KanaConfig#allowCleartext()} is false
     */
    public synchronized KanaStreams streams() {
        if (streams == null) {
            if (wsUrl == null) {
                throw new KanaConfigException("KANA_WS_URL", "no WebSocket URL for " + config.network()
                        + ": set KANA_WS_URL or Builder.wsUrl(...)");
            }
            streams = Assembly.streams(KanaWebSocket.builder(wsUrl).http(http).allowCleartext(config.allowCleartext())
                    .build(), api, listener, autoHalt);
        }
        return streams;
    }

    /**
     * Completes every outstanding trade (see {@link KanaTrader#close()}) before anything else shuts
     * down, so no future is left waiting and nothing new is signed; then closes the streams and
     * releases connections and threads.
     */
    @Override
    public void close() {
        if (trading != null) {
            trading.closeTraders();
        }
        synchronized (this) {
            if (streams != null) {
                streams.close();
            }
        }
        if (trading != null) {
            trading.close();
        }
        closeTransport();
        http.connectionPool().evictAll();
    }

    private void closeTransport() {
        api.close();
        node.close();
        http.dispatcher().executorService().shutdown();
    }

    @Override
    public String toString() {
        return "KanaClient[" + config.network() + ", " + SafeText.url(config.apiUrl()) + ", wallet "
                + (trading == null ? "none" : trading.wallet.address()) + "]";
    }

    /** The automatic halt, or null when it is off. */
    AutoHalt autoHalt() {
        return autoHalt;
    }

    private Trading requireKey() {
        if (trading == null) {
            throw new KanaConfigException("KANA_PRIVATE_KEY",
                    "no wallet key configured: set KANA_PRIVATE_KEY or KANA_PRIVATE_KEY_FILE, or Builder.wallet(...)");
        }
        return trading;
    }

    /** Settings for {@link KanaClient}; the config is required, the rest has defaults. */
    public static final class Builder {

        private KanaConfig config;
        private WalletSigner wallet;
        private SubmitterSettings submitterSettings = SubmitterSettings.defaults();
        private Execution execution = Execution.awaitCommit(KanaTrader.DEFAULT_COMMIT_TIMEOUT);
        private boolean allowModuleOverride;
        private HttpTimeouts timeouts = HttpTimeouts.DEFAULT;
        private URI wsUrl;
        private TradeListener listener;
        private Consumer<KanaTrader.Builder> traderSettings = settings -> { };
        private Path journal;
        private RetryPolicy retryPolicy;
        private Duration autoHaltAfter;
        private AutoHaltListener onAutoHalt = AutoHalt.logging();
        private LongSupplier autoHaltClock = System::nanoTime;

        private Builder(KanaConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The configuration as set so far (for {@link KanaModule}'s binding). */
        KanaConfig config() {
            return config;
        }

        /** Signs with this key custody (an HSM, a KMS, a remote signer) instead of the configured private key. */
        public Builder wallet(WalletSigner value) {
            this.wallet = Objects.requireNonNull(value, "wallet");
            return this;
        }

        /**
         * The Aptos node API key (e.g. from Aptos Labs, for higher rate limits) instead of
         * {@link KanaConfig#nodeApiKey()}: sent as {@code Authorization: Bearer} to the node's own origin only,
         * never shown in {@code toString}, logs or errors.
         */
        public Builder nodeApiKey(String value) {
            this.config = config.withNodeApiKey(Secret.of(value));
            return this;
        }

        /** The WebSocket API URL, e.g. an embedded sandbox's {@code wsUrl()}, instead of {@link KanaConfig#wsUrl()}. */
        public Builder wsUrl(URI value) {
            this.wsUrl = Objects.requireNonNull(value, "wsUrl");
            return this;
        }

        /**
         * Told how each write ends and of the submitter's resyncs and retries, e.g. {@code new
         * KanaMetrics(registry)}. Default: {@link KanaMetrics#global()} when Micrometer is on the class
         * path, else {@link TradeListener#NONE}.
         */
        public Builder listener(TradeListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Gas, expiration and resubmission settings. */
        public Builder submitterSettings(SubmitterSettings value) {
            this.submitterSettings = Objects.requireNonNull(value, "submitterSettings");
            return this;
        }

        /**
         * Further settings of the trader, applied after the client's own, e.g.
         * {@code b -> b.payloadSource(PayloadSource.VERIFIED_LOCAL).riskLimits(limits)}.
         */
        public Builder trader(Consumer<KanaTrader.Builder> value) {
            this.traderSettings = Objects.requireNonNull(value, "trader");
            return this;
        }

        /**
         * Journals every signed transaction to {@code file} (forced to disk before it is sent), and on start
         * settles what a previous run left there before numbering new ones; see
         * {@link KanaClient#recoveredOutcomes()}. One process per file ({@code KANA_JOURNAL} sets it from the
         * environment). Default: no journal.
         */
        public Builder journal(Path file) {
            this.journal = Objects.requireNonNull(file, "journal");
            return this;
        }

        /** Whether the trader waits for commits (the default, 30 s) and simulates first. */
        public Builder execution(Execution value) {
            this.execution = Objects.requireNonNull(value, "execution");
            return this;
        }

        /**
         * Permits a {@link KanaConfig#moduleId() module} other than the one the contract pins for
         * mainnet (logged at WARN), as {@code KANA_ALLOW_MODULE_OVERRIDE=true} does. Default false.
         */
        public Builder allowModuleOverride(boolean value) {
            this.allowModuleOverride = value;
            return this;
        }

        /**
         * How long one call to the trade API or the node may wait; for the trade API the call timeout also
         * bounds the retries. Default {@link HttpTimeouts#DEFAULT}.
         */
        public Builder timeouts(HttpTimeouts value) {
            this.timeouts = Objects.requireNonNull(value, "timeouts");
            return this;
        }

        /**
         * How reads of the trade API and the node are retried when they get no usable answer; submissions are
         * never retried by it. Default: each client's own (trade API 3 attempts, node 4).
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Halts the trader by itself, as {@link KanaTrader#halt} does, when the trade API or the node answers
         * no call for {@code after}, or the stream connection of {@link KanaClient#streams()} (if used) stays
         * down that long; off by default ({@code KANA_AUTO_HALT_AFTER} sets it from the environment). One
         * limit serves all three. An outage runs from the first call that got no usable answer (an I/O
         * failure, a timeout, 408, 429 or 5xx, retries included) to the next answer, on a monotonic clock;
         * it is only seen through the calls the client makes. A silent feed counts from the stream's own
         * watchdog disconnecting it. Each outage halts once: new orders are refused at once and the open
         * orders are cancelled as soon as the trade API (and, for the cancels, the node) answers again;
         * {@link KanaTrader#resume()} undoes it. Needs a wallet; a read-only client ignores it.
         */
        public Builder autoHaltAfter(Duration after) {
            this.autoHaltAfter = positive(after, "autoHaltAfter");
            return this;
        }

        /** Told of each automatic halt (see {@link #autoHaltAfter}); default: a WARN log once its report is complete. */
        public Builder onAutoHalt(AutoHaltListener value) {
            this.onAutoHalt = Objects.requireNonNull(value, "onAutoHalt");
            return this;
        }

        /** The monotonic clock the automatic halt measures outages on, in nanoseconds; for tests. */
        Builder autoHaltClock(LongSupplier nanoTime) {
            this.autoHaltClock = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * @throws KanaConfigException when the configured module cannot be traded on (none known, or
         *                             mainnet's pinned module overridden without permission)
         */
        public KanaClient build() {
            return new KanaClient(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new KanaConfigException(name, name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
