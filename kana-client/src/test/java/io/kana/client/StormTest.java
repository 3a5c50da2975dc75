package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.Feed;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.StreamEvent;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.http.KanaWebSocket;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * 500 fills while the connection is cut every 50 ms and a tenth of the messages are lost and another
 * tenth repeated: the subscriber gets every fill exactly once, every gap is reported, and closing leaves
 * no thread or connection behind.
 */
class StormTest {

    private static final int BIDS = 250;
    private static final int PER_SWEEP = 5;

    /** Streams for {@code client}'s REST reads, reconnecting fast, with the given watchdog. */
    static KanaStreams streams(KanaSandbox sandbox, KanaClient client, Duration staleAfter) {
        KanaWebSocket socket = KanaWebSocket.builder(URI.create(sandbox.wsUrl()))
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).staleAfter(staleAfter).build();
        return KanaStreams.builder(socket)
                .reconcileWith(client.orders(), client.positions(), client.accounts(), client.markets()).build();
    }

    @Test
    void everyFillExactlyOnceThroughCutsDropsAndRepeats() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(21).start();
                KanaClient alice = SandboxWallets.funded(sandbox, KEY_A, "2000")) {
            KanaTrader trader = alice.trader();
            KanaTrader.join(trader.deposit(dec("1500")));
            // Resting bids at distinct prices; each self-matching sell below fills PER_SWEEP of them, so each
            // sweep is 2 * PER_SWEEP fills of this one account (the maker and the taker side of each match).
            List<CompletableFuture<TradeResult>> placed = new ArrayList<>();
            for (int i = 0; i < BIDS; i++) {
                placed.add(trader.placeLimitOrder(LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("0.5"),
                        new BigDecimal("3.000").add(BigDecimal.valueOf(i, 3)), 2)));
            }
            placed.forEach(KanaTrader::join);

            KanaStreams streams = streams(sandbox, alice, Duration.ofMillis(400));
            Recorder<ConnectionEvent> connection = new Recorder<>();
            streams.connectionEvents().subscribe(connection);
            Recorder<StreamEvent<Trade>> fills = new Recorder<>();
            streams.subscribe(Feed.tradeHistory(alice.wallet())).subscribe(fills);
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.items.stream()
                    .anyMatch(e -> e instanceof ConnectionEvent.Connected));

            sandbox.faults().dropStreamMessages(0.1).duplicateStreamMessages(0.1);
            ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger cuts = new AtomicInteger();
            cutter.scheduleAtFixedRate(() -> {
                sandbox.cutStreamConnections();
                cuts.incrementAndGet();
            }, 50, 50, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            for (int sweep = 0; sweep < BIDS / PER_SWEEP; sweep++) {
                KanaTrader.join(trader.placeMarketOrder(MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN,
                        dec("0.5").multiply(BigDecimal.valueOf(PER_SWEEP)), 2)));
            }
            long stormMillis = (System.nanoTime() - started) / 1_000_000;
            cutter.shutdownNow();
            sandbox.faults().dropStreamMessages(0).duplicateStreamMessages(0);

            int expected = 2 * BIDS;
            await().atMost(Duration.ofSeconds(15)).until(() -> keys(fills).size() >= expected);
            List<Trade> delivered = fills.items.stream().flatMap(e -> e.data().stream()).toList();
            assertThat(delivered).hasSize(expected);
            assertThat(keys(fills)).hasSize(expected);
            assertThat(alice.orders().tradeHistory(alice.wallet(), null,
                    io.kana.core.model.PageRequest.of(0, 1000, io.kana.core.model.SortOrder.DESC))).hasSize(expected);

            long lost = count(connection, e -> e instanceof ConnectionEvent.Gap g
                    && g.cause() == ConnectionEvent.Cause.MESSAGE_LOST);
            long disconnects = count(connection, e -> e instanceof ConnectionEvent.Disconnected);
            long reconnects = count(connection, e -> e instanceof ConnectionEvent.Reconnected);
            long disconnectGaps = count(connection, e -> e instanceof ConnectionEvent.Gap g
                    && g.cause() == ConnectionEvent.Cause.DISCONNECTED);
            int recovered = connection.items.stream().filter(e -> e instanceof ConnectionEvent.GapBridged)
                    .mapToInt(e -> ((ConnectionEvent.GapBridged) e).recovered()).sum();
            long reconciledFills = fills.items.stream().filter(e -> e.origin() == StreamEvent.Origin.RECONCILED)
                    .mapToLong(e -> e.data().size()).sum();
            System.out.printf("storm: %d fills in %d ms; %d cuts, %d disconnects (%d gaps), %d reconnects, %d lost-message gaps;"
                    + " sandbox dropped %d and repeated %d messages; %d fills recovered through REST, %d live%n",
                    expected, stormMillis, cuts.get(), disconnects, disconnectGaps, reconnects, lost,
                    sandbox.faults().droppedStreamMessageCount(), sandbox.faults().duplicatedStreamMessageCount(),
                    reconciledFills, expected - reconciledFills);
            // Every disconnect was reported as a gap of the feed, and every reconnect followed one.
            assertThat(disconnects).isGreaterThan(5);
            assertThat(disconnectGaps).isEqualTo(disconnects);
            assertThat(reconnects).isBetween(disconnects - 1, disconnects);
            assertThat(recovered).isEqualTo((int) reconciledFills);
            assertThat(reconciledFills).isPositive();

            streams.close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(sandbox.streamConnections()).isZero();
                assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                        .extracting(Thread::getName)
                        .noneMatch(name -> name.startsWith("kana-stream-") || name.startsWith("kana-ws-")
                                || name.contains(sandbox.wsUrl().replace("/ws/", "")));
            });
            assertThat(fills.completed).isTrue();
        }
    }

    private static java.util.Set<String> keys(Recorder<StreamEvent<Trade>> fills) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        fills.items.forEach(e -> e.data().forEach(t -> keys.add(t.tradeId() + "/" + t.orderId())));
        return keys;
    }

    private static long count(Recorder<ConnectionEvent> events, Predicate<ConnectionEvent> filter) {
        return events.items.stream().filter(filter).count();
    }
}
