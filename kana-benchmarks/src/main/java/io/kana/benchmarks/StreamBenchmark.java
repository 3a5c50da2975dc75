package io.kana.benchmarks;

import io.kana.core.model.Direction;
import io.kana.core.model.FundingRate;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.stream.Feed;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.StreamEvent;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.http.KanaWebSocket;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The stream path end to end on loopback: a change commits in the sandbox's exchange, the WebSocket
 * server builds its message under the commit's lock, OkHttp receives it, {@code KanaStreams} decodes
 * and delivers it to a {@link Flow.Subscriber}. The change is a funding tick (an admin POST that commits
 * at once, with no signing or mempool delay), so {@link #commitToEvent} measures request + commit +
 * delivery: an upper bound of commit-to-event latency. {@link #eventsPerSecond} keeps 100 ticks in
 * flight and counts delivered events on the one connection.
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar StreamBenchmark -f1 -wi 2 -w 5 -i 3 -r 5</pre>
 *
 * One run (2 shared cores, JDK 17): commit-to-event p50 165 µs, p90 200 µs, p99 253 µs, p99.9 3.6 ms
 * (85,000 samples); 6,112 ± 3,061 events/s on one connection.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamBenchmark {

    private static final MarketId APT = MarketId.of(1338);
    private static final int BURST = 100;

    private SandboxSession session;
    private KanaStreams streams;
    private HttpClient http;
    private HttpRequest tick;
    private final Semaphore events = new Semaphore(0);

    @Setup(Level.Trial)
    public void start() {
        session = SandboxSession.start(Execution.awaitCommit(SandboxSession.COMMIT_TIMEOUT));
        KanaTrader trader = session.client.trader();
        // A position on each side, so that every funding tick pays someone and sends a message.
        KanaTrader.join(trader.placeLimitOrder(LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN,
                BigDecimal.ONE, new BigDecimal("5.7"), 2)));
        KanaTrader.join(trader.placeMarketOrder(MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN, BigDecimal.ONE, 2)));
        streams = KanaStreams.builder(KanaWebSocket.builder(URI.create(session.sandbox.wsUrl())).build())
                .bufferSize(4096).build();
        streams.subscribe(Feed.fundingRates()).subscribe(new Flow.Subscriber<StreamEvent<FundingRate>>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(StreamEvent<FundingRate> item) {
                events.release();
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException("the funding feed failed", throwable);
            }

            @Override
            public void onComplete() {
            }
        });
        http = HttpClient.newHttpClient();
        tick = HttpRequest.newBuilder(URI.create(session.sandbox.apiUrl() + "sandbox/fundingTick"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"marketId\": 1338, \"rate\": \"0.000001\"}")).build();
        awaitSubscription();
    }

    /**
     * Ticks until one comes back: a tick the server handles before it registered the subscription is never
     * sent, so one tick alone may wait for ever. Then the permits of any late duplicates are dropped.
     */
    private void awaitSubscription() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!events.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no funding event within 10 s of ticking");
                }
                send(tick);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        events.drainPermits();
    }

    @TearDown(Level.Trial)
    public void stop() {
        streams.close();
        session.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public void commitToEvent() {
        send(tick);
        acquire(1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BURST)
    public void eventsPerSecond() {
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            sent.add(http.sendAsync(tick, HttpResponse.BodyHandlers.discarding()));
        }
        sent.forEach(CompletableFuture::join);
        acquire(BURST);
    }

    private void send(HttpRequest request) {
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void acquire(int count) {
        try {
            if (!events.tryAcquire(count, 10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a funding event did not arrive within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
