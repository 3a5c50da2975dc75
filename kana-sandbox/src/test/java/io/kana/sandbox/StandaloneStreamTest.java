package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.sandbox.stream.StreamClient;
import io.kana.sandbox.stream.StreamClient.Received;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The standalone sandbox as its user meets it: started as its main method starts it, traded through its
 * trade API and node, watched by a client that speaks only the documented WebSocket protocol.
 */
class StandaloneStreamTest {

    private static final Pattern WS_URL = Pattern.compile("WebSocket\\s+(\\S+)");

    @Test
    void orderbookAndOpenOrdersArriveWithinASecondOfAnOrderCommittedThroughTheNode() throws Exception {
        TestWallet alice = TestWallet.seeded(70);
        StringWriter banner = new StringWriter();
        try (KanaSandbox sandbox = SandboxMain.start(new String[] {"--port", "0", "--fund", alice.address},
                new PrintWriter(banner))) {
            Matcher printed = WS_URL.matcher(banner.toString());
            assertThat(printed.find()).as("the WebSocket URL in %s", banner).isTrue();
            AbiClient trader = new AbiClient(sandbox, Instant.now().getEpochSecond() + 60);
            trader.trade(alice, "/deposit?amount=50&userAddress=" + alice.address, null);
            String profile = (String) trader.api.get("/getProfileAddress?userAddress=" + alice.address).json()
                    .get("data");
            try (StreamClient stream = new StreamClient(printed.group(1))) {
                stream.send("{\"topic\": \"orderbook\", \"market_id\": \"1338\"}");
                stream.send("{\"topic\": \"open_orders\", \"address\": \"" + profile + "\"}");
                assertThat(data(stream.next("orderbook")).get(0)).containsEntry("bids", List.of());
                assertThat(data(stream.next("open_orders"))).isEmpty();
                TestTransaction order = trader.transaction(alice, trader.payload(
                        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1.5&price=5.7&leverage=2",
                        null));

                long submitted = System.nanoTime();
                assertThat(trader.node.submit(order.signed()).status()).isEqualTo(202);
                assertThat(trader.node.committed(order.hash())).containsEntry("success", true);
                long confirmed = System.nanoTime();

                Received book = stream.nextReceived("orderbook");
                Received orders = stream.nextReceived("open_orders");
                Duration bookAfter = Duration.ofNanos(book.nanos() - submitted);
                Duration ordersAfter = Duration.ofNanos(orders.nanos() - submitted);
                System.out.printf("stream: orderbook after %d ms, open_orders after %d ms (from the order's "
                        + "submission; the node confirmed its commit after %d ms)%n", bookAfter.toMillis(),
                        ordersAfter.toMillis(), Duration.ofNanos(confirmed - submitted).toMillis());
                assertThat(data(book.message()).get(0)).containsEntry("market_id", "1338")
                        .containsEntry("bids", List.of(Map.of("price", "5.7", "size", "1.5")));
                assertThat(orders.message()).containsEntry("address", profile);
                assertThat(data(orders.message())).singleElement().satisfies(o -> assertThat(o)
                        .containsEntry("price", "5.7").containsEntry("remaining_size", "1.5"));
                // The commit came after the submission, so this bounds the delay after the commit too.
                assertThat(bookAfter).isLessThan(Duration.ofSeconds(1));
                assertThat(ordersAfter).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("data");
    }
}
