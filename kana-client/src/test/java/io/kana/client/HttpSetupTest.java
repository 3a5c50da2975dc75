package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.kana.aptos.node.AptosNodeClient;
import io.kana.core.error.KanaTransportException;
import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import io.kana.core.trading.TradeListener;
import io.kana.http.KanaHttpApi;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSetupTest {

    private static final String LEDGER = "{\"chain_id\":4,\"epoch\":\"1\",\"ledger_version\":\"10\","
            + "\"oldest_ledger_version\":\"0\",\"ledger_timestamp\":\"1700000000000000\",\"node_role\":\"full_node\","
            + "\"oldest_block_height\":\"0\",\"block_height\":\"5\"}";

    private final List<String> nodeAuthorization = new CopyOnWriteArrayList<>();
    private final List<String> apiAuthorization = new CopyOnWriteArrayList<>();
    private HttpServer node;
    private HttpServer api;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop(0);
        }
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void toolsGetAClientBuiltAsKanaClientBuildsItsOwnWithTheDefaultTimeouts() {
        OkHttpClient tools = HttpSetup.newClientAsKanaClientBuildsIt();
        try {
            assertThat(tools.dispatcher().getMaxRequests()).isEqualTo(256);
            assertThat(tools.dispatcher().getMaxRequestsPerHost()).isEqualTo(128);
            assertThat(Duration.ofMillis(tools.connectTimeoutMillis())).isEqualTo(HttpTimeouts.DEFAULT.connect());
            assertThat(Duration.ofMillis(tools.readTimeoutMillis())).isEqualTo(HttpTimeouts.DEFAULT.read());
            assertThat(Duration.ofMillis(tools.writeTimeoutMillis())).isEqualTo(HttpTimeouts.DEFAULT.read());
            assertThat(Duration.ofMillis(tools.callTimeoutMillis())).isEqualTo(HttpTimeouts.DEFAULT.call());
            assertThat(tools.interceptors()).as("no key, no retries").isEmpty();
        } finally {
            tools.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void theNodeApiKeyGoesToTheNodeAsABearerTokenAndNowhereElse() throws Exception {
        node = server(nodeAuthorization, LEDGER);
        api = server(apiAuthorization, "[]");
        KanaConfig config = new KanaConfig(KanaNetwork.SANDBOX, url(api, "/"), url(node, "/v1"), "0x1::perpetual_scripts",
                null, null).withNodeApiKey(Secret.of("node-key-456"));
        OkHttpClient http = HttpSetup.sharedClient(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)), null);
        try (AptosNodeClient nodeClient = HttpSetup.node(config, http, null);
                KanaHttpApi tradeApi = HttpSetup.tradeApi(config, http, TradeListener.NONE, null)) {

            assertThat(nodeClient.ledgerInfo().chainId()).isEqualTo(4);
            try {
                tradeApi.allPerpetualAssets();
            } catch (RuntimeException ignored) {
                // Only the request's headers matter here, not whether "[]" decodes.
            }

            assertThat(nodeAuthorization).containsExactly("Bearer node-key-456");
            assertThat(apiAuthorization).isNotEmpty().allMatch(String::isEmpty);
            assertThat(nodeClient.toString()).doesNotContain("node-key-456");
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void withoutANodeApiKeyTheNodeGetsNoAuthorization() throws Exception {
        node = server(nodeAuthorization, LEDGER);
        KanaConfig config = new KanaConfig(KanaNetwork.SANDBOX, URI.create("http://127.0.0.1:1/"), url(node, "/v1"),
                "0x1::perpetual_scripts", null, null);
        OkHttpClient http = HttpSetup.sharedClient(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)), null);
        try (AptosNodeClient nodeClient = HttpSetup.node(config, http, null)) {
            nodeClient.ledgerInfo();

            assertThat(nodeAuthorization).containsExactly("");
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void oneRetryPolicyGovernsTheNodesReads() throws Exception {
        node = server(nodeAuthorization, LEDGER, 503);
        KanaConfig config = new KanaConfig(KanaNetwork.SANDBOX, URI.create("http://127.0.0.1:1/"), url(node, "/v1"),
                "0x1::perpetual_scripts", null, null);
        OkHttpClient http = HttpSetup.sharedClient(new HttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)), null);
        try (AptosNodeClient once = HttpSetup.node(config, http, RetryPolicy.NONE);
                AptosNodeClient twice = HttpSetup.node(config, http, new RetryPolicy(2, Duration.ZERO, Duration.ZERO))) {
            assertThatThrownBy(once::ledgerInfo).isInstanceOf(KanaTransportException.class);
            assertThat(nodeAuthorization).hasSize(1);

            assertThatThrownBy(twice::ledgerInfo).isInstanceOf(KanaTransportException.class);
            assertThat(nodeAuthorization).hasSize(3);
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    private static HttpServer server(List<String> authorization, String body) throws Exception {
        return server(authorization, body, 200);
    }

    private static HttpServer server(List<String> authorization, String body, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            authorization.add(header == null ? "" : header);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Aptos-Chain-Id", "4");
            exchange.getResponseHeaders().add("X-Aptos-Ledger-TimestampUsec", "1700000000000000");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
