package io.kana.core.stream;

import static io.kana.core.stream.Items.MARKET;
import static io.kana.core.stream.Items.WALLET;
import static io.kana.core.stream.Items.fill;
import static io.kana.core.stream.Items.order;
import static io.kana.core.stream.Items.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kana.core.model.BookSnapshot;
import io.kana.core.model.FundingRate;
import io.kana.core.model.Order;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.Trade;
import io.kana.core.stream.ConnectionEvent.Cause;
import io.kana.core.stream.ConnectionEvent.Gap;
import io.kana.core.stream.ConnectionEvent.GapBridged;
import io.kana.core.stream.StreamEvent.Origin;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KanaStreamsTest {

    private static final String PROFILE = FakeReads.PROFILE.hex();

    private final FakeTransport transport = new FakeTransport();
    private final FakeReads rest = new FakeReads();
    private final Recorder<ConnectionEvent> monitor = Recorder.eager();
    private KanaStreams streams;

    private KanaStreams start(int bufferSize) {
        streams = KanaStreams.builder(transport).reconcileWith(rest, rest, rest, rest).bufferSize(bufferSize)
                .retryDelay(Duration.ZERO).build();
        streams.connectionEvents().subscribe(monitor);
        return streams;
    }

    @AfterEach
    void close() {
        if (streams != null) {
            streams.close();
        }
    }

    private void push(Topic topic, String key, Object... items) {
        transport.listener.message(topic, key, List.of(items));
    }

    private static List<String> tradeIds(List<StreamEvent<Trade>> events) {
        return events.stream().flatMap(e -> e.data().stream()).map(Trade::tradeId).toList();
    }

    @Test
    void aFullBufferBecomesAGapAndWhatTheSlowSubscriberMissedIsReconciledOnceItDrains() throws Exception {
        start(4);
        Feed<Trade> feed = Feed.tradeHistory(WALLET);
        Recorder<StreamEvent<Trade>> slow = Recorder.idle();
        streams.subscribe(feed).subscribe(slow);
        assertThat(transport.calls).containsExactly("start", "subscribe trade_history " + PROFILE);

        for (int n = 1; n <= 10; n++) {
            rest.trades.add(fill(n));
            push(Topic.TRADE_HISTORY, PROFILE, fill(n));
        }

        // 1-4 fill the buffer, 5 overflows: one gap, and nothing fetched while the subscriber still lags.
        Gap gap = (Gap) monitor.awaitUntil(e -> e instanceof Gap).get(0);
        assertThat(gap.cause()).isEqualTo(Cause.SLOW_CONSUMER);
        assertThat(gap.feed()).isEqualTo(feed);
        assertThat(rest.calls).doesNotContain("tradeHistory 0");

        slow.subscription.request(Long.MAX_VALUE);
        List<StreamEvent<Trade>> events = slow.awaitUntil(e -> e.origin() == Origin.RECONCILED);
        assertThat(events).extracting(StreamEvent::origin)
                .containsExactly(Origin.LIVE, Origin.LIVE, Origin.LIVE, Origin.LIVE, Origin.RECONCILED);
        assertThat(tradeIds(events)).containsExactly("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10");

        GapBridged bridged = (GapBridged) monitor.awaitUntil(e -> e instanceof GapBridged).get(0);
        assertThat(bridged).isEqualTo(new GapBridged(feed, 6, BigInteger.valueOf(1004), BigInteger.valueOf(1010)));

        // The socket repeating fills REST already delivered passes only the new one on.
        push(Topic.TRADE_HISTORY, PROFILE, fill(9), fill(10), fill(11));
        StreamEvent<Trade> next = slow.next();
        assertThat(next.origin()).isEqualTo(Origin.LIVE);
        assertThat(next.data()).containsExactly(fill(11));
    }

    @Test
    void theTransportThreadNeverWaitsForAStuckSubscriberAndOthersOnTheFeedAreNotHeldBack() throws Exception {
        start(16);
        Feed<Trade> feed = Feed.tradeHistory(WALLET);
        Recorder<StreamEvent<Trade>> stuck = Recorder.stuck();
        Recorder<StreamEvent<Trade>> healthy = Recorder.eager();
        streams.subscribe(feed).subscribe(stuck);
        streams.subscribe(feed).subscribe(healthy);
        IntStream.rangeClosed(1, 200).forEach(n -> rest.trades.add(fill(n)));

        // Would hang here if an offer waited for the stuck subscriber's buffer to free up.
        assertTimeoutPreemptively(Duration.ofSeconds(Recorder.PATIENCE_SECONDS), () -> {
            for (int n = 1; n <= 200; n++) {
                push(Topic.TRADE_HISTORY, PROFILE, fill(n));
            }
        });
        assertThat(monitor.awaitUntil(e -> e instanceof Gap g && g.cause() == Cause.SLOW_CONSUMER)).isNotEmpty();

        assertThat(everyFillOnce(healthy, 200)).isTrue();
        stuck.release();
        assertThat(everyFillOnce(stuck, 200)).isTrue();
    }

    /** Collects until {@code count} distinct fills arrived; true when none came twice. */
    private static boolean everyFillOnce(Recorder<StreamEvent<Trade>> recorder, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (new HashSet<>(ids).size() < count) {
            ids.addAll(recorder.next().data().stream().map(Trade::tradeId).toList());
        }
        return ids.size() == count;
    }

    @Test
    void theWalletsProfileIsAskedOnceForAllItsFeeds() {
        start(16);
        streams.subscribe(Feed.tradeHistory(WALLET)).subscribe(Recorder.eager());
        streams.subscribe(Feed.openOrders(WALLET)).subscribe(Recorder.eager());
        streams.subscribe(Feed.positions(WALLET)).subscribe(Recorder.eager());

        assertThat(rest.calls.stream().filter("profileAddress"::equals)).hasSize(1);
        assertThat(transport.calls).contains("subscribe trade_history " + PROFILE, "subscribe open_orders " + PROFILE,
                "subscribe positions " + PROFILE);
    }

    @Test
    void aReconnectReconcilesEveryPrivateFeedAndDropsWhatTheSocketAlreadyDelivered() throws Exception {
        start(16);
        Feed<Trade> trades = Feed.tradeHistory(WALLET);
        Feed<Order> open = Feed.openOrders(WALLET);
        Recorder<StreamEvent<Trade>> tradeRecorder = Recorder.eager();
        Recorder<StreamEvent<Order>> openRecorder = Recorder.eager();
        streams.subscribe(trades).subscribe(tradeRecorder);
        streams.subscribe(open).subscribe(openRecorder);
        transport.listener.connected(false, 0);
        push(Topic.TRADE_HISTORY, PROFILE, fill(1));
        assertThat(tradeRecorder.next().data()).containsExactly(fill(1));

        transport.listener.disconnected("cut");
        // A fill the socket still delivers during the outage counts as delivered, but does not advance
        // the version from which REST is asked: fill 2 may be missing below it.
        push(Topic.TRADE_HISTORY, PROFILE, fill(3));
        assertThat(tradeRecorder.next().data()).containsExactly(fill(3));
        assertThat(rest.calls).noneMatch(c -> c.startsWith("tradeHistory") || c.equals("openOrders"));

        rest.trades.addAll(List.of(fill(1), fill(2), fill(3)));
        Order resting = order(7, 1003, OrderStatus.OPEN, "2");
        rest.openOrders.add(resting);
        transport.listener.connected(true, 3);

        StreamEvent<Trade> reconciled = tradeRecorder.next();
        assertThat(reconciled.origin()).isEqualTo(Origin.RECONCILED);
        assertThat(reconciled.data()).containsExactly(fill(2));
        StreamEvent<Order> snapshot = openRecorder.next();
        assertThat(snapshot.origin()).isEqualTo(Origin.RECONCILED);
        assertThat(snapshot.data()).containsExactly(resting);

        List<ConnectionEvent> events = new ArrayList<>();
        while (events.stream().filter(e -> e instanceof GapBridged).count() < 2) {
            events.add(monitor.next());
        }
        assertThat(events.get(0)).isEqualTo(new ConnectionEvent.Connected());
        assertThat(events.get(1)).isEqualTo(new ConnectionEvent.Disconnected("cut"));
        assertThat(events.subList(2, 4)).extracting(e -> ((Gap) e).cause()).containsOnly(Cause.DISCONNECTED);
        assertThat(events.subList(2, 4)).extracting(e -> (Object) ((Gap) e).feed()).containsExactlyInAnyOrder(trades, open);
        assertThat(events.get(4)).isInstanceOfSatisfying(ConnectionEvent.Reconnected.class,
                r -> assertThat(r.attempts()).isEqualTo(3));
        assertThat(events).contains(new GapBridged(trades, 1, BigInteger.valueOf(1001), BigInteger.valueOf(1003)));
    }

    @Test
    void aLostMessageIsReportedAndBridgedFromTheLastVersionHeldAskingRestForOnePageOnly() throws Exception {
        start(16);
        Feed<Trade> feed = Feed.tradeHistory(WALLET);
        Recorder<StreamEvent<Trade>> recorder = Recorder.eager();
        streams.subscribe(feed).subscribe(recorder);
        push(Topic.TRADE_HISTORY, PROFILE, fill(150));
        recorder.next();
        IntStream.rangeClosed(1, 152).forEach(n -> rest.trades.add(fill(n)));

        transport.listener.lost(Topic.TRADE_HISTORY, PROFILE, "seq 7 after 5");

        assertThat(monitor.next()).isEqualTo(new Gap(feed, Cause.MESSAGE_LOST, "seq 7 after 5"));
        StreamEvent<Trade> bridged = recorder.next();
        assertThat(bridged.origin()).isEqualTo(Origin.RECONCILED);
        assertThat(bridged.data()).containsExactly(fill(151), fill(152));
        assertThat(monitor.next()).isEqualTo(new GapBridged(feed, 2, BigInteger.valueOf(1150), BigInteger.valueOf(1152)));
        assertThat(rest.calls).containsOnlyOnce("tradeHistory 0").doesNotContain("tradeHistory 100");
    }

    @Test
    void aFailedRestReadIsReportedAndRetried() throws Exception {
        start(16);
        Feed<Trade> feed = Feed.tradeHistory(WALLET);
        Recorder<StreamEvent<Trade>> recorder = Recorder.eager();
        streams.subscribe(feed).subscribe(recorder);
        rest.trades.add(fill(1));
        rest.failures.set(1);

        transport.listener.lost(Topic.TRADE_HISTORY, PROFILE, "seq skipped");

        assertThat(recorder.next().data()).containsExactly(fill(1));
        List<ConnectionEvent> events = monitor.awaitUntil(e -> e instanceof GapBridged);
        assertThat(events).hasSize(3);
        assertThat(((Gap) events.get(1)).detail()).contains("reconciliation through REST failed", "REST down");
        assertThat(rest.calls).containsExactly("profileAddress", "tradeHistory 0", "tradeHistory 0");
    }

    @Test
    void historyIsDeduplicatedByTradeAndOrderIdAndOrdersByVersion() throws Exception {
        start(16);
        Recorder<StreamEvent<Trade>> trades = Recorder.eager();
        Recorder<StreamEvent<Order>> orders = Recorder.eager();
        streams.subscribe(Feed.tradeHistory(WALLET)).subscribe(trades);
        streams.subscribe(Feed.orderHistory(WALLET)).subscribe(orders);

        // A self-match: one trade id, both sides' orders. Both are fills of the account.
        Trade maker = trade("t1", 1, 1001);
        Trade taker = trade("t1", 2, 1001);
        push(Topic.TRADE_HISTORY, PROFILE, maker, taker, maker);
        assertThat(trades.next().data()).containsExactly(maker, taker);
        push(Topic.TRADE_HISTORY, PROFILE, taker);
        push(Topic.TRADE_HISTORY, PROFILE, taker, fill(2));
        assertThat(trades.next().data()).containsExactly(fill(2));

        Order placed = order(5, 100, OrderStatus.OPEN, "2");
        Order partlyFilled = order(5, 101, OrderStatus.PARTIALLY_FILLED, "1");
        push(Topic.ORDER_HISTORY, PROFILE, placed);
        push(Topic.ORDER_HISTORY, PROFILE, placed, partlyFilled);
        assertThat(orders.next().data()).containsExactly(placed);
        assertThat(orders.next().data()).containsExactly(partlyFilled);
    }

    @Test
    void snapshotFeedsAreNeverDeduplicated() throws Exception {
        start(16);
        Recorder<StreamEvent<Order>> open = Recorder.eager();
        streams.subscribe(Feed.openOrders(WALLET)).subscribe(open);
        Order resting = order(5, 100, OrderStatus.OPEN, "2");

        push(Topic.OPEN_ORDERS, PROFILE, resting);
        push(Topic.OPEN_ORDERS, PROFILE, resting);
        push(Topic.OPEN_ORDERS, PROFILE);

        assertThat(open.next().data()).containsExactly(resting);
        assertThat(open.next().data()).containsExactly(resting);
        assertThat(open.next().data()).isEmpty();
    }

    @Test
    void aSlowOrderBookSubscriberResumesWithTheNextBookSinceRestHasNone() throws Exception {
        start(4);
        Recorder<StreamEvent<BookSnapshot>> slow = Recorder.idle();
        streams.subscribe(Feed.orderBook(MARKET)).subscribe(slow);
        for (int n = 1; n <= 6; n++) {
            push(Topic.ORDERBOOK, "1338", Items.book(n + ".0", "9.0"));
        }
        assertThat(((Gap) monitor.next()).cause()).isEqualTo(Cause.SLOW_CONSUMER);

        slow.subscription.request(Long.MAX_VALUE);
        assertThat(slow.awaitUntil(e -> e.data().get(0).bestBid().intValue() == 4)).hasSize(4);
        BookSnapshot fresh = Items.book("7.0", "8.0");
        Recorder.await(() -> {
            push(Topic.ORDERBOOK, "1338", fresh);
            return !slow.received.isEmpty();
        });
        assertThat(slow.next().data()).containsExactly(fresh);
        assertThat(rest.calls).as("the order book has no REST counterpart to reconcile from").isEmpty();
    }

    @Test
    void theFirstSubscriberSubscribesTheFeedAndTheLastCancelUnsubscribesIt() throws Exception {
        start(16);
        Recorder<StreamEvent<Trade>> one = Recorder.eager();
        Recorder<StreamEvent<Trade>> two = Recorder.eager();
        Recorder<StreamEvent<FundingRate>> funding = Recorder.eager();
        streams.subscribe(Feed.recentTrades(MARKET)).subscribe(one);
        streams.subscribe(Feed.recentTrades(MARKET)).subscribe(two);
        streams.subscribe(Feed.fundingRates()).subscribe(funding);
        assertThat(transport.calls).containsExactly("start", "subscribe recent_trades 1338",
                "subscribe live_funding_rate null");

        one.subscription.cancel();
        assertThat(transport.calls).doesNotContain("unsubscribe recent_trades 1338");
        two.subscription.cancel();
        assertThat(transport.calls).endsWith("unsubscribe recent_trades 1338");

        streams.close();
        assertThat(transport.calls).endsWith("close");
        Recorder.await(() -> funding.completed || funding.error != null);
    }

    @Test
    void aLateConnectionSubscriberFirstLearnsTheStateItJoinsIn() throws Exception {
        start(16);
        transport.listener.connected(false, 0);
        monitor.awaitUntil(e -> e instanceof ConnectionEvent.Connected);

        Recorder<ConnectionEvent> lateWhileUp = Recorder.eager();
        streams.connectionEvents().subscribe(lateWhileUp);
        assertThat(lateWhileUp.next()).isInstanceOf(ConnectionEvent.Connected.class);

        transport.listener.disconnected("cut");
        monitor.awaitUntil(e -> e instanceof ConnectionEvent.Disconnected);
        Recorder<ConnectionEvent> lateWhileDown = Recorder.eager();
        streams.connectionEvents().subscribe(lateWhileDown);
        assertThat(lateWhileDown.next()).isEqualTo(new ConnectionEvent.Disconnected("cut"));

        transport.listener.connected(true, 2);
        assertThat(lateWhileDown.next()).isInstanceOf(ConnectionEvent.Reconnected.class);
        assertThat(lateWhileUp.awaitUntil(e -> e instanceof ConnectionEvent.Reconnected))
                .first().isEqualTo(new ConnectionEvent.Disconnected("cut"));
        Recorder<ConnectionEvent> lateAfterReconnect = Recorder.eager();
        streams.connectionEvents().subscribe(lateAfterReconnect);
        assertThat(lateAfterReconnect.next()).isInstanceOf(ConnectionEvent.Connected.class);
    }

    @Test
    void accountFeedsNeedTheAccountsPortForTheProfileAddress() {
        streams = KanaStreams.builder(transport).build();
        assertThatThrownBy(() -> streams.subscribe(Feed.positions(WALLET)).subscribe(Recorder.eager()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Accounts port");
        assertThatThrownBy(() -> streams.orderBookMirror(MARKET))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Markets port");
    }
}
