package io.kana.cli.stream;

import static io.kana.cli.CliRun.environment;
import static io.kana.cli.CliRun.kana;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.kana.cli.CliRun;
import io.kana.cli.ExitCodes;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.NetOrder;
import io.kana.testkit.SandboxKana;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code kana stream} against the sandbox's WebSocket: a line per message, JSON Lines with {@code --json}. */
class StreamCommandTest {

    private static final MarketId APT = MarketId.of(1338);

    private static SandboxKana sandbox;
    private static KanaClient maker;

    @BeforeAll
    static void start() {
        sandbox = SandboxKana.start();
        maker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void bestPriceAsJsonLinesShowsTheNewBestBid() throws Exception {
        CompletableFuture<CliRun> streaming = CompletableFuture.supplyAsync(
                () -> kana(environment(sandbox), "stream", "best_price", "--market", "1338", "--count", "2", "--json"));
        placeUntilDone(streaming, maker, i -> NetOrder.buy(new BigDecimal("1"), new BigDecimal("4.7" + i)));

        CliRun run = streaming.get(20, TimeUnit.SECONDS);

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as("one JSON document per line").hasSize(2);
        for (String line : lines) {
            Map<?, ?> message = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(line);
            assertThat(message.get("topic")).isEqualTo("best_price");
            assertThat(message.get("origin")).isEqualTo("live");
        }
        assertThat(lines.get(1)).containsPattern("\"bestBid\":\"4\\.7\\d*\"");
    }

    @Test
    void openOrdersOfAWalletAsLinesOfText() throws Exception {
        KanaClient owner = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        Map<String, String> env = environment(sandbox);
        CompletableFuture<CliRun> streaming = CompletableFuture.supplyAsync(() -> kana(env, "stream", "open_orders",
                "--wallet", owner.wallet().hex(), "--count", "2"));
        placeUntilDone(streaming, owner, i -> NetOrder.sell(new BigDecimal("1"), new BigDecimal("5.9" + i)));

        CliRun run = streaming.get(20, TimeUnit.SECONDS);

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).hasSize(2).allMatch(line -> line.startsWith("open_orders (live) "));
        assertThat(run.out().lines().toList().get(1)).containsPattern("\\d+ item\\(s\\): \\[\\{").contains("5.9");
    }

    /**
     * Places an order every few hundred milliseconds until the stream has printed its messages: the
     * subscription may answer with the current state first, and it is not known when it is in place.
     */
    private static void placeUntilDone(CompletableFuture<CliRun> streaming, KanaClient client,
            java.util.function.IntFunction<NetOrder> order) {
        java.util.concurrent.atomic.AtomicInteger placed = new java.util.concurrent.atomic.AtomicInteger();
        Awaitility.await().atMost(20, TimeUnit.SECONDS).pollInterval(java.time.Duration.ofMillis(300)).until(() -> {
            if (!streaming.isDone() && placed.get() < 9) {
                client.netTrader().place(APT, List.of(order.apply(placed.incrementAndGet())));
            }
            return streaming.isDone();
        });
    }

    @Test
    void withoutAWebSocketUrlTheStreamSaysWhatToSet() {
        Map<String, String> env = environment(sandbox);
        env.remove("KANA_WS_URL");

        CliRun run = kana(env, "stream", "best_price", "--market", "1338", "--count", "1");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("KANA_WS_URL");
    }
}
