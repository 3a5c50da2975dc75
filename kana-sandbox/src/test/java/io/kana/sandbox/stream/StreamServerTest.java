package io.kana.sandbox.stream;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.profile;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.exchange.ExchangeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final List<StreamClient> clients = new ArrayList<>();

    private StreamClient connect() {
        StreamClient client = new StreamClient("ws://127.0.0.1:" + server.port() + "/ws/");
        clients.add(client);
        return client;
    }

    @AfterEach
    void stop() {
        clients.forEach(StreamClient::close);
        server.close();
    }

    @Test
    void orderbookAndOpenOrdersArriveWithinASecondOfACommit() throws Exception {
        driver.funded(alice, 1000);
        StreamClient client = connect();
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
        StreamClient client = connect();
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
        StreamClient client = connect();
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
        StreamClient cut = connect();
        cut.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        cut.next("best_price");
        server.cutAll();
        // The server holds it no more. (The JDK client may not notice an abrupt drop until it reads again,
        // in runs here not for 11 s; OkHttp does at once, as the SDK's StormTest shows with every cut.)
        assertThat(server.openConnections()).isZero();

        StreamClient stalled = connect();
        stalled.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        stalled.next("best_price");
        server.stallAll();
        StreamClient fresh = connect();
        fresh.send("{\"topic\": \"best_price\", \"market_id\": \"1338\"}");
        fresh.next("best_price");
        driver.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 5000L, 2, 0, 0L, 0L);

        assertThat(text(data(fresh.next("best_price")).get(0), "bestBidPrice")).isEqualTo("5");
        assertThat(stalled.messages).isEmpty();
        assertThat(cut.messages).as("nothing reaches a cut connection").isEmpty();
        assertThat(server.openConnections()).isEqualTo(2);
    }

    @Test
    void aBadSubscriptionIsAnsweredWithAnError() throws Exception {
        StreamClient client = connect();
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
