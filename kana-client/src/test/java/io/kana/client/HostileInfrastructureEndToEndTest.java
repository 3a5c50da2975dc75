package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kana.core.port.HttpTimeouts;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxFaults.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The assembled client against a trade API that drips, 5,000 orders at once, a close() in the middle of 200
 * orders, cleartext URLs.
 */
class HostileInfrastructureEndToEndTest {

    /**
     * New threads 5,000 orders at once may start: one per HTTP call in flight on the shared client, and
     * room for the trader's 32 executor threads, the submitter's 2 timers, OkHttp's own few and the
     * embedded sandbox's 32 HTTP threads.
     */
    private static final int THREAD_BOUND = HttpSetup.MAX_REQUESTS + 100;
    private static final String MODULE = "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts";

    /** A trade API on loopback that sends a 400-byte answer one byte every 100 ms (40 s in all). */
    private static HttpServer drippingApi() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        byte[] body = String.format("%-400s", "{\"success\":true,\"data\":\"1\"}").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            } catch (IOException | InterruptedException gone) {
                // The client hung up: what this test wants.
            }
        });
        server.start();
        return server;
    }

    @Test
    void aTradeApiThatDripsEndsInATypedErrorWithinTheCallTimeout() throws Exception {
        HttpServer api = drippingApi();
        KanaConfig config = new KanaConfig(KanaNetwork.SANDBOX,
                URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/"),
                URI.create("http://127.0.0.1:9/v1"), MODULE, null, null);
        try (KanaClient client = KanaClient.builder(config).timeouts(HttpTimeouts.DEFAULT.withCall(Duration.ofMillis(500))).build()) {
            long started = System.nanoTime();
            CompletableFuture<BigDecimal> read = CompletableFuture.supplyAsync(
                    () -> client.markets().lastExecutionPrice(APT));

            Throwable failure = unwrap(() -> read.get(20, TimeUnit.SECONDS));

            System.out.printf("bounds: dripping trade API -> %s after %d ms%n", failure.getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(failure).isInstanceOf(KanaTransportException.class).hasMessageContaining("call timeout");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void closeWithTwoHundredOrdersInFlightLeavesNoFutureWaitingAndEveryErrorTrue() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(7).start()) {
            KanaClient client = SandboxWallets.funded(sandbox, KEY_A, "2000");
            KanaTrader trader = client.trader();
            KanaTrader.join(trader.deposit(dec("1000")));
            KanaTrader.join(trader.placeLimitOrder(order(0)));
            sandbox.faults().latency(Target.SUBMIT, Duration.ofMillis(20)).latency(Target.TRADE_API, Duration.ofMillis(5));
            List<CompletableFuture<TradeResult>> calls = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                calls.add(trader.placeLimitOrder(order(i)));
            }

            client.close();

            long left = calls.stream().filter(call -> !call.isDone()).count();
            System.out.println("bounds: futures left after close() with 200 in flight: " + left);
            assertThat(left).isZero();
            Map<Integer, KanaException> failures = new HashMap<>();
            for (int i = 1; i <= 200; i++) {
                try {
                    calls.get(i - 1).join();
                } catch (CompletionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(TransactionNotSentException.class,
                            TransactionOutcomeUnknownException.class);
                    failures.put(i, (KanaException) e.getCause());
                }
            }
            System.out.println("bounds: after close() " + (200 - failures.size()) + " results, failures "
                    + failures.values().stream().collect(Collectors.groupingBy(e -> e.getClass().getSimpleName(),
                            Collectors.counting())));
            assertThat(failures).as("close() stopped some orders").isNotEmpty();
            assertThatThrownBy(() -> KanaTrader.join(trader.placeLimitOrder(order(999))))
                    .isInstanceOf(TransactionNotSentException.class);

            sandbox.faults().reset();
            try (KanaClient reader = KanaClient.builder(KanaConfig.sandbox(URI.create(sandbox.apiUrl()),
                    URI.create(sandbox.nodeUrl()), sandbox.moduleId(), null)).build()) {
                Set<BigDecimal> book = reader.orders().openOrders(client.wallet(), APT).stream()
                        .map(o -> o.price().stripTrailingZeros()).collect(Collectors.toSet());
                failures.forEach((i, error) -> {
                    if (!error.effectMayExist()) {
                        assertThat(book).as("order %s was 'not sent' but is on the book", i)
                                .doesNotContain(order(i).price().stripTrailingZeros());
                    }
                });
            }
        }
    }

    @Test
    void fiveThousandOrdersAtOnceRunOnABoundedNumberOfThreads() throws Exception {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(7).commitDelay(Duration.ZERO).start();
                KanaClient client = SandboxWallets.funded(sandbox, KEY_A, "10000",
                        Execution.awaitCommit(Duration.ofMinutes(3)), SandboxWallets.SETTINGS)) {
            KanaTrader trader = client.trader();
            KanaTrader.join(trader.deposit(dec("8000")));
            KanaTrader.join(trader.placeLimitOrder(order(0))); // the market's rules and the chain's constants known
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();

            List<CompletableFuture<TradeResult>> calls = new ArrayList<>();
            for (int i = 1; i <= 5_000; i++) {
                calls.add(trader.placeLimitOrder(order(i % 200)));
            }
            CompletableFuture.allOf(calls.stream().map(call -> call.handle((ok, error) -> ok))
                    .toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);

            int growth = threads.getPeakThreadCount() - before;
            Map<String, Long> outcomes = calls.stream().collect(Collectors.groupingBy(call -> call.handle(
                    (ok, error) -> ok != null ? "committed" : error.getClass().getSimpleName()).join(),
                    Collectors.counting()));
            long refused = outcomes.getOrDefault(TransactionNotSentException.class.getSimpleName(), 0L);
            System.out.printf("bounds: 5000 orders at once: thread peak +%d over %d (bound %d); %d admitted, "
                    + "%d refused (TransactionNotSentException); outcomes %s%n", growth, before, THREAD_BOUND,
                    5_000 - refused, refused, outcomes);
            assertThat(growth).as("once 3,000-4,800 threads").isLessThan(THREAD_BOUND);
            assertThat(outcomes).containsEntry("committed", 5_000L);
        }
    }

    @Test
    void cleartextToAnotherHostIsRefusedUnlessAllowedAndUrlsHideTheirPasswords() {
        Map<String, String> env = new HashMap<>(Map.of("KANA_NETWORK", "testnet",
                "KANA_API_URL", "http://desk:s3cr3t-pw@perps.example.com/"));
        KanaConfig cleartext = KanaConfig.fromEnvironment(env);
        assertThat(cleartext.toString()).contains("perps.example.com").doesNotContain("s3cr3t-pw");
        assertThatThrownBy(() -> KanaClient.builder(cleartext).build()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cleartext").message().doesNotContain("s3cr3t-pw");

        env.put("KANA_ALLOW_CLEARTEXT", "true");
        try (KanaClient allowed = KanaClient.builder(KanaConfig.fromEnvironment(env)).build()) {
            assertThat(allowed.config().allowCleartext()).isTrue();
            assertThat(allowed.toString()).contains("perps.example.com").doesNotContain("s3cr3t-pw");
        }
        env.put("KANA_ALLOW_CLEARTEXT", "yes please");
        assertThatThrownBy(() -> KanaConfig.fromEnvironment(env)).hasMessageContaining("KANA_ALLOW_CLEARTEXT");
    }

    private static LimitOrderRequest order(int i) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("0.5"),
                new BigDecimal("3.000").add(BigDecimal.valueOf(i, 3)), 2);
    }

    private interface Blocking {
        Object get() throws Exception;
    }

    private static Throwable unwrap(Blocking call) {
        try {
            call.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }
}
