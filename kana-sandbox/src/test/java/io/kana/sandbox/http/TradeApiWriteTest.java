package io.kana.sandbox.http;

import static io.kana.sandbox.exchange.ExchangeDriver.MODULE;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static io.kana.sandbox.http.ApiServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.exchange.ExchangeDriver;
import io.kana.sandbox.http.ApiServer.Response;
import io.kana.sandbox.wire.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradeApiWriteTest {

    private static final String SCRIPTS = MODULE + "::perpetual_scripts::";
    private static final String PLACE_BODY = """
            "orderTypes": [true, false], "tradeSides": [true, false], "directions": [false, true],
            "sizes": [1.5, 2], "leverages": [2, 3], "prices": [5.7, 0], "restriction": 3,
            "takeProfits": [6.1, 0], "stopLosses": [0, 5.25]""";
    private static final List<Object> PLACE_VECTORS = List.of(List.of("true", "false"), List.of("true", "false"),
            List.of("false", "true"), List.of("1500", "2000"), List.of("5700", "0"), List.of("2", "3"),
            List.of("3", "3"), List.of("6100", "0"), List.of("0", "5250"));

    private final ExchangeDriver driver = new ExchangeDriver();
    private final ApiServer api;
    private final String alice = wallet(1);

    TradeApiWriteTest() throws IOException {
        api = new ApiServer(driver);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void assertPayload(Response response, String function, List<?> args) {
        ok(response);
        assertThat(response.object()).containsExactly(Map.entry("function", SCRIPTS + function),
                Map.entry("typeArguments", List.of()), Map.entry("functionArguments", args));
    }

    @Test
    void deposit() {
        assertPayload(api.get("/deposit?amount=12.5&userAddress=0xABC"), "deposit",
                List.of("0x" + "0".repeat(61) + "abc", "12500000"));
    }

    @Test
    void withdrawSpecifiMarket() {
        assertPayload(api.get("/withdrawSpecifiMarket?marketId=1338&amount=0.000001&userAddress=" + alice),
                "withdraw_specific_market", List.of(alice, "1338", "1"));
    }

    @Test
    void placeLimitOrderWithDefaults() {
        assertPayload(api.get("/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1.5&price=5.7&leverage=2"),
                "place_limit_order", List.of("1338", "true", "false", "1500", "5700", "2", "0", "0", "0"));
    }

    @Test
    void placeLimitOrderWithEveryParameterInAnotherMarket() {
        assertPayload(api.get("/placeLimitOrder?marketId=1339&tradeSide=false&direction=true&size=0.0015"
                        + "&price=65000.5&leverage=50&restriction=1&takeProfit=60000&stopLoss=70000.1"),
                "place_limit_order", List.of("1339", "false", "true", "15", "650005", "50", "1", "600000", "700001"));
    }

    @Test
    void placeMarketOrder() {
        assertPayload(api.get("/placeMarketOrder?marketId=2387&tradeSide=false&direction=false&size=0.1&leverage=3"
                        + "&takeProfit=140&stopLoss=160.5"),
                "place_market_order", List.of("2387", "false", "false", "10", "3", "140000", "160500"));
    }

    @Test
    void placeMultipleOrdersRepeatsTheRestrictionPerOrder() {
        List<Object> args = new java.util.ArrayList<>(List.of("1338"));
        args.addAll(PLACE_VECTORS);
        assertPayload(api.post("/placeMultipleOrders", "{\"marketId\": 1338, " + PLACE_BODY + "}"),
                "place_multiple_orders", args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"restrictions\": [3, 3]",
        "\"restrictions\": [\"3\"]",
        "\"restriction\": 3, \"restrictions\": [3, 3]",
    })
    void theBatchRestrictionMayArriveAsAnArrayOrBothWays(String restriction) {
        String body = PLACE_BODY.replace("\"restriction\": 3", restriction);
        List<Object> args = new java.util.ArrayList<>(List.of("1338"));
        args.addAll(PLACE_VECTORS);

        assertPayload(api.post("/placeMultipleOrders", "{\"marketId\": 1338, " + body + "}"), "place_multiple_orders",
                args);
        List<Object> cancelAndPlace = new java.util.ArrayList<>(List.of("1338", List.of("7"), List.of("false")));
        cancelAndPlace.addAll(PLACE_VECTORS);
        assertPayload(api.post("/cancelAndPlaceMultipleOrders",
                "{\"marketId\": 1338, \"cancelOrderIds\": [\"7\"], \"orderSides\": [false], " + body + "}"),
                "cancel_and_place_multiple_orders", cancelAndPlace);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "\"restrictions\": [1, 3] | restrictions must all be equal",
        "\"restriction\": 1, \"restrictions\": [3, 3] | restriction 1 and restrictions 3 disagree",
        "\"restrictions\": [] | restrictions must hold the batch",
        "\"restrictions\": [2, 2] | restrictions[0] must be 0 (none)",
        "\"restrictions\": 3 | restrictions must be a JSON array",
    })
    void aBatchRestrictionThatIsNotOneValueIsRefused(String restriction, String message) {
        Response response = api.post("/placeMultipleOrders",
                "{\"marketId\": 1338, " + PLACE_BODY.replace("\"restriction\": 3", restriction) + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.body().get("message")).contains(message);
    }

    @Test
    void placeMultipleOrdersDefaultsTakeProfitsAndStopLossesToZero() {
        Response response = api.post("/placeMultipleOrders", """
                {"marketId": "1340", "orderTypes": [true], "tradeSides": [true], "directions": [false],
                 "sizes": ["0.01"], "leverages": [5], "prices": ["2999.99"]}""");
        assertPayload(response, "place_multiple_orders", List.of("1340", List.of("true"), List.of("true"),
                List.of("false"), List.of("10"), List.of("299999"), List.of("5"), List.of("0"), List.of("0"),
                List.of("0")));
    }

    @Test
    void cancelMultipleOrders() {
        String big = "340282366920938463463374607431768211455";
        assertPayload(api.post("/cancelMultipleOrders",
                        "{\"marketId\": 1338, \"cancelOrderIds\": [\"24682450343818125312\", \"" + big
                                + "\"], \"orderSides\": [true, false]}"),
                "cancel_multiple_orders", List.of("1338", List.of("24682450343818125312", big), List.of("true", "false")));
    }

    @Test
    void cancelAndPlaceMultipleOrders() {
        List<Object> args = new java.util.ArrayList<>(List.of("1338", List.of("7"), List.of("false")));
        args.addAll(PLACE_VECTORS);
        assertPayload(api.post("/cancelAndPlaceMultipleOrders",
                        "{\"marketId\": 1338, \"cancelOrderIds\": [\"7\"], \"orderSides\": [false], " + PLACE_BODY + "}"),
                "cancel_and_place_multiple_orders", args);
    }

    @Test
    void updateTakeProfitAndStopLoss() {
        assertPayload(api.get("/updateTakeProfit?marketId=1338&tradeSide=true&newTakeProfitPrice=6.5"),
                "update_take_profit", List.of("1338", "true", "6500"));
        assertPayload(api.get("/updateStopLoss?marketId=1340&tradeSide=false&newStopLossPrice=3100.25"),
                "update_stop_loss", List.of("1340", "false", "310025"));
    }

    @Test
    void addMarginCollapseAndSettle() {
        assertPayload(api.get("/addMargin?marketId=1338&tradeSide=false&amount=2.25"), "add_margin",
                List.of("1338", "false", "2250000"));
        assertPayload(api.get("/collapsePosition?marketId=1339"), "collapse_position", List.of("1339"));
        assertPayload(api.get("/settlePnl?marketId=1338&userAddress=0x1"), "settle_pnl",
                List.of("0x" + "0".repeat(63) + "1", "1338"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&price=5.7&leverage=2 | size is required",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=abc&price=5.7&leverage=2 | size must be a decimal number",
        "/placeLimitOrder?marketId=999&tradeSide=true&direction=false&size=1&price=5.7&leverage=2 | unknown marketId 999",
        "/placeLimitOrder?marketId=APT&tradeSide=true&direction=false&size=1&price=5.7&leverage=2 | marketId must be a decimal number",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1.0005&price=5.7&leverage=2 | not a multiple of the lot size 0.001",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=0.4&price=5.7&leverage=2 | outside the limits of market 1338: from 0.5 to 150000",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=150000.001&price=5.7&leverage=2 | outside the limits",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=-1&price=5.7&leverage=2 | size must be above 0",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7005&leverage=2 | not a multiple of the tick size 0.001",
        "/placeLimitOrder?marketId=1339&tradeSide=true&direction=false&size=0.001&price=65000.05&leverage=2 | tick size 0.1 of market 1339",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=0&leverage=2 | price must be above 0",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7&leverage=21 | leverage must be from 1 to 20",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7&leverage=0 | leverage must be from 1 to 20",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7&leverage=1.5 | leverage must be a whole number",
        "/placeLimitOrder?marketId=1338&tradeSide=yes&direction=false&size=1&price=5.7&leverage=2 | tradeSide must be true or false",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7&leverage=2&restriction=2 | restriction must be 0 (none), 1 (fill or abort) or 3 (post or abort)",
        "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5.7&leverage=2&takeProfit=6.0001 | takeProfit 6.0001 is not a multiple",
        "/placeMarketOrder?marketId=1338&tradeSide=true&direction=false&size=1 | leverage is required",
        "/deposit?amount=1&userAddress=0xZZ | userAddress must be an account address",
        "/deposit?amount=1&userAddress=0x12345678901234567890123456789012345678901234567890123456789012345 | userAddress must be an account address",
        "/deposit?amount=1.0000001&userAddress=0x1 | amount 1.0000001 has more than 6 decimals",
        "/deposit?amount=0&userAddress=0x1 | amount must be above 0",
        "/withdrawSpecifiMarket?marketId=1338&amount=1 | userAddress is required",
        "/updateTakeProfit?marketId=1338&tradeSide=true | newTakeProfitPrice is required",
        "/updateStopLoss?marketId=1338&tradeSide=true&newStopLossPrice=-1 | newStopLossPrice must be 0 or more",
        "/addMargin?marketId=1338&tradeSide=true&amount=-2 | amount must be above 0",
        "/collapsePosition | marketId is required",
        "/settlePnl?marketId=1338 | userAddress is required",
    })
    void getWriteEndpointsRejectBadParameters(String request, String message) {
        Response response = api.get(request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).containsEntry("success", false);
        assertThat((String) response.body().get("message")).contains(message);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "/cancelMultipleOrders | {\"marketId\": 1338, \"cancelOrderIds\": [\"1\", \"2\"], \"orderSides\": [true]} | cancelOrderIds has 2 elements but orderSides has 1",
        "/cancelMultipleOrders | {\"marketId\": 1338, \"cancelOrderIds\": [\"x1\"], \"orderSides\": [true]} | cancelOrderIds[0] must be a decimal number",
        "/cancelMultipleOrders | {\"marketId\": 1338, \"cancelOrderIds\": [\"340282366920938463463374607431768211456\"], \"orderSides\": [true]} | from 0 to 2^128 - 1",
        "/cancelMultipleOrders | {\"marketId\": 1338, \"cancelOrderIds\": [], \"orderSides\": []} | at least one order",
        "/cancelMultipleOrders | {\"marketId\": 1338, \"cancelOrderIds\": \"1\", \"orderSides\": [true]} | cancelOrderIds must be a JSON array",
        "/cancelMultipleOrders | not json | the request body must be a JSON object",
        "/cancelMultipleOrders | [1, 2] | the request body must be a JSON object",
        "/placeMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [true], \"tradeSides\": [true, false], \"directions\": [false], \"sizes\": [1], \"leverages\": [2], \"prices\": [5]} | tradeSides has 2 elements but orderTypes has 1",
        "/placeMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [true], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1.0001], \"leverages\": [2], \"prices\": [5]} | sizes[0] 1.0001 is not a multiple of the lot size",
        "/placeMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [true], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1], \"leverages\": [2], \"prices\": [0]} | prices[0] must be above 0",
        "/placeMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [\"limit\"], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1], \"leverages\": [2], \"prices\": [5]} | orderTypes[0] must be true or false",
        "/placeMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [true], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1], \"prices\": [5]} | leverages is required",
        "/cancelAndPlaceMultipleOrders | {\"marketId\": 1338, \"orderTypes\": [true], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1], \"leverages\": [2], \"prices\": [5]} | cancelOrderIds is required",
    })
    void postWriteEndpointsRejectBadBodies(String path, String body, String message) {
        Response response = api.post(path, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).containsEntry("success", false);
        assertThat((String) response.body().get("message")).contains(message);
    }

    @Test
    void buildingPayloadsChangesNoState() {
        driver.funded(alice, 100);
        String before = Json.write(List.of(api.get("/getOpenOrders?userAddress=" + alice).data(),
                api.get("/getProfileBalanceSnapshot?userAddress=" + alice).data(),
                api.get("/getDepositAndWithdrawHistory?userAddress=" + alice).data()));

        ok(api.get("/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=5&leverage=2"));
        ok(api.get("/deposit?amount=50&userAddress=" + alice));
        ok(api.get("/withdrawSpecifiMarket?marketId=1338&amount=50&userAddress=" + alice));
        ok(api.post("/placeMultipleOrders", "{\"marketId\": 1338, " + PLACE_BODY + "}"));

        String after = Json.write(List.of(api.get("/getOpenOrders?userAddress=" + alice).data(),
                api.get("/getProfileBalanceSnapshot?userAddress=" + alice).data(),
                api.get("/getDepositAndWithdrawHistory?userAddress=" + alice).data()));
        assertThat(after).isEqualTo(before);
        assertThat(driver.balance(alice)).isEqualTo(100_000_000);
    }

    @Test
    void payloadsExecutedByTheChainChangeTheStateAsTheirParametersSay() {
        driver.exchange.fundWallet(alice, new BigDecimal("250"));

        assertThat(api.submitGet(alice, "/deposit?amount=200&userAddress=" + alice).success()).isTrue();
        assertThat(api.submitGet(alice,
                "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1.5&price=5.7&leverage=2&takeProfit=6").success())
                .isTrue();

        Map<String, Object> order = api.get("/getOpenOrders?userAddress=" + alice).list().get(0);
        assertThat(order).containsEntry("price", "5.7").containsEntry("total_size", "1.5")
                .containsEntry("order_type", new BigDecimal("3")).containsEntry("direction", false)
                .containsEntry("status", "Open");
        assertThat(api.get("/getWalletAccountBalance?userAddress=" + alice).data()).isEqualTo("50");

        String id = (String) order.get("order_id");
        assertThat(api.submitPost(alice, "/cancelMultipleOrders",
                "{\"marketId\": 1338, \"cancelOrderIds\": [\"" + id + "\"], \"orderSides\": [true]}").success()).isTrue();
        assertThat(api.get("/getOpenOrders?userAddress=" + alice).list()).isEmpty();
        assertThat(api.submitPost(alice, "/placeMultipleOrders", "{\"marketId\": 1338, \"orderTypes\": [true, true], "
                + "\"tradeSides\": [true, false], \"directions\": [false, false], \"sizes\": [1, 2], "
                + "\"leverages\": [2, 2], \"prices\": [4.5, 6.5]}").success()).isTrue();
        assertThat((List<?>) api.get("/getAllOpenOrderIds?userAddress=" + alice).data()).hasSize(2);
        assertThat(api.submitGet(alice, "/withdrawSpecifiMarket?marketId=1338&amount=1&userAddress=" + alice).success())
                .isTrue();
        assertThat(api.get("/getWalletAccountBalance?userAddress=" + alice).data()).isEqualTo("51");
    }
}
