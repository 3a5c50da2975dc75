package io.kana.benchmarks;

import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.PayloadSource;
import io.kana.core.trading.TradeResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Orders per second placed end to end against the in-process sandbox (trade API and Aptos node on
 * loopback), with {@code inFlight} orders outstanding at any time, next to the same HTTP round trips
 * made by hand, so that the difference is what the library costs.
 *
 * <ul>
 *   <li>{@link #placeLimitOrder}: one {@code KanaTrader.placeLimitOrder} of one {@code KanaClient}:
 *       validation against the market's rules, the payload (a GET from the trade API with
 *       {@code payloadSource = TRADE_API}; built locally, one in 100 still fetched to compare, with
 *       {@code VERIFIED_LOCAL}), payload check, ABI encoding,
 *       sequence numbering, Ed25519 signature, POST of the signed bytes; with {@code AWAIT_COMMIT}
 *       also the wait for the commit.</li>
 *   <li>{@link #rawHttp}: the floor. A plain OkHttp GET of the same payload endpoint (body read, not
 *       parsed) and a POST of bytes signed before the iteration; with {@code AWAIT_COMMIT} then one
 *       {@code wait_by_hash} long poll (repeated while pending). Same OkHttp settings as the client.</li>
 * </ul>
 *
 * <p>Each iteration runs on a fresh sandbox, so the book and the chain do not grow from iteration to
 * iteration. With {@code SUBMIT_ONLY} nothing waits for commits, so the raw calls go through a
 * {@link MempoolGate} that keeps the wallet's uncommitted transactions below the node's per-account
 * mempool capacity (100); the library's submitter keeps such a window itself. The sandbox
 * commits each transaction 5 ms after it arrives (its default), so with {@code AWAIT_COMMIT} one
 * order in flight cannot exceed about 200 orders/s. The benchmark thread keeps the window full; a
 * failed order stops the run, and after each iteration the book must hold exactly the orders placed.
 * Each iteration prints the CPU and the sandbox requests per order (see {@link OrderFlow}).
 *
 * <p>At {@code inFlight = 1} the throughput is the reciprocal of the latency:
 * {@code 10^6 / (ops/s)} µs per order, so the library's added latency is
 * {@code 10^6/placeLimitOrder − 10^6/rawHttp}.
 *
 * <p>Warm-up: the JIT needs 15 to 25 s on 2 shared cores to compile client, sandbox and crypto code (the
 * report's {@code jit} time drops to a few ms per iteration); measured earlier, the library pays for
 * compiling more code than the raw calls. A full run (12 combinations) takes under 5 minutes:
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar EndToEnd -f1 -wi 1 -w 15 -i 3 -r 2</pre>
 *
 * <p>Payload source, one run ({@code -p inFlight=1 -w 12}, 2 shared cores with other builds running, so
 * errors are wide), orders/s and the latency 10^6/(ops/s):
 * <pre>
 *                          SUBMIT_ONLY              AWAIT_COMMIT            requests/order (steady state)
 * TRADE_API                 701 ops/s  1.43 ms       141 ops/s  7.09 ms     placeLimitOrder 1.00, transactions 1.00
 * VERIFIED_LOCAL            918 ops/s  1.09 ms       146 ops/s  6.84 ms     placeLimitOrder 0.01, transactions 1.00
 * rawHttp (GET + POST)      863 ops/s  1.16 ms       157 ops/s  6.37 ms     placeLimitOrder 1.00, transactions 1.00
 * </pre>
 * Awaiting adds one {@code wait_by_hash} per order (1.00) in every row; its latency is dominated by the
 * sandbox's 5 ms commit delay. {@code VERIFIED_LOCAL} beats the two-request floor because it skips the
 * payload round trip; at {@code inFlight = 64} (SUBMIT_ONLY) the same run gave 804 (TRADE_API) and 1125
 * (VERIFIED_LOCAL) orders/s against 1263 for rawHttp.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1, time = 15)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class EndToEndBenchmark {

    /** How far each order goes before it counts as done. */
    public enum Completion { SUBMIT_ONLY, AWAIT_COMMIT }

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    /** One library order. */
    @Benchmark
    public CompletableFuture<TradeResult> placeLimitOrder(LibraryRun run) throws InterruptedException {
        return run.place();
    }

    /** The same order's HTTP round trips by hand, signed in advance. */
    @Benchmark
    public Integer rawHttp(RawRun run) throws InterruptedException {
        return run.place();
    }

    /**
     * What both benchmarks share, per iteration: a fresh sandbox and client, the window of orders in
     * flight, the mempool gate, a warm-up, and afterwards the check that every order rests in the
     * book, with one report line: the orders placed, the CPU and the sandbox requests each order took
     * after the warm-up (see {@link CpuMeter}), and whether the gate had to hold orders back.
     */
    @State(Scope.Benchmark)
    public abstract static class OrderFlow {

        @Param({"1", "8", "64"})
        public int inFlight;

        @Param({"SUBMIT_ONLY", "AWAIT_COMMIT"})
        public Completion completion;

        SandboxSession session;
        private InFlightWindow window;
        private MempoolGate gate;
        private long firstNumber;
        private long placed;
        private long warmUp;
        private CpuMeter cpu;

        @Setup(Level.Iteration)
        public void start(IterationParams iteration) throws InterruptedException {
            session = SandboxSession.start(completion == Completion.SUBMIT_ONLY
                    ? Execution.SUBMIT_ONLY : Execution.awaitCommit(SandboxSession.COMMIT_TIMEOUT), payloadSource());
            window = new InFlightWindow(inFlight);
            gate = new MempoolGate(session::committedCount);
            firstNumber = gate.committed();
            placed = 0;
            TimeValue time = iteration.getTime();
            prepare(Math.max(1, time.getTimeUnit().toSeconds(time.getTime())), iteration.getType() == IterationType.WARMUP);
            // Fills the caches (market rules, ABI, chain id, gas price, sequence number) and opens the connections.
            for (int i = 0; i < 2 * inFlight; i++) {
                place();
            }
            window.drain(DRAIN_TIMEOUT);
            warmUp = placed;
            session.sandbox.resetRequestCounts();
            cpu = CpuMeter.start();
        }

        /** Where the client's trader takes its payloads from. */
        PayloadSource payloadSource() {
            return PayloadSource.TRADE_API;
        }

        /**
         * Sets up what the orders of an iteration of {@code seconds} need, once the session is running.
         *
         * @param warmUp whether the iteration is a warm-up one, whose time is not measured
         */
        abstract void prepare(long seconds, boolean warmUp);

        /** Starts one order; returns at once, unless the window or the mempool is full. */
        abstract Object place() throws InterruptedException;

        /** The hash of the order with the highest sequence number so far. */
        abstract String lastHash();

        /** Releases what {@link #prepare(long, boolean)} set up. */
        void release() {}

        /**
         * Waits for room for one more order and counts it.
         *
         * @return the order's index in the iteration; its sequence number is the first one plus this
         */
        final long admit() throws InterruptedException {
            window.enter();
            if (gatesMempool()) {
                gate.awaitRoomFor(firstNumber + placed);
            }
            return placed++;
        }

        /**
         * Whether {@link #admit()} holds orders back to fit the node's mempool. The raw calls must; the
         * library's submitter keeps its own window of uncommitted transactions
         * ({@code SubmitterSettings.maxUncommitted}), so gating it here too would measure the gate's polls.
         */
        boolean gatesMempool() {
            return true;
        }

        /** How many orders this iteration started so far. */
        final long placed() {
            return placed;
        }

        /** The wallet's sequence number when the iteration began: that of the first order. */
        final long firstSequenceNumber() {
            return firstNumber;
        }

        /** The order started by {@link #admit()} completed, failed when {@code error} is not null. */
        final void completed(Throwable error) {
            window.leave(error);
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            try {
                window.drain(DRAIN_TIMEOUT);
                String used = cpu.perOrder(placed - warmUp);
                String requests = session.requestsPerOrder(placed - warmUp);
                session.verifyResting(lastHash(), placed);
                System.out.printf("  (%d orders resting; %s; %s; mempool gate: %d polls, %d waits)%n", placed, used,
                        requests, gate.polls(), gate.waits());
            } finally {
                try {
                    release();
                } finally {
                    session.close();
                }
            }
        }
    }

    /** Orders placed through the client's {@code KanaTrader}. */
    public static class LibraryRun extends OrderFlow {

        /**
         * {@code VERIFIED_LOCAL}: after the warm-up's first order, payloads are built locally and one in
         * every {@value KanaTrader#DEFAULT_RECHECK_EVERY} is compared with the trade API's.
         */
        @Param({"TRADE_API", "VERIFIED_LOCAL"})
        public PayloadSource payloadSource;

        @Override
        PayloadSource payloadSource() {
            return payloadSource;
        }

        @Override
        boolean gatesMempool() {
            return false;
        }

        private KanaTrader trader;
        private RestingOrders orders;
        private final AtomicReference<TradeResult> latest = new AtomicReference<>();

        @Override
        void prepare(long seconds, boolean warmUp) {
            trader = session.client.trader();
            orders = RestingOrders.cursor();
            latest.set(null);
        }

        @Override
        CompletableFuture<TradeResult> place() throws InterruptedException {
            // The trader numbers orders in call order, so this order gets the number admit() counted.
            admit();
            CompletableFuture<TradeResult> order = trader.placeLimitOrder(orders.next());
            order.whenComplete((result, error) -> {
                if (result != null) {
                    latest.accumulateAndGet(result,
                            (a, b) -> a == null || b.sequenceNumber().compareTo(a.sequenceNumber()) > 0 ? b : a);
                }
                completed(error);
            });
            return order;
        }

        @Override
        String lastHash() {
            return latest.get().hash();
        }
    }
}
