package io.kana.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.kana.sandbox.chain.ChainAccounts;
import io.kana.sandbox.chain.Hex;
import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.chain.PerpsModule;
import io.kana.sandbox.chain.SandboxNode;
import io.kana.sandbox.exchange.Exchange;
import io.kana.sandbox.http.NodeHandler;
import io.kana.sandbox.http.TradeApiHandler;
import io.kana.sandbox.stream.StreamServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An in-process Kana trade API and Aptos node on loopback, for offline runs and end-to-end tests.
 *
 * <pre>{@code
 * try (KanaSandbox sandbox = KanaSandbox.builder().seed(7).start()) {
 *     sandbox.fundWallet(wallet, new BigDecimal("10000"));
 *     // point a client at sandbox.apiUrl() and sandbox.nodeUrl()
 * }
 * }</pre>
 *
 * <p>Transactions are validated as an Aptos node validates them (signature, authentication key,
 * chain id, expiration, sequence number, gas balance), stay pending for a few milliseconds and
 * then commit in order. Thread-safe.
 */
public final class KanaSandbox implements AutoCloseable {

    static {
        // Without it the JDK server delays small responses by ~40 ms (Nagle against delayed ACKs).
        // Read once when the server classes load, so it must be set before the first HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The module address used unless the builder sets one. */
    public static final String DEFAULT_MODULE_ADDRESS =
            "0x00000000000000000000000000000000000000000000000000000000000a11ce";
    /** APT credited by {@link #fundWallet(String, BigDecimal)}: 10 APT, for gas. */
    public static final long DEFAULT_APT_OCTAS = 1_000_000_000L;

    private static final int HTTP_THREADS = 32;

    private final HttpServer server;
    private final ThreadPoolExecutor httpExecutor;
    private final SandboxNode node;
    private final SandboxFaults faults;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final String moduleAddress;
    private final StreamServer streams;
    /** Null when the chain runs a module other than the exchange (tests of the chain half). */
    private final TradeApiHandler tradeApi;

    private KanaSandbox(Builder builder) {
        this.moduleAddress = builder.moduleAddress;
        this.faults = new SandboxFaults(builder.seed);
        builder.faults.accept(faults);
        Function<ChainAccounts, PerpsModule> module =
                builder.module != null ? builder.module : defaultModule(moduleAddress, builder.seed, builder.contract);
        this.node = new SandboxNode(module, new SandboxNode.Config(builder.chainId, builder.clock, builder.commitDelay,
                builder.mempoolCapacityPerAccount));
        AtomicInteger threads = new AtomicInteger();
        this.httpExecutor = new ThreadPoolExecutor(HTTP_THREADS, HTTP_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "kana-sandbox-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        httpExecutor.allowCoreThreadTimeOut(true);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 128);
        } catch (IOException e) {
            node.close();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + builder.port, e);
        }
        server.setExecutor(httpExecutor);
        Exchange exchange = node.module() instanceof Exchange running ? running : null;
        this.tradeApi = exchange == null ? null : new TradeApiHandler(exchange);
        HttpHandler tradeApiHandler = tradeApi != null ? tradeApi
                : builder.tradeApi != null ? builder.tradeApi : KanaSandbox::noExchange;
        server.createContext("/", new FaultingHandler(tradeApiHandler, faults,
                request -> SandboxFaults.Target.TRADE_API, path -> path, counts, false));
        server.createContext("/v1", new FaultingHandler(new NodeHandler(node, faults::dropSubmitAnswer), faults,
                KanaSandbox::nodeTarget, NodeHandler::endpoint, counts, true));
        server.start();
        try {
            streams = new StreamServer(exchange, faults::streamCopies);
        } catch (RuntimeException e) {
            close(null);
            throw e;
        }
    }

    /** The module the sandbox runs unless a test supplies its own: the simulated Kana exchange. */
    static Function<ChainAccounts, PerpsModule> defaultModule(String moduleAddress, long seed,
            PerpsContract contract) {
        return chain -> {
            Exchange exchange = new Exchange(moduleAddress, seed, Map.of(), contract);
            exchange.attachChain(chain);
            return exchange;
        };
    }

    private static void noExchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "{\"success\":false,\"message\":\"no exchange runs on this sandbox's chain\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static SandboxFaults.Target nodeTarget(HttpExchange exchange) {
        return NodeHandler.isSubmit(exchange.getRequestMethod(), exchange.getRequestURI().getPath())
                ? SandboxFaults.Target.SUBMIT : SandboxFaults.Target.NODE_READS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The trade API base URL, ending in {@code /}, e.g. {@code http://127.0.0.1:41234/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /** The Aptos node URL, ending in {@code /v1}. */
    public String nodeUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The WebSocket API's URL, e.g. {@code ws://127.0.0.1:41235/ws/} (its own port; see
     * docs/wire-contract.md, "WebSocket", for the protocol).
     */
    public String wsUrl() {
        return "ws://127.0.0.1:" + streams.port() + "/ws/";
    }

    /** WebSocket connections open now. */
    public int streamConnections() {
        return streams.openConnections();
    }

    /** Drops every WebSocket connection at once, without a close handshake, as a network failure would. */
    public void cutStreamConnections() {
        streams.cutAll();
    }

    /**
     * Makes every WebSocket connection open now go silent while staying open (a hung feed); connections
     * made afterwards are served normally.
     */
    public void stallStreamConnections() {
        streams.stallAll();
    }

    public int chainId() {
        return node.chainId();
    }

    /** The perps module's id, {@code <address, long form>::perpetual_scripts}: what {@code KANA_MODULE} names. */
    public String moduleId() {
        return node.module().moduleId();
    }

    /** The perps module's address, long form. */
    public String moduleAddress() {
        return Hex.longAddress(moduleAddress);
    }

    /** Credits a wallet with quote coins and {@link #DEFAULT_APT_OCTAS} for gas, creating its account. */
    public void fundWallet(String address, BigDecimal usdc) {
        fundWallet(address, usdc, DEFAULT_APT_OCTAS);
    }

    /**
     * Credits a wallet with quote coins (human units) and APT (octas, 10^-8 APT), creating its
     * account.
     */
    public void fundWallet(String address, BigDecimal usdc, long aptOctas) {
        Objects.requireNonNull(usdc, "usdc");
        if (usdc.signum() < 0 || aptOctas < 0) {
            throw new IllegalArgumentException("funding must not be negative, got " + usdc.toPlainString()
                    + " USDC and " + aptOctas + " octas");
        }
        String wallet = Hex.longAddress(address);
        node.fundApt(wallet, aptOctas);
        if (usdc.signum() > 0) {
            node.module().fundWallet(wallet, usdc);
        }
    }

    /** The wallet's APT balance in octas; 0 for an unknown wallet. */
    public long aptBalanceOctas(String address) {
        return node.aptBalanceOctas(address);
    }

    /** Moves a market's mark price. */
    public void setMarkPrice(long marketId, BigDecimal price) {
        node.module().setMarkPrice(marketId, Objects.requireNonNull(price, "price"));
    }

    /**
     * Makes the trade API's write endpoints answer {@code rewrite}'s version of each payload instead
     * of the one they built, until called again; {@link UnaryOperator#identity()} switches it off.
     * For testing that a client refuses to sign a payload it did not ask for:
     * <pre>{@code
     * sandbox.tamperPayloads(p -> p.withFunction("0x1::coin::transfer"));
     * sandbox.tamperPayloads(p -> p.withArgument(0, "1339"));     // another market
     * }</pre>
     */
    public void tamperPayloads(UnaryOperator<SandboxPayload> rewrite) {
        Objects.requireNonNull(rewrite, "rewrite");
        if (tradeApi == null) {
            throw new UnsupportedOperationException(node.module().getClass().getSimpleName()
                    + " builds no payloads to tamper with");
        }
        tradeApi.rewritePayloads((endpoint, payload) -> rewrite.apply(SandboxPayload.of(endpoint, payload)).answer());
    }

    /**
     * Requests received by one endpoint since the start or the last reset, faulted ones included.
     * Trade API endpoints are their paths ({@code /getMarketInfo}); node endpoints use placeholders
     * ({@code /v1/accounts/{address}}, {@code /v1/transactions}, {@code
     * /v1/transactions/by_hash/{hash}}).
     */
    public long requestCount(String endpoint) {
        LongAdder count = counts.get(endpoint);
        return count == null ? 0 : count.sum();
    }

    /** Every endpoint's request count, sorted by endpoint. */
    public Map<String, Long> requestCounts() {
        return FaultingHandler.snapshot(counts);
    }

    public void resetRequestCounts() {
        counts.clear();
    }

    /** The faults to inject, switchable while the sandbox runs. */
    public SandboxFaults faults() {
        return faults;
    }

    /** Stops serving at once and stops committing. */
    @Override
    public void close() {
        close(streams);
    }

    private void close(StreamServer streamServer) {
        if (streamServer != null) {
            streamServer.close();
        }
        server.stop(0);
        httpExecutor.shutdownNow();
        node.close();
    }

    /** Settings for a sandbox; every one has a default. */
    public static final class Builder {
        private int port;
        private int chainId = 4;
        private long seed = 1;
        private String moduleAddress = DEFAULT_MODULE_ADDRESS;
        private Clock clock = Clock.systemUTC();
        private Duration commitDelay = Duration.ofMillis(5);
        private Consumer<SandboxFaults> faults = f -> { };
        private Function<ChainAccounts, PerpsModule> module;
        private HttpHandler tradeApi;
        private PerpsContract contract = PerpsContract.standard();
        private int mempoolCapacityPerAccount = SandboxNode.CAPACITY_PER_ACCOUNT;

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The chain id the node reports and requires; default 4 (localnet). */
        public Builder chainId(int chainId) {
            if (chainId < 1 || chainId > 255) {
                throw new IllegalArgumentException("a chain id is 1..255, got " + chainId);
            }
            this.chainId = chainId;
            return this;
        }

        /** Seeds every random choice (market data, faults); default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The perps module's address; default {@link #DEFAULT_MODULE_ADDRESS}. */
        public Builder moduleAddress(String moduleAddress) {
            this.moduleAddress = Hex.longAddress(moduleAddress);
            return this;
        }

        /** The chain's clock: block timestamps and expiration checks; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long an accepted transaction stays pending before it commits; default 5 ms. */
        public Builder commitDelay(Duration commitDelay) {
            if (commitDelay.isNegative()) {
                throw new IllegalArgumentException("the commit delay must not be negative, got " + commitDelay);
            }
            this.commitDelay = commitDelay;
            return this;
        }

        /** Faults switched on from the start; they can be changed later through {@link #faults()}. */
        public Builder faults(Consumer<SandboxFaults> faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * The write contract the chain's module publishes and the trade API's payloads follow, in the
         * grammar of {@code contract/kana-perps.contract}; default that file. A drifted contract (see
         * {@link ContractDrift}) makes the sandbox behave like an upgraded chain: a renamed function,
         * an added or reordered parameter.
         *
         * @throws IllegalArgumentException naming the line or operation the sandbox cannot run
         */
        public Builder contract(String contractText) {
            this.contract = PerpsContract.parse(Objects.requireNonNull(contractText, "contractText"));
            return this;
        }

        /** {@link #contract(String)} read from a file. */
        public Builder contract(Path contractFile) {
            String text;
            try {
                text = Files.readString(contractFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the contract " + contractFile, e);
            }
            try {
                return contract(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(contractFile + ": " + e.getMessage(), e);
            }
        }

        /** Replaces the simulated exchange, for tests of the chain half. */
        Builder module(Function<ChainAccounts, PerpsModule> module) {
            this.module = Objects.requireNonNull(module, "module");
            return this;
        }

        /** The trade API served when {@link #module} is not the exchange, for tests of the chain half. */
        Builder tradeApi(HttpHandler tradeApi) {
            this.tradeApi = Objects.requireNonNull(tradeApi, "tradeApi");
            return this;
        }

        /** Shrinks the per-account mempool (aptos-core's default is 100), for tests of a full mempool. */
        Builder mempoolCapacityPerAccount(int capacity) {
            this.mempoolCapacityPerAccount = capacity;
            return this;
        }

        /** Starts the sandbox; it serves until closed. */
        public KanaSandbox start() {
            return new KanaSandbox(this);
        }
    }
}
