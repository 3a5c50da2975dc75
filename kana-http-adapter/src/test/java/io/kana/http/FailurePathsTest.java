package io.kana.http;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class FailurePathsTest extends MockApiTest {

    private static final MarketId APT = MarketId.of(1338);

    @Test
    void successFalseIsAnApiRejectionAndIsNotRetried() {
        enqueue(200, "{\"success\":false,\"message\":\"Market not found\"}");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.marketPrice(APT));

        assertThat(e.endpoint()).isEqualTo("getMarketPrice");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.apiMessage()).isEqualTo("Market not found");
        assertThat(e).hasMessage("getMarketPrice was rejected (HTTP 200): Market not found");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMarketIdTheApiRefusesIsABadMarketIdAndAnOutageStaysAnOutage() {
        enqueue(200, "{\"success\":false,\"message\":\"Market not found\"}");
        enqueue(400, "{\"success\":false}");
        enqueue(404, "{\"success\":false,\"message\":\"no such market\"}");

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> api.market(APT)))
                .hasMessageContaining("market 1338 is not known to the trade API (Market not found)")
                .hasMessageContaining("check the market id").hasCauseInstanceOf(KanaApiException.class);
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> api.market(APT)))
                .hasMessageContaining("(rejected)");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> api.market(APT)).field())
                .isEqualTo("marketId");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRejectionWhoseMessageIsNotTextHasNoApiMessage() {
        enqueue(200, "{\"success\":false,\"message\":{\"code\":7}}");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.marketPrice(APT));

        assertThat(e.apiMessage()).isNull();
        assertThat(e).hasMessageEndingWith("no message");
    }

    @Test
    void statusFalseOfTheOlderEnvelopeIsAnApiRejection() {
        enqueue(200, "{\"status\":false,\"message\":\"Invalid address\",\"data\":null}");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.walletBalance(WALLET));

        assertThat(e.apiMessage()).isEqualTo("Invalid address");
        assertThat(e.endpoint()).isEqualTo("getWalletAccountBalance");
    }

    @Test
    void http400CarriesTheApiMessageAndIsNeverRetried() {
        enqueue(400, "{\"success\":false,\"message\":\"Either marketId or baseName must be provided\"}");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.perpetualAssetInfo("BTC"));

        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.apiMessage()).isEqualTo("Either marketId or baseName must be provided");
        assertThat(e.endpoint()).isEqualTo("getPerpetualAssetsInfo");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void http404QuotesAPlainTextBody() {
        enqueue(404, "Cannot GET /getMarketPrice");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.marketPrice(APT));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.apiMessage()).isEqualTo("Cannot GET /getMarketPrice");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void http404WithoutBodyHasNoApiMessage() {
        enqueue(404, "");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.allPerpetualAssets());

        assertThat(e.apiMessage()).isNull();
        assertThat(e.endpoint()).isEqualTo("getPerpetualAssetsInfo/allMarkets");
        assertThat(e).hasMessageContaining("no message");
    }

    @Test
    void http401WithAnErrorFieldQuotesIt() {
        enqueue(401, "{\"error\":\"API key missing\"}");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.marketPrice(APT));

        assertThat(e.apiMessage()).isEqualTo("API key missing");
    }

    @Test
    void longErrorPagesAreQuotedOnlyInPart() {
        enqueue(403, "<html>" + "x".repeat(1000) + "</html>");

        KanaApiException e = catchThrowableOfType(KanaApiException.class, () -> api.marketPrice(APT));

        assertThat(e.apiMessage()).startsWith("<html>xxx").endsWith("...(1013 chars)").hasSize(215);
    }

    @Test
    void http429IsRetriedAfterTheRetryAfterTheServerAsks() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        enqueueData("\"42.5\"");

        BigDecimal price = api.lastExecutionPrice(APT);

        assertThat(price).isEqualTo(new BigDecimal("42.5"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterIsCappedAtTheMaximumDelay() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After",
                ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.RFC_1123_DATE_TIME)));
        enqueueData("1");

        api.lastExecutionPrice(APT);

        assertThat(sleeps).containsExactly(FAST_RETRIES.maxDelay(), FAST_RETRIES.maxDelay());
    }

    @Test
    void anUnreadableRetryAfterFallsBackToBackoff() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "soon"));
        enqueueData("1");

        api.lastExecutionPrice(APT);

        assertThat(sleeps).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void http500IsRetriedWithBackoff() {
        enqueue(500, "{\"success\":false,\"message\":\"internal error\"}");
        enqueueData("7");

        assertThat(api.aptBalance(WALLET)).isEqualTo(new BigDecimal("7"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(100)));
    }

    @Test
    void http503UntilRetriesAreExhaustedIsATransportFailure() {
        for (int i = 0; i < 3; i++) {
            enqueue(503, "{\"success\":false,\"message\":\"maintenance\"}");
        }

        KanaTransportException e = catchThrowableOfType(KanaTransportException.class, () -> api.marketPrice(APT));

        assertThat(e.endpoint()).isEqualTo("getMarketPrice");
        assertThat(e).hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 503 (maintenance)");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(e.effectMayExist()).isFalse();
    }

    @Test
    void withoutRetriesTheFirstFailureSurfaces() {
        enqueue(502, "");
        try (KanaHttpApi once = newApi(builder -> builder.retryPolicy(RetryPolicy.NONE))) {
            assertThatThrownBy(() -> once.marketPrice(APT))
                    .isInstanceOf(KanaTransportException.class)
                    .hasMessageContaining("after 1 attempt,");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsADecodingFailureWithTheBodyQuotedAndIsNotRetried() {
        enqueue(200, "{\"success\":true,\"data\":[1,2,}");

        KanaDecodingException e = catchThrowableOfType(KanaDecodingException.class, () -> api.openOrderIds(WALLET, null));

        assertThat(e.endpoint()).isEqualTo("getAllOpenOrderIds");
        assertThat(e.snippet()).isEqualTo("{\"success\":true,\"data\":[1,2,}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsADecodingFailure() {
        String truncated = fixture("getMarketInfo.json").substring(0, 300);
        enqueue(200, truncated);

        KanaDecodingException e = catchThrowableOfType(KanaDecodingException.class, () -> api.market(APT));

        assertThat(e).hasMessageContaining("truncated JSON");
        assertThat(e.snippet()).startsWith(truncated.substring(0, 200)).endsWith("...(300 chars)");
    }

    @Test
    void aConnectionDroppedMidBodyIsRetried() {
        server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":\"1234567890\"}")
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        enqueueData("\"5\"");

        assertThat(api.aptBalance(WALLET)).isEqualTo(new BigDecimal("5"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aReadTimeoutIsRetriedThenATransportFailure() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (KanaHttpApi impatient = newApi(builder -> builder.timeouts(HttpTimeouts.DEFAULT.withRead(Duration.ofMillis(100)))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))))) {

            KanaTransportException e = catchThrowableOfType(KanaTransportException.class,
                    () -> impatient.marketPrice(APT));

            assertThat(e).hasMessageContaining("after 2 attempts");
            assertThat(e).hasCauseInstanceOf(SocketTimeoutException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsATransportFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (KanaHttpApi nowhere = KanaHttpApi.builder(URI.create("http://127.0.0.1:" + closedPort + "/"))
                .retryPolicy(FAST_RETRIES).sleeper(sleeps::add).build()) {

            assertThatThrownBy(() -> nowhere.marketPrice(APT))
                    .isInstanceOf(KanaTransportException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasCauseInstanceOf(IOException.class);
        }
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void anInterruptWhileWaitingToRetryStopsAndKeepsTheFlag() {
        enqueue(503, "");
        try (KanaHttpApi interrupted = newApi(builder -> builder.sleeper(wait -> {
            throw new InterruptedException();
        }))) {
            assertThatThrownBy(() -> interrupted.marketPrice(APT))
                    .isInstanceOf(KanaTransportException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownOrderStatusIsKeptVerbatim() {
        enqueueData("{\"order_id\":\"1\",\"market_id\":\"14\",\"status\":\"Expired\"}");

        OrderStatus status = api.fetchOrderStatus(MarketId.of(14), OrderId.of(1)).status();

        assertThat(status.value()).isEqualTo("Expired");
        assertThat(status.isKnown()).isFalse();
    }

    @Test
    void aBlankOrMissingStatusIsNoStatus() {
        enqueueData("[{\"order_id\":\"1\",\"market_id\":\"14\",\"status\":\" \"},{\"order_id\":2,\"market_id\":14}]");

        assertThat(api.openOrders(WALLET, null)).extracting(o -> o.status()).containsExactly(null, null);
    }

    @Test
    void numbersAreReadTheSameGivenAsStringOrAsNumber() {
        enqueueData("\"611899.123456789012345\"");
        enqueueData("611899.123456789012345");

        assertThat(api.walletBalance(WALLET)).isEqualTo(new BigDecimal("611899.123456789012345"));
        assertThat(api.walletBalance(WALLET)).isEqualTo(new BigDecimal("611899.123456789012345"));
    }

    @Test
    void fractionalAndIsoTimestampsAreAccepted() {
        enqueueData("[{\"market_id\":1,\"price\":1,\"size\":1,\"timestamp\":\"1747075649.25\"},"
                + "{\"market_id\":1,\"price\":1,\"size\":1,\"timestamp\":\"2025-05-12T18:47:29Z\"}]");

        var fills = api.fillsBetween(WALLET, null, null, null, null);

        assertThat(fills).extracting(f -> f.timestamp().toString())
                .containsExactly("2025-05-12T18:47:29.250Z", "2025-05-12T18:47:29Z");
    }

    @Test
    void aValueThatDoesNotParseNamesTheField() {
        enqueueData("[{\"market_id\":\"14\",\"order_id\":\"1\",\"price\":\"five\"}]");

        assertThatThrownBy(() -> api.openOrders(WALLET, null))
                .isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("field 'price' should be a decimal number, got 'five'");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        enqueueData("[{\"market_id\":\"14\",\"price\":\"5\"}]");

        assertThatThrownBy(() -> api.openOrders(WALLET, null))
                .isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("required field 'order_id' is missing");
    }

    @Test
    void wrongShapesAreDecodingFailures() {
        enqueueData("{\"not\":\"a list\"}");
        enqueueData("[1]");
        enqueueData("{\"order_id\":[1],\"market_id\":1}");
        enqueueData("[\"a\"]");
        enqueueData("null");
        enqueueData("\"not a number\"");
        enqueueData("{\"function\":\"0x1::m::f\",\"functionArguments\":[{\"object\":1}]}");
        enqueueData("{\"function\":\"no-module\",\"functionArguments\":[]}");
        enqueueData("{\"function\":\"0x1::m::f\"}");
        enqueueData("[{\"market_id\":1,\"size\":1}]");
        enqueueData("\"0xZZ\"");
        enqueueData("{\"function\":\"0x1::m::f\",\"functionArguments\":\"x\"}");
        enqueueData("[{\"market_id\":1,\"price\":1,\"size\":1,\"timestamp\":\"yesterday\"}]");
        enqueueData("[{\"market_id\":1,\"price\":1,\"size\":1,\"is_maker\":\"maybe\"}]");
        enqueueData("{\"function\":\"0x1::m::f\",\"typeArguments\":[{}],\"functionArguments\":[]}");

        assertDecodingFails(() -> api.positions(WALLET, null), "expected BEGIN_ARRAY");
        assertDecodingFails(() -> api.positions(WALLET, null), "expected a JSON object");
        assertDecodingFails(() -> api.orderStatus(APT, OrderId.of(1)), "field 'order_id' is an array or object");
        assertDecodingFails(() -> api.openOrderIds(WALLET, null), "order id should be a decimal u128, got 'a'");
        assertDecodingFails(() -> api.aptBalance(WALLET), "required field 'data' is missing");
        assertDecodingFails(() -> api.aptBalance(WALLET), "data should be a decimal number");
        assertDecodingFails(() -> api.collapsePosition(APT), "is a JSON object");
        assertDecodingFails(() -> api.collapsePosition(APT), "an entry function is");
        assertDecodingFails(() -> api.collapsePosition(APT), "required field 'functionArguments'");
        assertDecodingFails(() -> api.positions(WALLET, null), "required field 'trade_side'");
        assertDecodingFails(() -> api.profileAddress(WALLET), "hex");
        assertDecodingFails(() -> api.collapsePosition(APT), "expected BEGIN_ARRAY");
        assertDecodingFails(() -> api.fillsBetween(WALLET, null, null, null, null), "field 'timestamp'");
        assertDecodingFails(() -> api.fillsBetween(WALLET, null, null, null, null), "field 'is_maker'");
        assertDecodingFails(() -> api.collapsePosition(APT), "expected a string or number");
        assertThat(server.getRequestCount()).isEqualTo(15);
    }

    @Test
    void brokenEnvelopesAreDecodingFailures() {
        enqueue(200, "[1,2]");
        enqueue(200, "{\"message\":\"ok\",\"data\":1}");
        enqueue(200, "{\"success\":true,\"data\":1} trailing");
        enqueue(204, "");
        enqueue(200, "{\"success\":\"yes\",\"data\":1}");

        assertDecodingFails(() -> api.aptBalance(WALLET), "expected the {\"success\"");
        assertDecodingFails(() -> api.aptBalance(WALLET), "neither a 'success' nor a 'status'");
        assertDecodingFails(() -> api.aptBalance(WALLET), "");
        KanaDecodingException empty = catchThrowableOfType(KanaDecodingException.class, () -> api.aptBalance(WALLET));
        assertThat(empty.snippet()).isEqualTo("<empty>");
        assertDecodingFails(() -> api.aptBalance(WALLET), "neither a 'success' nor a 'status'");
    }

    @Test
    void aMarketWithNonPositiveLotSizeIsRefused() {
        enqueueData("[{\"market_id\":\"1338\",\"base_name\":\"X\",\"lot_size\":\"0\",\"tick_size\":\"1\","
                + "\"min_lots\":\"1\",\"max_lots\":\"1\",\"base_decimals\":8,\"quote_decimals\":6,"
                + "\"quote_precision\":3,\"max_leverage\":\"20\",\"maintenance_margin\":\"250\"}]");

        assertDecodingFails(() -> api.market(APT), "lot size and tick size are positive");
    }

    private static void assertDecodingFails(Runnable call, String problem) {
        assertThatThrownBy(call::run).isInstanceOf(KanaDecodingException.class).hasMessageContaining(problem);
    }
}
