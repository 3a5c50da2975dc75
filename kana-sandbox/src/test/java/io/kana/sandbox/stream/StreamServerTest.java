package io.kana.sandbox.stream;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.profile;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.exchange.ExchangeDriver;
import io.kana.sandbox.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket API as a client that speaks only the documented protocol sees it: a subscribe JSON in,
 * {@code {"message": <topic>, "data": [...]}} out, within a second of a commit.
 */
class StreamServerTest {

    private final ExchangeDriver driver = new ExchangeDriver();
    /** Copies of each next message: 1 normally, 0 drops it, 2 duplicates it (what SandboxFaults decides). */
    private final AtomicInteger copies = new AtomicInteger(1);
    private final StreamServer server = new StreamServer(driver.exchange, copies::get);
    private final String alice = wallet(1);
    private final String bob = wallet(2);
    private final List<Client> clients = new ArrayList<>();

    /** A plain JDK WebSocket client; every text frame is one parsed message. */
    private final class Client implements WebSocket.Listener {
        final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);
        final WebSocket socket;
        private final StringBuilder partial = new StringBuilder();

        Client() {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/"), this).join();
            clients.add(this);
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add((Map<String, Object>) Json.parse(partial.toString()));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.countDown();
        }

        /** Messages of other topics than the one last waited for, in arrival order. */
        private final List<Map<String, Object>> stash = new ArrayList<>();

        /** The next message of {@code topic}, waiting at most a second. */
        Map<String, Object> next(String topic) throws InterruptedException {
            for (Map<String, Object> m : stash) {
                if (topic.equals(m.get("message"))) {
                    stash.remove(m);
                    return m;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (true) {
                Map<String, Object> m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(m).as("a %s message within a second", topic).isNotNull();
                if (topic.equals(m.get("message"))) {
                    return m;
                }
                stash.add(m);
            }
        }
    }

    @AfterEach
    void stop() {
        clients.forEach(c -> c.socket.abort());
        server.close();
    }

    @Test
    void orderbookAndOpenOrdersArriveWithinASecondOfACommit() throws Exception {
        driver.funded(alice, 1000);
        Client client = new Client();
        client.send("{\"topic\": \"orderbook\", \"market_id\": \"1338\"}");
        client.send("{\"topic\": \"open_orders\", \"address\": \"" + profile(alice) + "\"}");
        assertThat(data(client.next("orderbook")).get(0)).containsEntry("bids", List.of());
        assertThat(data(client.next("open_orders"))).isEmpty();

        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1500L, 5700L, 2, 0, 0L, 0L);

        Map<String, Object> book = data(client.next("orderbook")).get(0);
        assertThat(book).containsEntry("market_id", "1338")
                .containsEntry("bids", List.of(Map.of("price", "5.7", "size", "1.5")));
        Map<String, Object> orders = client.next("open_orders");
        assertThat(orders).containsEntry("address", profile(alice));
        assertThat(data(orders)).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("price", "5.7").containsEntry("remaining_size", "1.5"));
    }

    @Test
    void aFillReachesBothAccountsTradeHistoryAndTheMarketsRecentTrades() throws Exception {
        driver.funded(alice, 1000);
        driver.funded(bob, 1000);
        Client client = new Client();
        client.send("{\"topic\": \"trade_history\", \"address\": \"" + profile(alice) + "\"}");
        client.send("{\"topic\": \"recent_trades\", \"market_id\": 1338}");
        client.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        client.send("{\"topic\": \"positions\", \"address\": \"" + profile(bob) + "\"}");
        assertThat(data(client.next("trade_history"))).isEmpty();
        assertThat(data(client.next("recent_trades"))).isEmpty();
        client.next("best_price");
        client.next("positions");

        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 5700L, 2, 0, 0L, 0L);
        assertThat(text(data(client.next("best_price")).get(0), "bestBidPrice")).isEqualTo("5.7");
        driver.ok(bob, "place_market_order", APT, SHORT, OPEN, 1000L, 2, 0L, 0L);

        Map<String, Object> fill = data(client.next("trade_history")).get(0);
        assertThat(fill).containsEntry("address", profile(alice)).containsEntry("price", "5.7").containsEntry("size", "1");
        assertThat(data(client.next("recent_trades")).get(0)).containsEntry("address", profile(bob));
        assertThat(data(client.next("positions")).get(0)).containsEntry("trade_side", false).containsEntry("size", "1");
    }

    @Test
    void droppedMessagesSkipASequenceNumberAndDuplicatesRepeatOne() throws Exception {
        driver.funded(alice, 10_000);
        Client client = new Client();
        client.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        assertThat(text(client.next("best_price"), "seq")).isEqualTo("1");
        copies.set(0);
        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 5000L, 2, 0, 0L, 0L);
        copies.set(2);
        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 5100L, 2, 0, 0L, 0L);

        assertThat(text(client.next("best_price"), "seq")).isEqualTo("3");
        assertThat(text(client.next("best_price"), "seq")).isEqualTo("3");
    }

    @Test
    void aCutDropsEveryConnectionAndAStallSilencesOnlyTheOpenOnes() throws Exception {
        driver.funded(alice, 10_000);
        Client cut = new Client();
        cut.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        cut.next("best_price");
        server.cutAll();
        assertThat(cut.closed.await(1, TimeUnit.SECONDS)).isTrue();

        Client stalled = new Client();
        stalled.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        stalled.next("best_price");
        server.stallAll();
        Client fresh = new Client();
        fresh.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        fresh.next("best_price");
        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 5000L, 2, 0, 0L, 0L);

        assertThat(text(data(fresh.next("best_price")).get(0), "bestBidPrice")).isEqualTo("5");
        assertThat(stalled.messages).isEmpty();
        assertThat(server.openConnections()).isEqualTo(2);
    }

    @Test
    void aBadSubscriptionIsAnsweredWithAnError() throws Exception {
        Client client = new Client();
        client.send("{\"topic\": \"bestPrice\", \"market_id\": \"1338\"}");
        assertThat(client.next("error").get("error").toString()).contains("unknown topic 'bestPrice'");
        client.send("{\"topic\": \"open_orders\"}");
        assertThat(client.next("error").get("error").toString()).contains("needs \"address\"");
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("data");
    }
}
