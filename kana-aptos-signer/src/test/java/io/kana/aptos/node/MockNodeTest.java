package io.kana.aptos.node;

import io.kana.core.port.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client against a MockWebServer node on 127.0.0.1; retry delays are recorded and skipped. */
abstract class MockNodeTest {

    protected MockWebServer server;
    protected NodeFixtures.RecordingDelayer delayer;
    protected AptosNodeClient client;

    @BeforeEach
    void startNode() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        delayer = new NodeFixtures.RecordingDelayer();
        client = clientBuilder().build();
    }

    @AfterEach
    void stopNode() throws IOException {
        client.close();
        server.shutdown();
    }

    /** The client under test: 3 read attempts, 100 ms initial backoff, delays recorded, not waited. */
    protected AptosNodeClient.Builder clientBuilder() {
        return AptosNodeClient.builder(server.url("/v1").toString())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2)))
                .delayer(delayer);
    }

    protected RecordedRequest nextRequest() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    protected void answer(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }
}
