package io.kana.benchmarks;

import io.kana.client.KanaClient;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Orders per second placed end to end against the in-process sandbox: validation, payload fetch and
 * check, ABI encoding, signing, numbering, submit (and, with {@code AWAIT_COMMIT}, waiting for the
 * commit), with {@code inFlight} orders outstanding at any time. Client and sandbox share the machine,
 * so the numbers are a floor for the client alone.
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar EndToEndBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class EndToEndBenchmark {

    static final MarketId APT = MarketId.of(1338);
    /** Bids spread over 1.000 .. 3.999 USDC: they rest (the book has no asks) and the book stays shallow per level. */
    private static final int PRICE_LEVELS = 3000;

    @Param({"1", "8", "64"})
    public int inFlight;

    @Param({"SUBMIT_ONLY", "AWAIT_COMMIT"})
    public String execution;

    private KanaSandbox sandbox;
    private KanaClient client;
    private Semaphore permits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long placed;

    @Setup(Level.Trial)
    public void start() {
        sandbox = Sandboxes.start();
        Execution mode = "SUBMIT_ONLY".equals(execution) ? Execution.SUBMIT_ONLY : Execution.awaitCommit(Duration.ofSeconds(30));
        client = KanaClient.builder(Sandboxes.config(sandbox)).wallet(Sandboxes.wallet("end-to-end benchmark"))
                .execution(mode).build();
        Sandboxes.fundAndDeposit(sandbox, client);
        permits = new Semaphore(inFlight);
    }

    @Benchmark
    public void placeLimitOrder() throws InterruptedException {
        permits.acquire();
        long n = placed++;
        BigDecimal price = BigDecimal.valueOf(1000 + n % PRICE_LEVELS, 3);
        client.trader().placeLimitOrder(LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, new BigDecimal("0.5"), price, 20))
                .whenComplete((result, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    permits.release();
                });
    }

    /** Lets the orders of an iteration finish inside it, and fails the run on the first failed order. */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        permits.acquire(inFlight);
        permits.release(inFlight);
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("an order failed", error);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        sandbox.close();
    }
}
