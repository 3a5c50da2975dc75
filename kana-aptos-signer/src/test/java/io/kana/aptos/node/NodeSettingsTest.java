package io.kana.aptos.node;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://example.com/v1", "https://api.testnet.aptoslabs.com",
            "https://api.testnet.aptoslabs.com/", "https://node.example/v1?api_key=x"})
    void aNodeUrlThatCannotWorkIsRefusedWithAHint(String url) {
        assertThatThrownBy(() -> AptosNodeClient.builder(url).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("nodeUrl"))
                .hasMessageContaining("/v1").hasMessageNotContaining("api_key=x");
    }

    @Test
    void toStringShowsTheNodeButNoCredentials() {
        try (AptosNodeClient client = AptosNodeClient.builder("https://user:pw@api.testnet.aptoslabs.com/v1")
                .apiKey("secret-key").build()) {
            assertThat(client.toString()).contains("api.testnet.aptoslabs.com").doesNotContain("pw")
                    .doesNotContain("secret-key").contains("apiKey=<redacted>");
        }
    }

    @Test
    void retryPolicyRejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
    }

    @Test
    void retryDelaysDoubleWithJitterAndStopAtTheCap() {
        NodeCalls policy = new NodeCalls(new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1)),
                Delayer.SHARED_TIMER, 4096);
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delayMillis(1, -1)).isBetween(100L, 200L);
            assertThat(policy.delayMillis(2, -1)).isBetween(200L, 400L);
            assertThat(policy.delayMillis(9, -1)).isBetween(500L, 1000L);
        }
        assertThat(policy.delayMillis(1, 900)).isEqualTo(900);
        assertThat(policy.delayMillis(1, 1001)).isEqualTo(-1);
    }

    @Test
    void pollIntervalsMustBePositiveAndOrdered() {
        AptosNodeClient.Builder builder = AptosNodeClient.builder("http://127.0.0.1:1/v1");
        assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> builder.pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> builder.timeouts(HttpTimeouts.DEFAULT.withRead(Duration.ofSeconds(-1)))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theNodeClientsTimeoutsAreItsDefaultsTheSharedClientsOwnOrTheOnesSet() {
        HttpUrl node = HttpUrl.get("http://127.0.0.1:1/v1");
        OkHttpClient own = NodeHttpSetup.defaultHttpClient();
        assertTimeouts(NodeHttpSetup.forNode(own, false, node, null, null), 5_000, 15_000, 10_000);

        OkHttpClient shared = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3)).writeTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(4)).build();
        assertTimeouts(NodeHttpSetup.forNode(shared, true, node, null, null), 2_000, 3_000, 4_000);
        // No call may hang for ever: a shared client without a call timeout gets the node's default.
        OkHttpClient unbounded = shared.newBuilder().callTimeout(Duration.ZERO).build();
        assertTimeouts(NodeHttpSetup.forNode(unbounded, true, node, null, null), 2_000, 3_000, 10_000);

        HttpTimeouts set = new HttpTimeouts(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
        assertTimeouts(NodeHttpSetup.forNode(shared, true, node, set, null), 100, 200, 300);
        assertTimeouts(NodeHttpSetup.forNode(own, false, node, set, null), 100, 200, 300);
    }

    private static void assertTimeouts(OkHttpClient http, int connectMillis, int readMillis, int callMillis) {
        assertThat(http.connectTimeoutMillis()).isEqualTo(connectMillis);
        assertThat(http.readTimeoutMillis()).isEqualTo(readMillis);
        assertThat(http.writeTimeoutMillis()).isEqualTo(readMillis);
        assertThat(http.callTimeoutMillis()).isEqualTo(callMillis);
    }

    @Test
    void hashesAreNormalizedToLowercaseWithPrefix() {
        String digits = "1CE159C09607303C9AB749212D246B71B52CAD40BD0AD0618A7EF41A63C1B2E1";
        assertThat(TransactionHashes.normalize(digits)).isEqualTo("0x" + digits.toLowerCase());
        assertThat(TransactionHashes.normalize(" 0x" + digits + " ")).isEqualTo("0x" + digits.toLowerCase());
        assertThatThrownBy(() -> TransactionHashes.normalize(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TransactionHashes.normalize("0x" + digits + "00")).isInstanceOf(InvalidRequestException.class);
    }
}
