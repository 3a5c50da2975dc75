package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the automatic halt learns from each HTTP attempt: an answer only once its body has arrived whole; a
 * call that ran out of time, its head or its body dripping, counts as no answer; the SDK's own cancel as nothing.
 */
class CallOutcomesTest {

    private final AutoHalt autoHalt = new AutoHalt(Duration.ofSeconds(30), () -> 0L, (reason, report) -> { });
    private HttpServer server;
    private OkHttpClient http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/ok", exchange -> {
            byte[] body = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            drip(exchange.getResponseBody(), 100);
        });
        server.createContext("/late", exchange -> {
            sleep(2_000);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        http = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(300))
                .eventListenerFactory(new CallOutcomes(api, URI.create("http://127.0.0.1:1/v1"), autoHalt)).build();
    }

    @AfterEach
    void stop() {
        http.dispatcher().executorService().shutdownNow();
        server.stop(0);
    }

    private Request get(String path) {
        return new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + path).build();
    }

    @Test
    void aWholeAnswerEndsAnOutageAndA503StartsOne() throws IOException {
        try (Response busy = http.newCall(get("/busy")).execute()) {
            assertThat(busy.code()).isEqualTo(503);
        }
        assertThat(autoHalt.isDown(AutoHalt.Source.TRADE_API)).isTrue();

        try (Response ok = http.newCall(get("/ok")).execute()) {
            assertThat(ok.body().string()).contains("success");
        }
        assertThat(autoHalt.isDown(AutoHalt.Source.TRADE_API)).isFalse();
    }

    @Test
    void aBodyThatDripsPastTheCallTimeoutIsNoAnswer() {
        assertThatThrownBy(() -> {
            try (Response dripping = http.newCall(get("/drip")).execute()) {
                dripping.body().string();
            }
        }).isInstanceOf(IOException.class);

        assertThat(autoHalt.isDown(AutoHalt.Source.TRADE_API)).isTrue();
    }

    @Test
    void aHeadThatComesAfterTheCallTimeoutIsNoAnswer() {
        assertThatThrownBy(() -> http.newCall(get("/late")).execute()).isInstanceOf(IOException.class)
                .hasMessage("timeout");

        assertThat(autoHalt.isDown(AutoHalt.Source.TRADE_API)).isTrue();
    }

    @Test
    void aCallTheSdkCancelledTellsNothing() throws Exception {
        okhttp3.Call call = http.newBuilder().callTimeout(Duration.ofSeconds(10)).build().newCall(get("/late"));
        Thread canceller = new Thread(() -> {
            sleep(100);
            call.cancel();
        });
        canceller.start();
        assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
        canceller.join();

        assertThat(autoHalt.isDown(AutoHalt.Source.TRADE_API)).isFalse();
    }

    private static void drip(OutputStream out, int bytes) {
        try (out) {
            for (int i = 0; i < bytes; i++) {
                out.write(' ');
                out.flush();
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (IOException | InterruptedException gone) {
            // The client hung up: what the test wants.
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
