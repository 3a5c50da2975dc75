package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.MarketId;
import io.kana.testsupport.CpuCost;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** A trade API that drips, redirects, floods or sends numbers built to burn CPU: each ends in a typed error. */
class HostileAnswersTest extends MockApiTest {

    private static final MarketId APT = MarketId.of(1338);
    private static final String HUGE_EXPONENT = "1e100000000";

    @Test
    void anAnswerThatDripsEndsWithinTheCallTimeoutRetriesIncluded() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":\"12345678901234567890\"}")
                    .throttleBody(1, 100, TimeUnit.MILLISECONDS));
        }
        try (KanaHttpApi impatient = newApi(builder -> builder.timeouts(HttpTimeouts.DEFAULT.withCall(Duration.ofMillis(500))))) {

            KanaTransportException e = catchThrowableOfType(KanaTransportException.class,
                    () -> impatient.lastExecutionPrice(APT));

            assertThat(e).hasMessageContaining("within the call timeout of 500 ms");
            assertThat(e.effectMayExist()).isFalse();
        }
        // The first attempt used the whole limit, so no retry started after it.
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodyBeyondTheCapIsATypedErrorNotAnOutOfMemoryError() {
        String flood = "x".repeat((int) ApiCaller.MAX_BODY_BYTES);
        enqueueData("\"" + flood + "\"");

        KanaDecodingException e = catchThrowableOfType(KanaDecodingException.class, () -> api.lastExecutionPrice(APT));

        assertThat(e).hasMessageContaining("larger than " + ApiCaller.MAX_BODY_BYTES + " bytes");
        assertThat(e.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void aLongBadValueIsQuotedOnlyAsASnippet() {
        enqueueData("\"" + "9".repeat(1_000_000) + "x\"");

        KanaDecodingException e = catchThrowableOfType(KanaDecodingException.class, () -> api.lastExecutionPrice(APT));

        assertThat(e.getMessage().length()).isLessThan(1_000);
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysHome() throws IOException {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
            elsewhere.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":\"1\"}"));
            server.enqueue(new MockResponse().setResponseCode(302)
                    .setHeader("Location", elsewhere.url("/getLastPlacedPrice?marketId=1338")));

            KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.lastExecutionPrice(APT));

            assertThat(e.httpStatus()).isEqualTo(302);
            assertThat(e).hasMessageContaining("redirected to http://" + elsewhere.getHostName() + ":" + elsewhere.getPort())
                    .hasMessageNotContaining(API_KEY);
            assertThat(e.effectMayExist()).isFalse();
            assertThat(elsewhere.getRequestCount()).as("requests that reached the other origin").isZero();
        }
    }

    @Test
    void cleartextToAnotherHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> KanaHttpApi.builder(URI.create("http://perps.example.com/")).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cleartext");

        try (KanaHttpApi allowed = KanaHttpApi.builder(URI.create("http://perps.example.com/")).allowCleartext(true)
                .build(); KanaHttpApi loopback = KanaHttpApi.builder(URI.create("http://localhost:8080/")).build()) {
            assertThat(allowed.toString()).contains("perps.example.com");
            assertThat(loopback.toString()).contains("localhost");
        }
        assertThat(BaseUrls.isLoopback("127.0.0.1")).isTrue();
        assertThat(BaseUrls.isLoopback("::1")).isTrue();
        assertThat(BaseUrls.isLoopback("127.evil.com")).isFalse();
    }

    @Test
    void aPasswordInTheBaseUrlNeverShows() {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(URI.create("https://desk:s3cr3t-pw@perps.example.com/"));
        try (KanaHttpApi withUser = builder.build()) {
            assertThat(withUser.toString()).contains("perps.example.com").doesNotContain("s3cr3t-pw");
            assertThat(builder.toString()).doesNotContain("s3cr3t-pw");
        }
        assertThatThrownBy(() -> KanaHttpApi.builder(URI.create("https://desk:s3cr3t-pw@perps.example.com/?q=1")))
                .isInstanceOf(InvalidRequestException.class).message().doesNotContain("s3cr3t-pw");
    }

    @Test
    void aTimestampWithAHugeExponentIsRefusedBeforeAnyArithmetic() {
        enqueueData("[{\"address\":\"" + PROFILE + "\",\"market_id\":\"1338\",\"order_id\":\"1\",\"order_type\":0,"
                + "\"trade_side\":true,\"direction\":false,\"price\":\"5.7\",\"total_size\":\"1.5\","
                + "\"leverage\":2,\"timestamp\":" + HUGE_EXPONENT + ",\"last_updated\":1747075650}]");

        CpuCost cost = CpuCost.of(() -> api.openOrders(WALLET, APT));

        System.out.printf("bounds: wire timestamp 1e100000000 -> %s after %s%n",
                cost.thrown().getClass().getSimpleName(), cost);
        assertThat(cost.thrown()).isInstanceOf(KanaDecodingException.class).hasMessageContaining("timestamp is out of range");
        assertThat(cost.time()).as("once 144 s").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMarketWithAHugeLotSizeIsRefused() {
        enqueueData("{\"market_id\":1338,\"base_name\":\"APT/USDC\",\"lot_size\":" + HUGE_EXPONENT
                + ",\"tick_size\":\"1\",\"min_lots\":1,\"max_lots\":\"5\",\"base_decimals\":8,\"quote_decimals\":6,"
                + "\"quote_precision\":2,\"max_leverage\":50,\"maintenance_margin\":\"100\"}");

        CpuCost cost = CpuCost.of(() -> api.market(APT));

        System.out.printf("bounds: market info with lot_size 1e100000000 -> %s after %s%n",
                cost.thrown().getClass().getSimpleName(), cost);
        assertThat(cost.thrown()).isInstanceOf(KanaDecodingException.class).hasMessageContaining("lot_size is out of range");
        assertThat(cost.time()).as("once 242 s").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMarketWithAbsurdCoinDecimalsIsRefused() {
        enqueueData("{\"market_id\":1338,\"base_name\":\"APT/USDC\",\"lot_size\":1,\"tick_size\":\"1\","
                + "\"min_lots\":1,\"max_lots\":\"5\",\"base_decimals\":2000000000,\"quote_decimals\":6,"
                + "\"quote_precision\":2,\"max_leverage\":50,\"maintenance_margin\":\"100\"}");

        assertThatThrownBy(() -> api.market(APT)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("decimals");
    }

    @Test
    void aPayloadArgumentWithMillionsOfDigitsIsRefused() {
        enqueueData("{\"function\":\"" + MODULE + "::deposit\",\"typeArguments\":[],\"functionArguments\":["
                + "9".repeat(1_000_000) + "]}");

        assertThatThrownBy(() -> api.deposit(WALLET.address(), BigDecimal.ONE)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("1000000 characters");
    }

    @Test
    void aPayloadArgumentWithAHugeExponentDecodesCheaplyForThePolicyToRefuse() {
        enqueueData("{\"function\":\"" + MODULE + "::deposit\",\"typeArguments\":[],\"functionArguments\":["
                + HUGE_EXPONENT + "]}");

        EntryFunctionPayload payload = api.deposit(WALLET.address(), BigDecimal.ONE);

        assertThat(payload.functionArguments()).singleElement().isInstanceOf(BigDecimal.class);
    }

    @Test
    void aHugeUserAmountIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> api.deposit(WALLET.address(), new BigDecimal("1e1000000")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("out of range");
        assertThat(server.getRequestCount()).isZero();
    }
}
