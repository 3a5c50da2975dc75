package io.kana.http;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.MarketId;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class BuilderTest extends MockApiTest {

    @Test
    void presetsPointAtKanasTradeApis() {
        assertThat(KanaHttpApi.TESTNET).hasToString("https://perps-tradeapi.kanalabs.io/");
        assertThat(KanaHttpApi.MAINNET).hasToString("https://perps-tradeapi.kana.trade/");
        try (KanaHttpApi testnet = KanaHttpApi.builder(KanaHttpApi.TESTNET).build()) {
            assertThat(testnet).hasToString("KanaHttpApi[https://perps-tradeapi.kanalabs.io/, apiKey not set]");
        }
    }

    @Test
    void aCustomBaseUrlKeepsItsPathPrefixWithOrWithoutATrailingSlash() {
        for (String prefix : new String[] {"/kana", "/kana/"}) {
            enqueueData("{}");
            try (KanaHttpApi prefixed = KanaHttpApi.builder(server.url(prefix).uri()).apiKey(API_KEY).build()) {
                prefixed.marketPrice(MarketId.of(1));
            }
            assertRequest(takeRequest(), "/kana/getMarketPrice", Map.of("marketId", "1"));
        }
    }

    @Test
    void endpointNamesInErrorsAreRelativeToThePrefix() {
        enqueue(400, "{\"success\":false,\"message\":\"bad\"}");
        try (KanaHttpApi prefixed = KanaHttpApi.builder(server.url("/v2/").uri()).build()) {
            assertThatThrownBy(() -> prefixed.allPerpetualAssets())
                    .hasMessageStartingWith("getPerpetualAssetsInfo/allMarkets was rejected (HTTP 400)");
        }
    }

    @Test
    void unusableBaseUrlsAreRefused() {
        for (String url : new String[] {"ftp://example.com/", "mailto:someone@example.com", "http://example.com/?a=1",
                "http://example.com/#top"}) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> KanaHttpApi.builder(URI.create(url)));
            assertThat(e.field()).isEqualTo("baseUrl");
            assertThat(e).hasMessageContaining("KanaHttpApi.TESTNET");
        }
        assertThatThrownBy(() -> KanaHttpApi.builder(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is null");
    }

    @Test
    void unusableApiKeysAreRefusedWithoutQuotingThem() {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(KanaHttpApi.TESTNET);
        assertThatThrownBy(() -> builder.apiKey(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> builder.apiKey(" \t")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> builder.apiKey("secret-part\r\nX-Injected: 1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("position 11 holds character code 13")
                .hasMessageNotContaining("secret-part");
        assertThatThrownBy(() -> builder.apiKey("clé")).isInstanceOf(InvalidRequestException.class)
                .hasMessageNotContaining("cl");
    }

    @Test
    void timeoutsMustBePositive() {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(KanaHttpApi.MAINNET);
        assertThatThrownBy(() -> builder.timeouts(HttpTimeouts.DEFAULT.withConnect(Duration.ZERO)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> builder.timeouts(HttpTimeouts.DEFAULT.withRead(Duration.ofSeconds(-1))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> builder.timeouts(HttpTimeouts.DEFAULT.withCall(null)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> builder.timeouts(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.retryPolicy(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.httpClient(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void neitherTheApiNorItsBuilderShowTheKey() {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(server.url("/").uri()).apiKey(API_KEY);
        assertThat(builder.toString()).contains("apiKey set").doesNotContain(API_KEY);
        try (KanaHttpApi built = builder.build()) {
            assertThat(built.toString()).contains("apiKey set").doesNotContain(API_KEY);
        }
    }

    @Test
    void aCallerSuppliedClientKeepsItsInterceptorsAndTimeouts() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        enqueueData("1");
        OkHttpClient shared = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Desk", "mm-1").build()))
                .callTimeout(200, TimeUnit.MILLISECONDS)
                .build();
        try (KanaHttpApi sharing = newApi(builder -> builder.httpClient(shared).apiKey(API_KEY)
                .retryPolicy(RetryPolicy.NONE))) {

            KanaTransportException e = catchThrowableOfType(KanaTransportException.class,
                    () -> sharing.lastExecutionPrice(MarketId.of(1)));
            // The client's 200 ms call timeout fired, not this builder's 15 s read timeout.
            assertThat(e.getCause()).isExactlyInstanceOf(InterruptedIOException.class);

            assertThat(sharing.lastExecutionPrice(MarketId.of(1))).isEqualByComparingTo("1");
        }
        takeRequest();
        var request = takeRequest();
        assertThat(request.getHeader("X-Desk")).isEqualTo("mm-1");
        assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
        assertThat(shared.dispatcher().executorService().isShutdown()).as("the caller's client stays open").isFalse();
    }

    @Test
    void timeoutsSetOnTheBuilderOverrideTheCallerSuppliedClient() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        OkHttpClient slow = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
        try (KanaHttpApi sharing = newApi(builder -> builder.httpClient(slow)
                .timeouts(new HttpTimeouts(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(10)))
                .retryPolicy(RetryPolicy.NONE))) {

            KanaTransportException e = catchThrowableOfType(KanaTransportException.class,
                    () -> sharing.lastExecutionPrice(MarketId.of(1)));
            assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        int calls = 40;
        for (int i = 0; i < calls; i++) {
            enqueueData("\"" + i + "\"");
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<java.math.BigDecimal>>();
            for (int i = 0; i < calls; i++) {
                results.add(pool.submit(() -> api.aptBalance(WALLET)));
            }
            var seen = new java.util.TreeSet<Integer>();
            for (var result : results) {
                seen.add(result.get(10, TimeUnit.SECONDS).intValueExact());
            }
            assertThat(seen).hasSize(calls).first().isEqualTo(0);
            assertThat(seen.last()).isEqualTo(calls - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(calls);
    }
}
