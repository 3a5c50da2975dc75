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
                () -> kana(environment(sandbox), "stream", "best_price", "--market", "1338", "--count", "1", "--json"));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> sandbox.sandbox().streamConnections() > 0 || streaming.isDone());
        maker.netTrader().place(APT, List.of(NetOrder.buy(new BigDecimal("1"), new BigDecimal("4.7"))));

        CliRun run = streaming.get(20, TimeUnit.SECONDS);

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(1);
        Map<?, ?> message = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(lines.get(0));
        assertThat(message.get("topic")).isEqualTo("best_price");
        assertThat(message.get("origin")).isEqualTo("live");
        assertThat(lines.get(0)).contains("bestBid");
    }

    @Test
    void openOrdersOfAWalletAsLinesOfText() throws Exception {
        KanaClient owner = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        Map<String, String> env = environment(sandbox);
        CompletableFuture<CliRun> streaming = CompletableFuture.supplyAsync(() -> kana(env, "stream", "open_orders",
                "--wallet", owner.wallet().hex(), "--count", "1"));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> sandbox.sandbox().streamConnections() > 0 || streaming.isDone());
        owner.netTrader().place(APT, List.of(NetOrder.sell(new BigDecimal("1"), new BigDecimal("5.9"))));

        CliRun run = streaming.get(20, TimeUnit.SECONDS);

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("open_orders (live) 1 item(s): ").contains("5.9");
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
