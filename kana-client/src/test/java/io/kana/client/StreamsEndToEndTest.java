package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.KEY_B;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.Direction;
import io.kana.core.model.FundingRate;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.Order;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.Feed;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.OrderBookMirror;
import io.kana.core.stream.StreamEvent;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Every topic end to end: the SDK's streams against the sandbox's WebSocket API, typed records out. */
class StreamsEndToEndTest {

    private static LimitOrderRequest bid(String price) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), new BigDecimal(price), 2);
    }

    private static KanaClient streaming(KanaSandbox sandbox, String key) {
        KanaClient client = KanaClient.builder(SandboxWallets.config(sandbox, key)).execution(SandboxWallets.AWAIT)
                .submitterSettings(SandboxWallets.SETTINGS).wsUrl(URI.create(sandbox.wsUrl())).build();
        sandbox.fundWallet(client.wallet().hex(), new BigDecimal("1000"));
        return client;
    }

    private static <T> Recorder<StreamEvent<T>> record(KanaStreams streams, Feed<T> feed) {
        Recorder<StreamEvent<T>> recorder = new Recorder<>();
        streams.subscribe(feed).subscribe(recorder);
        return recorder;
    }

    private static <T> List<T> items(Recorder<StreamEvent<T>> recorder) {
        return recorder.items.stream().flatMap(e -> e.data().stream()).toList();
    }

    @Test
    void everyTopicDeliversTypedRecords() throws Exception {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(11).start();
                KanaClient alice = streaming(sandbox, KEY_A);
                KanaClient bob = streaming(sandbox, KEY_B)) {
            KanaStreams streams = alice.streams();
            var wallet = alice.wallet();
            Recorder<ConnectionEvent> connection = new Recorder<>();
            streams.connectionEvents().subscribe(connection);
            Recorder<StreamEvent<Order>> orderHistory = record(streams, Feed.orderHistory(wallet));
            Recorder<StreamEvent<BalanceTransfer>> transfers = record(streams, Feed.depositWithdrawHistory(wallet));
            Recorder<StreamEvent<Trade>> trades = record(streams, Feed.tradeHistory(wallet));
            Recorder<StreamEvent<Position>> positions = record(streams, Feed.positions(wallet));
            Recorder<StreamEvent<Order>> openOrders = record(streams, Feed.openOrders(wallet));
            Recorder<StreamEvent<BookSnapshot>> book = record(streams, Feed.orderBook(APT));
            Recorder<StreamEvent<Trade>> recent = record(streams, Feed.recentTrades(APT));
            Recorder<StreamEvent<FundingRate>> funding = record(streams, Feed.fundingRates());
            Recorder<StreamEvent<Order>> liveOrders = record(streams, Feed.liveOrderHistory(wallet));
            Recorder<StreamEvent<Trade>> liveTrades = record(streams, Feed.liveTradeHistory(wallet));
            Recorder<StreamEvent<MarketPrice>> best = record(streams, Feed.bestPrice(APT));
            await().atMost(Duration.ofSeconds(5)).until(() -> !openOrders.items.isEmpty() && !book.items.isEmpty());

            KanaTrader.join(alice.trader().deposit(dec("100")));
            KanaTrader.join(alice.trader().placeLimitOrder(bid("5.7")));
            KanaTrader.join(bob.trader().deposit(dec("100")));
            KanaTrader.join(bob.trader().placeMarketOrder(
                    MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN, dec("1"), 2)));
            post(sandbox, "sandbox/fundingTick", "{\"marketId\": 1338, \"rate\": \"0.0001\"}");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(items(transfers)).extracting(BalanceTransfer::amount).contains(new BigDecimal("100"));
                assertThat(items(orderHistory)).anySatisfy(o -> assertThat(o.price()).isEqualByComparingTo("5.7"));
                assertThat(items(liveOrders)).isNotEmpty();
                assertThat(items(trades)).singleElement().satisfies(t -> assertThat(t.size()).isEqualByComparingTo("1"));
                assertThat(items(liveTrades)).singleElement().satisfies(t -> assertThat(t.price()).isEqualByComparingTo("5.7"));
                assertThat(positions.items.get(positions.items.size() - 1).data()).singleElement()
                        .satisfies(p -> assertThat(p.side()).isEqualTo(Side.LONG));
                assertThat(openOrders.items).anySatisfy(e -> assertThat(e.data()).hasSize(1));
                assertThat(openOrders.items.get(openOrders.items.size() - 1).data()).isEmpty();
                assertThat(book.items).anySatisfy(e -> assertThat(e.data().get(0).bestBid()).isEqualByComparingTo("5.7"));
                assertThat(items(recent)).singleElement().satisfies(t -> assertThat(t.marketId()).isEqualTo(APT));
                assertThat(items(funding)).singleElement().satisfies(f -> assertThat(f.rate()).isEqualByComparingTo("0.0001"));
                assertThat(items(best)).anySatisfy(p -> assertThat(p.bestBid()).isEqualByComparingTo("5.7"));
            });
            assertThat(connection.items).first().isInstanceOf(ConnectionEvent.Connected.class);
            assertThat(connection.items).noneMatch(e -> e instanceof ConnectionEvent.Gap);
        }
    }

    @Test
    void theWatchdogReconnectsAStalledFeedAndTheMissedOrderIsReconciled() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(12).start();
                KanaClient alice = streaming(sandbox, KEY_A);
                KanaStreams streams = StormTest.streams(sandbox, alice, Duration.ofMillis(300))) {
            KanaTrader.join(alice.trader().deposit(dec("100")));
            Recorder<ConnectionEvent> connection = new Recorder<>();
            streams.connectionEvents().subscribe(connection);
            Recorder<StreamEvent<Order>> openOrders = record(streams, Feed.openOrders(alice.wallet()));
            await().atMost(Duration.ofSeconds(5)).until(() -> !openOrders.items.isEmpty());

            sandbox.stallStreamConnections();
            KanaTrader.join(alice.trader().placeLimitOrder(bid("5.5")));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(connection.items).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                        ConnectionEvent.Disconnected.class, d -> assertThat(d.reason()).contains("stale feed")));
                assertThat(connection.items).anyMatch(e -> e instanceof ConnectionEvent.Reconnected);
                assertThat(openOrders.items.get(openOrders.items.size() - 1).data()).singleElement()
                        .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("5.5"));
            });
        }
    }

    @Test
    void aSlowConsumerIsToldOfTheGapAndStillGetsEveryOrderOnce() throws Exception {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(13).start();
                KanaClient alice = streaming(sandbox, KEY_A);
                KanaStreams streams = KanaStreams.builder(io.kana.http.KanaWebSocket.builder(URI.create(sandbox.wsUrl()))
                        .build()).reconcileWith(alice.orders(), alice.positions(), alice.accounts(), alice.markets())
                        .bufferSize(4).build()) {
            KanaTrader.join(alice.trader().deposit(dec("100")));
            Recorder<ConnectionEvent> connection = new Recorder<>();
            streams.connectionEvents().subscribe(connection);
            CountDownLatch release = new CountDownLatch(1);
            Recorder<StreamEvent<Order>> slow = new Recorder<>() {
                @Override
                public void onNext(StreamEvent<Order> item) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.onNext(item);
                }
            };
            streams.subscribe(Feed.orderHistory(alice.wallet())).subscribe(slow);
            for (int i = 0; i < 12; i++) {
                KanaTrader.join(alice.trader().placeLimitOrder(bid("4." + (10 + i))));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> connection.items.stream().anyMatch(e ->
                    e instanceof ConnectionEvent.Gap g && g.cause() == ConnectionEvent.Cause.SLOW_CONSUMER));
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(items(slow))
                    .extracting(Order::orderId).doesNotHaveDuplicates().hasSize(12));
            assertThat(slow.items).anyMatch(e -> e.origin() == StreamEvent.Origin.RECONCILED);
            assertThat(connection.items).anyMatch(e -> e instanceof ConnectionEvent.GapBridged);
        }
    }

    @Test
    void theBookMirrorAgreesWithRestAndRebuildsWhenItMissedAChange() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(14).start();
                KanaClient alice = streaming(sandbox, KEY_A)) {
            KanaTrader.join(alice.trader().deposit(dec("100")));
            OrderBookMirror mirror = alice.streams().orderBookMirror(APT);
            KanaTrader.join(alice.trader().placeLimitOrder(bid("5.1")));
            await().atMost(Duration.ofSeconds(5)).until(() -> mirror.book() != null && mirror.book().bestBid() != null);
            assertThat(mirror.check()).isTrue();

            sandbox.faults().dropStreamMessages(1);
            KanaTrader.join(alice.trader().placeLimitOrder(bid("5.2")));
            assertThat(mirror.book().bestBid()).isEqualByComparingTo("5.1");
            sandbox.faults().dropStreamMessages(0);

            assertThat(mirror.check()).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(mirror::check);
            assertThat(mirror.book().bestBid()).isEqualByComparingTo("5.2");
            assertThat(mirror.rebuilds()).isPositive();
        }
    }

    private static void post(KanaSandbox sandbox, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.apiUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
