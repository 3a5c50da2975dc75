package io.kana.http;

import io.kana.core.port.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.WalletAddress;
import io.kana.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on loopback and a {@link KanaHttpApi} pointed at it, with recorded (never real) retry waits. */
abstract class MockApiTest {

    static final String API_KEY = "kana-test-key-5f1c9e27";
    static final WalletAddress WALLET =
            WalletAddress.parse("0xd01e3a233632a41463bd6d289e99e69e1b50815c7afff710e1c992659a8722f3");
    static final ProfileAddress PROFILE =
            ProfileAddress.parse("0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912");
    static final String MODULE = "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts";
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));

    MockWebServer server;
    KanaHttpApi api;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        api = newApi(builder -> builder.apiKey(API_KEY));
    }

    @AfterEach
    void stopServer() throws IOException {
        api.close();
        server.shutdown();
    }

    KanaHttpApi newApi(UnaryOperator<KanaHttpApi.Builder> config) {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(server.url("/").uri())
                .retryPolicy(FAST_RETRIES)
                .sleeper(sleeps::add);
        return config.apply(builder).build();
    }

    void enqueueData(String dataJson) {
        enqueue(200, "{\"success\":true,\"message\":\"done\",\"data\":" + dataJson + "}");
    }

    /** Enqueues the payload of {@code function} with string arguments, as docs/wire-contract.md describes it. */
    void enqueuePayload(String function, String argumentsJson) {
        enqueueData("{\"function\":\"" + MODULE + "::" + function + "\",\"typeArguments\":[],\"functionArguments\":"
                + argumentsJson + "}");
    }

    void enqueue(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    RecordedRequest takeRequest() {
        try {
            RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts a GET of {@code path} with exactly {@code query} as parameters and the API key header. */
    RecordedRequest assertGet(String path, Map<String, String> query) {
        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertRequest(request, path, query);
        return request;
    }

    static void assertRequest(RecordedRequest request, String path, Map<String, String> query) {
        HttpUrl url = request.getRequestUrl();
        assertThat(url.encodedPath()).isEqualTo(path);
        assertThat(url.queryParameterNames()).containsExactlyInAnyOrderElementsOf(query.keySet());
        query.forEach((name, value) -> assertThat(url.queryParameterValues(name)).as(name).containsExactly(value));
        assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
    }

    /** Asserts a JSON POST of {@code path} carrying exactly {@code json}, without query parameters. */
    void assertPost(String path, String json) {
        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertRequest(request, path, Map.of());
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().readUtf8()).isEqualTo(json);
    }

    static String fixture(String name) {
        return TestData.fixture(name);
    }

    /** The raw JSON text of the {@code data} member of a fixture, e.g. the objects of a websocket message. */
    static String fixtureData(String name) {
        try {
            JsonReader reader = JsonReader.of(new Buffer().writeUtf8(fixture(name)));
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("data")) {
                    try (BufferedSource data = reader.nextSource()) {
                        return data.readUtf8();
                    }
                }
                reader.skipValue();
            }
            throw new AssertionError("fixture " + name + " has no data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
