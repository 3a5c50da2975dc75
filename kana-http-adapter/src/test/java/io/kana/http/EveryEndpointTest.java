package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.TimeRange;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.port.TransactionPayloads;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every port method once: the right method and path, with {@code x-api-key} exactly when a key is configured. */
class EveryEndpointTest extends MockApiTest {

    record Endpoint(String portMethod, String httpMethod, String path, String data, Consumer<KanaHttpApi> call) {
        @Override
        public String toString() {
            return portMethod + " -> " + httpMethod + " /" + path;
        }
    }

    private static final MarketId M = MarketId.of(1338);
    private static final OrderId O = OrderId.of(42);
    private static final String PAYLOAD = "{\"function\":\"" + MODULE + "::f\",\"typeArguments\":[],\"functionArguments\":[]}";
    private static final String ORDER = "{\"order_id\":\"42\",\"market_id\":\"1338\"}";
    private static final List<OrderSpec> ORDERS =
            List.of(OrderSpec.market(Side.LONG, Direction.OPEN, BigDecimal.ONE, 1));
    private static final List<OrderToCancel> CANCELS = List.of(new OrderToCancel(O, Side.LONG));

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("market", "GET", "getMarketInfo", fixtureData("getMarketInfo.json"), api -> api.market(M)),
                new Endpoint("marketPrice", "GET", "getMarketPrice", "{}", api -> api.marketPrice(M)),
                new Endpoint("lastExecutionPrice", "GET", "getLastPlacedPrice", "1", api -> api.lastExecutionPrice(M)),
                new Endpoint("recentTrades", "GET", "getAllTrades", "[]", api -> api.recentTrades(M)),
                new Endpoint("perpetualAssetInfo", "GET", "getPerpetualAssetsInfo", "[]", api -> api.perpetualAssetInfo(M)),
                new Endpoint("perpetualAssetInfo", "GET", "getPerpetualAssetsInfo", "[]",
                        api -> api.perpetualAssetInfo("ETH")),
                new Endpoint("allPerpetualAssets", "GET", "getPerpetualAssetsInfo/allMarkets", "[]",
                        KanaHttpApi::allPerpetualAssets),
                new Endpoint("profileAddress", "GET", "getProfileAddress", "\"0x1\"", api -> api.profileAddress(WALLET)),
                new Endpoint("walletBalance", "GET", "getWalletAccountBalance", "1", api -> api.walletBalance(WALLET)),
                new Endpoint("profileBalance", "GET", "getProfileBalanceSnapshot", "1", api -> api.profileBalance(WALLET)),
                new Endpoint("netProfileBalance", "GET", "getNetProfileBalance", "1", api -> api.netProfileBalance(WALLET)),
                new Endpoint("aptBalance", "GET", "getAccountAptBalance", "1", api -> api.aptBalance(WALLET)),
                new Endpoint("depositAndWithdrawHistory", "GET", "getDepositAndWithdrawHistory", "[]",
                        api -> api.depositAndWithdrawHistory(WALLET)),
                new Endpoint("fundingHistory", "GET", "getFundingHistory", "[]",
                        api -> api.fundingHistory(WALLET, M, PageRequest.DEFAULT)),
                new Endpoint("openOrders", "GET", "getOpenOrders", "[]", api -> api.openOrders(WALLET, M)),
                new Endpoint("openOrdersFromContract", "GET", "getOpenOrdersFromContract", "[]",
                        api -> api.openOrdersFromContract(WALLET, M)),
                new Endpoint("openOrderIds", "GET", "getAllOpenOrderIds", "[]", api -> api.openOrderIds(WALLET, M)),
                new Endpoint("orderHistory", "GET", "getOrderHistory", "[]",
                        api -> api.orderHistory(WALLET, M, PageRequest.DEFAULT)),
                new Endpoint("orderStatus", "GET", "getOrderStatusByOrderId", ORDER, api -> api.orderStatus(M, O)),
                new Endpoint("fetchOrderStatus", "GET", "fetchOrderStatusById", ORDER, api -> api.fetchOrderStatus(M, O)),
                new Endpoint("fills", "GET", "getFills", "[]",
                        api -> api.fills(M, null, TimeRange.between(Instant.EPOCH, Instant.EPOCH), null)),
                new Endpoint("fillsBetween", "GET", "getFillsForGivenTimestamp", "[]",
                        api -> api.fillsBetween(WALLET, M, null, null, PageRequest.DEFAULT)),
                new Endpoint("tradeHistory", "GET", "getTradeHistory", "[]",
                        api -> api.tradeHistory(WALLET, M, PageRequest.DEFAULT)),
                new Endpoint("positions", "GET", "getPositions", "[]", api -> api.positions(WALLET, M)),
                new Endpoint("positionsFromContract", "GET", "getPositionsFromContract", "[]",
                        api -> api.positionsFromContract(WALLET, M)),
                new Endpoint("deposit", "GET", "deposit", PAYLOAD, api -> api.deposit(WALLET.address(), BigDecimal.ONE)),
                new Endpoint("withdraw", "GET", "withdrawSpecifiMarket", PAYLOAD,
                        api -> api.withdraw(WALLET.address(), M, BigDecimal.ONE)),
                new Endpoint("placeLimitOrder", "GET", "placeLimitOrder", PAYLOAD, api -> api.placeLimitOrder(
                        LimitOrderRequest.of(M, Side.LONG, Direction.OPEN, BigDecimal.ONE, BigDecimal.TEN, 1))),
                new Endpoint("placeMarketOrder", "GET", "placeMarketOrder", PAYLOAD, api -> api.placeMarketOrder(
                        MarketOrderRequest.of(M, Side.LONG, Direction.OPEN, BigDecimal.ONE, 1))),
                new Endpoint("placeMultipleOrders", "POST", "placeMultipleOrders", PAYLOAD,
                        api -> api.placeMultipleOrders(MultipleOrdersRequest.of(M, ORDERS))),
                new Endpoint("cancelMultipleOrders", "POST", "cancelMultipleOrders", PAYLOAD,
                        api -> api.cancelMultipleOrders(new CancelOrdersRequest(M, CANCELS))),
                new Endpoint("cancelAndPlaceMultipleOrders", "POST", "cancelAndPlaceMultipleOrders", PAYLOAD,
                        api -> api.cancelAndPlaceMultipleOrders(
                                new CancelAndPlaceRequest(M, CANCELS, ORDERS, Restriction.NO_RESTRICTION))),
                new Endpoint("updateTakeProfit", "GET", "updateTakeProfit", PAYLOAD,
                        api -> api.updateTakeProfit(M, Side.LONG, BigDecimal.TEN)),
                new Endpoint("updateStopLoss", "GET", "updateStopLoss", PAYLOAD,
                        api -> api.updateStopLoss(M, Side.LONG, BigDecimal.ONE)),
                new Endpoint("addMargin", "GET", "addMargin", PAYLOAD, api -> api.addMargin(M, Side.LONG, BigDecimal.ONE)),
                new Endpoint("collapsePosition", "GET", "collapsePosition", PAYLOAD, api -> api.collapsePosition(M)),
                new Endpoint("settlePnl", "GET", "settlePnl", PAYLOAD, api -> api.settlePnl(WALLET.address(), M)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void sendsTheApiKeyWhenConfigured(Endpoint endpoint) {
        enqueueData(endpoint.data());

        endpoint.call().accept(api);

        RecordedRequest request = takeRequest();
        assertThat(request.getMethod()).isEqualTo(endpoint.httpMethod());
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/" + endpoint.path());
        assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void sendsNoApiKeyHeaderWhenNoneIsConfigured(Endpoint endpoint) {
        enqueueData(endpoint.data());

        try (KanaHttpApi keyless = newApi(builder -> builder)) {
            endpoint.call().accept(keyless);
        }

        RecordedRequest request = takeRequest();
        assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/" + endpoint.path());
        assertThat(request.getHeaders().names()).doesNotContain("x-api-key");
    }

    @Test
    void theTableCoversEveryPortMethodAndAll36Paths() {
        var portMethods = Stream.of(Markets.class, Accounts.class, Orders.class, Positions.class,
                        TransactionPayloads.class)
                .flatMap(port -> Arrays.stream(port.getDeclaredMethods()))
                .map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(endpoints()).extracting(Endpoint::portMethod).containsAll(portMethods);
        assertThat(endpoints()).hasSize(37);
        assertThat(endpoints().stream().map(Endpoint::path).distinct()).hasSize(36);
    }
}
