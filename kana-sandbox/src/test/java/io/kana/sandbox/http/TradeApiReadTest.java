package io.kana.sandbox.http;

import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static io.kana.sandbox.http.ApiServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.exchange.ExchangeDriver;
import io.kana.sandbox.http.ApiServer.Response;
import io.kana.sandbox.wire.Json;
import io.kana.testsupport.TestData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TradeApiReadTest {

    private static final List<String> ORDER = List.of("address", "market_id", "order_id", "order_type",
            "is_market_order", "direction", "price", "total_size", "remaining_size", "size", "total_filled",
            "order_value", "leverage", "status", "timestamp", "last_updated", "trade_id", "transaction_version");
    private static final List<String> POSITION = List.of("address", "market_id", "leverage", "trade_side", "size",
            "available_order_size", "value", "entry_price", "liq_price", "margin", "tp", "sl", "trade_id",
            "last_updated", "transaction_version");
    private static final List<String> FILL = List.of("address", "market_id", "order_id", "trade_side", "price", "size",
            "fee", "is_maker", "trade_id", "timestamp", "transaction_version");
    private static final List<String> TRADE = List.of("address", "market_id", "order_id", "order_type",
            "price", "size", "order_value", "leverage", "pnl", "fee", "entry_price", "trade_id", "timestamp",
            "last_updated", "transaction_version");
    private static final List<String> FUNDING = List.of("address", "market_id", "trade_side", "funding_rate", "amount",
            "size", "timestamp", "transaction_version");
    private static final List<String> TRANSFER = List.of("address", "amount", "is_deposit", "timestamp", "last_updated",
            "transaction_version");

    private final ExchangeDriver driver = new ExchangeDriver();
    private final ApiServer api;
    private final String alice = wallet(1);
    private final String bob = wallet(2);
    private final String aliceProfile = ExchangeDriver.profile(alice);

    TradeApiReadTest() throws IOException {
        api = new ApiServer(driver);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Bob rests 2 APT short at 5; alice buys 1 APT at market, then bids 1 APT at 4.9; funding 0.0001. */
    private void trade() {
        for (String w : List.of(alice, bob)) {
            ok(api.post("/sandbox/fund", "{\"address\": \"" + w + "\", \"amount\": \"1000\"}"));
            assertThat(api.submitGet(w, "/deposit?amount=500&userAddress=" + w).success()).isTrue();
        }
        assertThat(api.submitGet(bob,
                "/placeLimitOrder?marketId=1338&tradeSide=false&direction=false&size=2&price=5&leverage=5").success()).isTrue();
        assertThat(api.submitGet(alice,
                "/placeMarketOrder?marketId=1338&tradeSide=true&direction=false&size=1&leverage=10&stopLoss=4").success())
                .isTrue();
        assertThat(api.submitGet(alice,
                "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=4.9&leverage=10").success())
                .isTrue();
        ok(api.post("/sandbox/fundingTick", "{\"marketId\": 1338, \"rate\": \"0.0001\"}"));
    }

    @Test
    void marketInfoIsTheDocumentedResponse() throws IOException {
        Object fixture = Json.parse(TestData.fixture("getMarketInfo.json"));

        assertThat(ok(api.get("/getMarketInfo?marketId=1338")).body()).isEqualTo(fixture);
    }

    @Test
    void everyMarketHasTheSameShape() {
        for (String id : List.of("1339", "1340", "2387")) {
            Map<String, Object> market = ok(api.get("/getMarketInfo?marketId=" + id)).list().get(0);
            assertThat(market).containsEntry("market_id", id).containsEntry("quote_decimals", new BigDecimal("6"));
            assertThat(market.keySet()).containsExactlyElementsOf(
                    ok(api.get("/getMarketInfo?marketId=1338")).list().get(0).keySet());
        }
    }

    @Test
    void marketPricesFollowTheBook() {
        assertThat(ok(api.get("/getMarketPrice?marketId=1338")).object())
                .containsEntry("bestAskPrice", null).containsEntry("bestBidPrice", null);
        assertThat(ok(api.get("/getLastPlacedPrice?marketId=1338")).data()).isEqualTo(new BigDecimal("5"));

        trade();
        ok(api.post("/sandbox/markPrice", "{\"marketId\": 1338, \"price\": \"5.2\"}"));

        assertThat(ok(api.get("/getMarketPrice?marketId=1338")).object())
                .containsEntry("bestAskPrice", new BigDecimal("5")).containsEntry("bestBidPrice", new BigDecimal("4.9"));
        assertThat(ok(api.get("/getLastPlacedPrice?marketId=1338")).data()).isEqualTo(new BigDecimal("5"));
    }

    /** Asset info objects are market info objects: no source shows prices, funding, open interest or volume in them. */
    @Test
    void perpetualAssetsByMarketBaseNameOrAllAreShapedLikeMarketInfo() {
        trade();
        Map<String, Object> apt = ok(api.get("/getMarketInfo?marketId=1338")).list().get(0);

        Map<String, Object> asset = ok(api.get("/getPerpetualAssetsInfo?marketId=1338")).list().get(0);
        assertThat(asset).isEqualTo(apt).containsEntry("market_id", "1338").containsEntry("base_name", "APT/USDC")
                .containsEntry("base_decimals", new BigDecimal("8")).containsEntry("quote_decimals", new BigDecimal("6"))
                .containsEntry("lot_size", "100000").containsEntry("tick_size", "1")
                .doesNotContainKeys("last_price", "mark_price", "funding_rate", "open_interest", "volume_24h");
        assertThat(ok(api.get("/getPerpetualAssetsInfo?baseName=btc")).list()).singleElement()
                .isEqualTo(ok(api.get("/getMarketInfo?marketId=1339")).list().get(0));
        List<Map<String, Object>> all = ok(api.get("/getPerpetualAssetsInfo/allMarkets")).list();
        assertThat(all).extracting(a -> a.get("market_id")).containsExactly("1338", "1339", "1340", "2387");
        assertThat(all).allSatisfy(a -> assertThat(a.keySet()).containsExactlyElementsOf(apt.keySet()));
        Response neither = api.get("/getPerpetualAssetsInfo");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).containsEntry("message", "Either marketId or baseName must be provided");
    }

    @Test
    void profileAddressIsSha3OfTheWalletAndASuffix() throws Exception {
        MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
        sha3.update(HexFormat.of().parseHex(alice.substring(2)));
        sha3.update("kana-profile".getBytes(StandardCharsets.US_ASCII));

        assertThat(ok(api.get("/getProfileAddress?userAddress=" + alice)).data())
                .isEqualTo("0x" + HexFormat.of().formatHex(sha3.digest()));
    }

    @Test
    void balancesAreInHumanUnitsTheWalletsAsADecimalString() {
        trade();

        assertThat(ok(api.get("/getWalletAccountBalance?userAddress=" + alice)).data()).isEqualTo("500");
        BigDecimal free = (BigDecimal) ok(api.get("/getProfileBalanceSnapshot?userAddress=" + alice)).data();
        assertThat(free).isEqualByComparingTo(driver.exchange.spec(1338).quote(driver.balance(alice)));
        assertThat(free).isLessThan(new BigDecimal("500"));
        assertThat(ok(api.get("/getNetProfileBalance?userAddress=" + alice)).data()).isEqualTo(free);
        assertThat(ok(api.get("/getAccountAptBalance?userAddress=" + alice)).data()).isEqualTo(BigDecimal.ZERO);
        assertThat(ok(api.get("/getWalletAccountBalance?userAddress=" + wallet(9))).data()).isEqualTo("0");
    }

    @Test
    void aWalletWithoutAProfileHasNoProfileBalanceSnapshot() {
        ok(api.post("/sandbox/fund", "{\"address\": \"" + alice + "\", \"amount\": \"1000\"}"));

        Response none = api.get("/getProfileBalanceSnapshot?userAddress=" + alice);

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).containsEntry("success", false).doesNotContainKey("data");
        assertThat(none.body().get("message").toString()).contains("no profile").contains(alice);
        assertThat(api.submitGet(alice, "/deposit?amount=1&userAddress=" + alice).success()).isTrue();
        assertThat(ok(api.get("/getProfileBalanceSnapshot?userAddress=" + alice)).data()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void openOrdersAndTheirIds() {
        trade();

        for (String path : List.of("/getOpenOrders", "/getOpenOrdersFromContract")) {
            List<Map<String, Object>> orders = ok(api.get(path + "?userAddress=" + alice + "&marketId=1338")).list();
            assertThat(orders).singleElement().satisfies(o -> {
                assertThat(o.keySet()).containsExactlyElementsOf(ORDER);
                assertThat(o).containsEntry("address", aliceProfile).containsEntry("market_id", "1338")
                        .containsEntry("order_type", new BigDecimal("3")).containsEntry("is_market_order", false)
                        .containsEntry("price", "4.9").containsEntry("remaining_size", "1")
                        .containsEntry("order_value", "4.9").containsEntry("leverage", new BigDecimal("10"))
                        .containsEntry("status", "Open").containsEntry("trade_id", "0");
                assertThat(o.get("order_id")).isInstanceOf(String.class);
                assertThat(o.get("timestamp")).isInstanceOf(BigDecimal.class);
            });
        }
        assertThat(ok(api.get("/getOpenOrders?userAddress=" + alice + "&marketId=1339")).list()).isEmpty();
        String id = (String) ok(api.get("/getOpenOrders?userAddress=" + alice)).list().get(0).get("order_id");
        assertThat(ok(api.get("/getAllOpenOrderIds?userAddress=" + alice)).data()).isEqualTo(List.of(id));
    }

    @Test
    void orderHistoryPagesNewestFirstByDefault() {
        trade();

        List<Map<String, Object>> all = ok(api.get("/getOrderHistory?userAddress=" + alice)).list();
        assertThat(all).extracting(o -> o.get("status")).containsExactly("Open", "Filled");
        assertThat(all.get(1)).containsEntry("order_type", new BigDecimal("8")).containsEntry("is_market_order", true)
                .containsEntry("price", "5").containsEntry("total_filled", "1").containsEntry("remaining_size", "0");
        assertThat(ok(api.get("/getOrderHistory?userAddress=" + alice + "&order=asc&limit=1")).list())
                .extracting(o -> o.get("status")).containsExactly("Filled");
        assertThat(ok(api.get("/getOrderHistory?userAddress=" + alice + "&offset=1&limit=5")).list())
                .extracting(o -> o.get("status")).containsExactly("Filled");
        assertThat(ok(api.get("/getOrderHistory?userAddress=" + alice + "&offset=2")).list()).isEmpty();
        assertThat(api.get("/getOrderHistory?userAddress=" + alice + "&limit=0").status()).isEqualTo(400);
        assertThat(api.get("/getOrderHistory?userAddress=" + alice + "&order=up").body())
                .containsEntry("message", "order must be asc or desc, got 'up'");
    }

    @Test
    void orderStatusByIdFromBothEndpoints() {
        trade();
        Map<String, Object> bobsOrder = ok(api.get("/getOpenOrders?userAddress=" + bob)).list().get(0);
        String id = (String) bobsOrder.get("order_id");

        for (String path : List.of("/getOrderStatusByOrderId", "/fetchOrderStatusById")) {
            Map<String, Object> status = ok(api.get(path + "?marketId=1338&orderId=" + id)).object();
            assertThat(status.keySet()).containsExactlyElementsOf(ORDER);
            assertThat(status).containsEntry("status", "Partially Filled").containsEntry("total_filled", "1")
                    .containsEntry("remaining_size", "1").containsEntry("size", "2").containsEntry("order_type", new BigDecimal("4"))
                    .doesNotContainKey("trade_side");
        }
        assertThat(api.get("/fetchOrderStatusById?marketId=1339&orderId=" + id).status()).isEqualTo(400);
        assertThat(api.get("/fetchOrderStatusById?marketId=1338&orderId=12").body())
                .containsEntry("message", "no order 12 in market 1338");
    }

    @Test
    void positionsCarryMarginEntryLiquidationAndStops() {
        trade();

        for (String path : List.of("/getPositions", "/getPositionsFromContract")) {
            List<Map<String, Object>> positions = ok(api.get(path + "?userAddress=" + alice)).list();
            assertThat(positions).singleElement().satisfies(p -> {
                assertThat(p.keySet()).containsExactlyElementsOf(POSITION);
                // margin 0.5 minus funding 1 APT * 5 * 0.0001 = 0.0005
                assertThat(p).containsEntry("trade_side", true).containsEntry("size", "1")
                        .containsEntry("available_order_size", "1").containsEntry("value", "5")
                        .containsEntry("entry_price", "5").containsEntry("margin", "0.4995")
                        .containsEntry("tp", null).containsEntry("sl", "4")
                        .containsEntry("leverage", new BigDecimal("10"));
                assertThat(new BigDecimal((String) p.get("liq_price")))
                        .isEqualByComparingTo(new BigDecimal("4.5005").divide(new BigDecimal("0.975"), 12,
                                java.math.RoundingMode.HALF_EVEN));
            });
        }
        assertThat(ok(api.get("/getPositions?userAddress=" + alice + "&marketId=1340")).list()).isEmpty();
    }

    @Test
    void fillsOverATimeRangeForBothSidesOrOneProfile() {
        trade();
        String from = Instant.ofEpochSecond(0).toString();
        String to = Instant.ofEpochSecond(driver.nowSeconds()).toString();

        List<Map<String, Object>> both = ok(api.get("/getFills?marketId=1338&from=" + from + "&to=" + to)).list();
        assertThat(both).hasSize(2).allSatisfy(f -> assertThat(f.keySet()).containsExactlyElementsOf(FILL));
        assertThat(both).extracting(f -> f.get("is_maker")).containsExactlyInAnyOrder(true, false);
        assertThat(both).extracting(f -> f.get("fee")).containsExactlyInAnyOrder("0.001", "0.0025");

        List<Map<String, Object>> mine = ok(api.get("/getFills?marketId=1338&address=" + aliceProfile + "&from=" + from
                + "&to=" + to)).list();
        assertThat(mine).singleElement().satisfies(f -> assertThat(f).containsEntry("price", "5")
                .containsEntry("size", "1").containsEntry("trade_side", true).containsEntry("is_maker", false));
        String orderId = (String) mine.get(0).get("order_id");
        assertThat(ok(api.get("/getFills?marketId=1338&orderId=" + orderId + "&from=" + from + "&to=" + to)).list())
                .hasSize(1);
        assertThat(ok(api.get("/getFills?marketId=1338&from=" + from + "&to=1")).list()).isEmpty();
        assertThat(api.get("/getFills?marketId=1338&from=yesterday&to=" + to).body().get("message").toString())
                .contains("ISO-8601");
    }

    @Test
    void fillsForGivenTimestampFilterInSeconds() {
        trade();
        long fillTime = driver.executions().get(0).timestamp();

        assertThat(ok(api.get("/getFillsForGivenTimestamp?userAddress=" + bob + "&fromTimestamp=" + fillTime
                + "&toTimestamp=" + fillTime)).list()).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("is_maker", true).containsEntry("trade_side", false));
        assertThat(ok(api.get("/getFillsForGivenTimestamp?userAddress=" + bob + "&fromTimestamp=" + (fillTime + 1)))
                .list()).isEmpty();
    }

    @Test
    void tradeHistoryAndRecentTrades() {
        trade();

        Map<String, Object> trade = ok(api.get("/getTradeHistory?userAddress=" + alice + "&marketId=1338")).list().get(0);
        assertThat(trade.keySet()).containsExactlyElementsOf(TRADE);
        assertThat(trade).containsEntry("order_type", new BigDecimal("8")).containsEntry("price", "5")
                .containsEntry("order_value", "5").containsEntry("pnl", "0").containsEntry("entry_price", null)
                .containsEntry("fee", "0.0025");
        assertThat(ok(api.get("/getTradeHistory?userAddress=" + bob)).list()).singleElement().satisfies(t -> {
            assertThat(t.keySet()).containsExactlyElementsOf(TRADE);
            assertThat(t).containsEntry("order_type", new BigDecimal("4")).containsEntry("price", "5");
        });
        List<Map<String, Object>> recent = ok(api.get("/getAllTrades?marketId=1338")).list();
        assertThat(recent).singleElement().satisfies(t -> assertThat(t).containsEntry("address", aliceProfile)
                .doesNotContainKey("trade_side"));
        assertThat(ok(api.get("/getAllTrades?marketId=1339")).list()).isEmpty();
    }

    @Test
    void depositWithdrawAndFundingHistories() {
        trade();

        List<Map<String, Object>> transfers = ok(api.get("/getDepositAndWithdrawHistory?userAddress=" + alice)).list();
        assertThat(transfers).singleElement().satisfies(t -> {
            assertThat(t.keySet()).containsExactlyElementsOf(TRANSFER);
            assertThat(t).containsEntry("address", aliceProfile).containsEntry("amount", "500")
                    .containsEntry("is_deposit", true);
        });
        List<Map<String, Object>> funding = ok(api.get("/getFundingHistory?userAddress=" + bob + "&marketId=1338")).list();
        assertThat(funding).singleElement().satisfies(f -> {
            assertThat(f.keySet()).containsExactlyElementsOf(FUNDING);
            assertThat(f).containsEntry("trade_side", false).containsEntry("funding_rate", "0.0001")
                    .containsEntry("amount", "0.0005").containsEntry("size", "1");
        });
        assertThat(ok(api.get("/getFundingHistory?userAddress=" + alice)).list().get(0)).containsEntry("amount", "-0.0005");
    }

    @Test
    void servesEveryPathOfTheReference() {
        TradeApiHandler handler = new TradeApiHandler(driver.exchange);

        assertThat(handler.paths()).hasSize(39).containsSubsequence("/getPerpetualAssetsInfo",
                "/getPerpetualAssetsInfo/allMarkets").contains("/withdrawSpecifiMarket", "/sandbox/fund",
                "/sandbox/markPrice", "/sandbox/fundingTick");
    }

    @Test
    void unknownPathsWrongMethodsAndBadAdminCalls() {
        Response unknown = api.get("/getEverything");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).containsEntry("success", false).containsEntry("message", "no endpoint /getEverything");
        assertThat(api.post("/getMarketInfo", "{}").status()).isEqualTo(405);
        assertThat(api.get("/cancelMultipleOrders").status()).isEqualTo(405);
        assertThat(api.get("/getMarketInfo").body()).containsEntry("message", "marketId is required");
        assertThat(api.post("/sandbox/markPrice", "{\"marketId\": 1338, \"price\": \"5.0001\"}").body().get("message")
                .toString()).contains("tick size 0.001");
        assertThat(api.post("/sandbox/fund", "{\"address\": \"" + alice + "\", \"apt\": 1}").body().get("message")
                .toString()).contains("no chain");
        assertThat(api.post("/sandbox/fund", "{\"address\": \"" + alice + "\"}").status()).isEqualTo(400);
        assertThat(api.post("/sandbox/fundingTick", "{\"marketId\": 1338, \"rate\": 2}").status()).isEqualTo(400);
    }
}
