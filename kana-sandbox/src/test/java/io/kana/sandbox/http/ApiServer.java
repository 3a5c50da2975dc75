package io.kana.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kana.sandbox.chain.PerpsModule.EntryFunctionAbi;
import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import io.kana.sandbox.exchange.ExchangeDriver;
import io.kana.sandbox.wire.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exchange's trade API on a loopback JDK server, a client for it, and the chain's payload submission. */
public final class ApiServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY, the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public record Response(int status, Map<String, Object> body) {
        public Object data() {
            return body.get("data");
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) data();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            return (Map<String, Object>) data();
        }
    }

    final ExchangeDriver driver;
    final TradeApiHandler handler;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiServer(ExchangeDriver driver) throws IOException {
        this.driver = driver;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handler = new TradeApiHandler(driver.exchange);
        server.createContext("/", handler);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client for a trade API already served at {@code baseUrl} (e.g. a whole sandbox's); it cannot submit. */
    public ApiServer(String baseUrl) {
        this.driver = null;
        this.handler = null;
        this.server = null;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GETs a write endpoint, expects a payload and submits it as {@code wallet}, the way the chain would. */
    ExecutionResult submitGet(String wallet, String pathAndQuery) {
        return submit(wallet, ok(get(pathAndQuery)).object());
    }

    ExecutionResult submitPost(String wallet, String path, String json) {
        return submit(wallet, ok(post(path, json)).object());
    }

    public static Response ok(Response response) {
        assertThat(response.status()).as("HTTP status of %s", response.body()).isEqualTo(200);
        assertThat(response.body()).containsEntry("success", true);
        return response;
    }

    /** Decodes the string arguments by the ABI's parameter types, as the chain's BCS decoding would yield. */
    ExecutionResult submit(String wallet, Map<String, Object> payload) {
        String function = (String) payload.get("function");
        String name = function.substring(function.lastIndexOf("::") + 2);
        EntryFunctionAbi abi = driver.exchange.entryFunctions().stream().filter(f -> f.name().equals(name))
                .findFirst().orElseThrow();
        List<?> raw = (List<?>) payload.get("functionArguments");
        List<String> types = abi.params().subList(1, abi.params().size());
        assertThat(raw).hasSameSizeAs(types);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            args.add(decode(types.get(i), raw.get(i)));
        }
        return driver.commit(wallet, function, List.of(), args);
    }

    private static Object decode(String type, Object value) {
        if (type.equals("vector<u8>")) {
            List<?> list = (List<?>) value;
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt((String) list.get(i));
            }
            return bytes;
        }
        if (type.startsWith("vector<")) {
            String element = type.substring(7, type.length() - 1);
            return ((List<?>) value).stream().map(v -> decode(element, v)).toList();
        }
        String text = (String) value;
        return switch (type) {
            case "bool" -> {
                assertThat(text).isIn("true", "false");
                yield Boolean.parseBoolean(text);
            }
            case "address" -> text;
            default -> new BigInteger(text);
        };
    }

    @SuppressWarnings("unchecked")
    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            return new Response(response.statusCode(), (Map<String, Object>) Json.parse(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
