package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Fill;
import io.kana.core.model.Direction;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrdersEndpointsTest extends MockApiTest {

    private static final OrderId ORDER_ID = OrderId.parse("11905620858892513160724480");

    private static final String OPEN_ORDERS = """
            [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912","market_id":"1338",
              "order_id":"11905620858892513160724480","order_type":0,"is_market_order":false,"trade_side":true,
              "direction":false,"price":"5.7","total_size":"1.5","remaining_size":"1.0","total_filled":"0.5",
              "order_value":"8.55","leverage":2,"timestamp":1747075649,"last_updated":1747075650,
              "trade_id":"0","transaction_version":2713317408}]
            """;

    private static final Order OPEN_ORDER = new Order(ORDER_ID, MarketId.of(1338), PROFILE, Optional.of(Side.LONG), Direction.OPEN, 0, false,
            new BigDecimal("5.7"), new BigDecimal("1.5"), new BigDecimal("1.0"), new BigDecimal("0.5"),
            new BigDecimal("8.55"), 2, null, "0", Instant.ofEpochSecond(1_747_075_649),
            Instant.ofEpochSecond(1_747_075_650), BigInteger.valueOf(2_713_317_408L));

    /** The documented order-history object: no trade_side, and order_type 9 has no proven side, so unknown. */
    private static final Order HISTORY_ORDER = new Order(ORDER_ID, MarketId.of(14), PROFILE, Optional.empty(), null, 9, true,
            new BigDecimal("5.75789140"), new BigDecimal("10"), null, null, new BigDecimal("57.57891400"), 20,
            OrderStatus.FILLED, "737648402019497550020622", Instant.ofEpochSecond(1_747_075_649),
            Instant.ofEpochSecond(1_747_075_650), BigInteger.valueOf(2_713_317_408L));

    @Test
    void openOrdersSendsWalletAndMarket() {
        enqueueData(OPEN_ORDERS);

        var orders = api.openOrders(WALLET, MarketId.of(1338));

        assertGet("/getOpenOrders", Map.of("userAddress", WALLET.hex(), "marketId", "1338"));
        assertThat(orders).containsExactly(OPEN_ORDER);
    }

    @Test
    void openOrdersForAllMarketsOmitsTheMarket() {
        enqueueData("[]");

        assertThat(api.openOrders(WALLET, null)).isEmpty();

        assertGet("/getOpenOrders", Map.of("userAddress", WALLET.hex()));
    }

    @Test
    void openOrdersFromContractUsesItsOwnPath() {
        enqueueData(OPEN_ORDERS);

        var orders = api.openOrdersFromContract(WALLET, null);

        assertGet("/getOpenOrdersFromContract", Map.of("userAddress", WALLET.hex()));
        assertThat(orders).containsExactly(OPEN_ORDER);
    }

    @Test
    void openOrderIdsReadsU128IdsAsStringsOrNumbers() {
        enqueueData("[\"11905620858892513160724480\", 340282366920938463463374607431768211455, \"7\"]");

        var ids = api.openOrderIds(WALLET, MarketId.of(14));

        assertGet("/getAllOpenOrderIds", Map.of("userAddress", WALLET.hex(), "marketId", "14"));
        assertThat(ids).containsExactly(ORDER_ID, OrderId.parse("340282366920938463463374607431768211455"),
                OrderId.of(7));
    }

    @Test
    void orderHistoryDecodesTheDocumentedObjectAndSendsPaging() {
        enqueueData(fixtureData("ws-order_history.json"));

        var orders = api.orderHistory(WALLET, MarketId.of(14), PageRequest.of(0, 50, SortOrder.ASC));

        assertGet("/getOrderHistory", Map.of("userAddress", WALLET.hex(), "marketId", "14", "offset", "0",
                "limit", "50", "order", "asc"));
        assertThat(orders).containsExactly(HISTORY_ORDER);
    }

    @Test
    void orderStatusReadsOneOrderObject() {
        enqueueData(fixtureData("ws-order_history.json").strip().replaceAll("^\\[|]$", ""));

        Order order = api.orderStatus(MarketId.of(14), ORDER_ID);

        assertGet("/getOrderStatusByOrderId", Map.of("marketId", "14", "orderId", "11905620858892513160724480"));
        assertThat(order).isEqualTo(HISTORY_ORDER);
    }

    @Test
    void fetchOrderStatusReadsEachDocumentedStatus() {
        for (String status : new String[] {"Open", "Filled", "Partially Filled", "Cancelled"}) {
            enqueueData("{\"order_id\":\"11905620858892513160724480\",\"market_id\":\"14\",\"order_type\":8,"
                    + "\"status\":\"" + status + "\",\"size\":\"10\",\"remaining_size\":\"4\",\"total_filled\":6}");

            Order order = api.fetchOrderStatus(MarketId.of(14), ORDER_ID);

            assertGet("/fetchOrderStatusById", Map.of("marketId", "14", "orderId", "11905620858892513160724480"));
            assertThat(order.status()).isEqualTo(OrderStatus.of(status));
            assertThat(order.status().isKnown()).isTrue();
            assertThat(order.side()).as("order_type 8 without trade_side").isEmpty();
            assertThat(order.filledSize()).isEqualTo(new BigDecimal("6"));
            assertThat(order.remainingSize()).isEqualTo(new BigDecimal("4"));
        }
    }

    /** Open orders as the real API shapes them: no trade_side; side proven only for order_type 3 and 4. */
    private static String openOrder(String orderId, String orderType) {
        return "{\"address\":\"" + PROFILE.hex() + "\",\"market_id\":\"15\",\"leverage\":2,\"order_type\":"
                + orderType + ",\"timestamp\":1747075649,\"price\":\"97000\",\"total_size\":\"0.001\","
                + "\"remaining_size\":\"0.001\",\"order_value\":\"97\",\"order_id\":\"" + orderId + "\","
                + "\"trade_id\":\"0\",\"last_updated\":1747075649,\"transaction_version\":3102182809}";
    }

    @Test
    void sideComesFromTradeSideElseOnlyFromTheProvenOrderTypes() {
        enqueueData("[" + openOrder("1", "3") + "," + openOrder("2", "4") + "," + openOrder("3", "0") + ","
                + openOrder("4", "1") + "," + openOrder("5", "8") + "," + openOrder("6", "null") + ","
                + openOrder("7", "3").replace("\"order_type\"", "\"trade_side\":false,\"order_type\"") + "]");

        var orders = api.openOrders(WALLET, MarketId.of(15));

        assertThat(orders).extracting(Order::side).containsExactly(Optional.of(Side.LONG), Optional.of(Side.SHORT),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Side.SHORT));
    }

    @Test
    void tradesWithoutTradeSideFollowTheSameRule() {
        enqueueData("[{\"market_id\":\"15\",\"order_type\":3,\"price\":\"1\",\"size\":\"1\"},"
                + "{\"market_id\":\"15\",\"order_type\":4,\"price\":\"1\",\"size\":\"1\"},"
                + "{\"market_id\":\"15\",\"order_type\":2,\"price\":\"1\",\"size\":\"1\"}]");

        assertThat(api.tradeHistory(WALLET, null, null)).extracting(Trade::side)
                .containsExactly(Optional.of(Side.LONG), Optional.of(Side.SHORT), Optional.empty());
    }

    /** As the recorded mainnet cancel (A1): order_type 3 is cancelled with true, order_type 4 with false. */
    @Test
    void ordersReadBackCancelOnTheirOwnSides() {
        enqueueData("[" + openOrder("161668980614256490457451450", "3") + "," + openOrder("42", "4") + "]");
        enqueuePayload("cancel_multiple_orders", "[\"15\",[\"161668980614256490457451450\",\"42\"],[true,false]]");

        List<OrderToCancel> cancels = api.openOrders(WALLET, MarketId.of(15)).stream().map(Order::toCancel).toList();
        api.cancelMultipleOrders(new CancelOrdersRequest(MarketId.of(15), cancels));

        assertGet("/getOpenOrders", Map.of("userAddress", WALLET.hex(), "marketId", "15"));
        assertPost("/cancelMultipleOrders", "{\"marketId\":15,\"cancelOrderIds\":[\"161668980614256490457451450\","
                + "\"42\"],\"orderSides\":[true,false]}");
    }

    @Test
    void anOrderOfUnknownSideIsNotCancelled() {
        enqueueData("[" + openOrder("161668980614256490457451450", "0") + "]");

        Order order = single(api.openOrders(WALLET, null));

        assertThatThrownBy(order::toCancel).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("161668980614256490457451450").hasMessageContaining("unknown")
                .satisfies(e -> assertThat(((InvalidRequestException) e).effectMayExist()).isFalse());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void orderIdsThatArriveAsFloatsAreRefusedAsPrecisionLost() {
        enqueueData("[" + openOrder("X", "3").replace("\"X\"", "1.6166898061425649E26") + "]");
        enqueueData("[1.6166898061425649E26]");
        enqueueData("{\"order_id\":\"1.6166898061425649e+26\",\"market_id\":\"15\"}");
        enqueueData("[\"7\", 7.0]");

        assertThatThrownBy(() -> api.openOrders(WALLET, null)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("field 'order_id' is the floating-point number 1.6166898061425649E26")
                .hasMessageContaining("precision was lost");
        assertThatThrownBy(() -> api.openOrderIds(WALLET, null)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("precision was lost");
        assertThatThrownBy(() -> api.orderStatus(MarketId.of(15), ORDER_ID)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("precision was lost");
        assertThatThrownBy(() -> api.openOrderIds(WALLET, null)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("floating-point number 7.0").hasMessageContaining("may not be exact");
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static final String FILLS = """
            [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912","market_id":"14",
              "order_id":"11905620858892513160724480","trade_side":false,"price":"5.7578914","size":"10",
              "fee":"0.0287","is_maker":false,"trade_id":"737648402019497550020622","timestamp":"1747075649",
              "transaction_version":2713317408}]
            """;

    private static final Fill FILL = new Fill(MarketId.of(14), ORDER_ID, PROFILE, Optional.of(Side.SHORT),
            new BigDecimal("5.7578914"), new BigDecimal("10"), new BigDecimal("0.0287"), false,
            "737648402019497550020622", Instant.ofEpochSecond(1_747_075_649), BigInteger.valueOf(2_713_317_408L));

    @Test
    void fillsSendsIsoInstantsProfileAndOrder() {
        enqueueData(FILLS);

        var fills = api.fills(MarketId.of(14), PROFILE,
                TimeRange.between(Instant.parse("2024-11-21T00:00:00Z"), Instant.parse("2024-11-22T12:30:00.5Z")),
                ORDER_ID);

        assertGet("/getFills", Map.of("marketId", "14", "address", PROFILE.hex(), "from", "2024-11-21T00:00:00Z",
                "to", "2024-11-22T12:30:00.500Z", "orderId", "11905620858892513160724480"));
        assertThat(fills).containsExactly(FILL);
    }

    @Test
    void fillsOmitsTheOptionalProfileAndOrder() {
        enqueueData("[]");

        api.fills(MarketId.of(14), null,
                TimeRange.between(Instant.parse("2024-11-21T00:00:00Z"), Instant.parse("2024-11-21T01:00:00Z")), null);

        assertGet("/getFills", Map.of("marketId", "14", "from", "2024-11-21T00:00:00Z", "to", "2024-11-21T01:00:00Z"));
    }

    @Test
    void fillsBetweenSendsEpochSecondsWidenedToWholeSeconds() {
        enqueueData(FILLS);

        var fills = api.fillsBetween(WALLET, MarketId.of(14), Instant.ofEpochSecond(1_747_000_000, 900_000_000),
                Instant.ofEpochSecond(1_747_100_000, 1), PageRequest.of(10, 50, SortOrder.DESC));

        assertGet("/getFillsForGivenTimestamp", Map.of("userAddress", WALLET.hex(), "marketId", "14",
                "offset", "10", "limit", "50", "order", "desc",
                "fromTimestamp", "1747000000", "toTimestamp", "1747100001"));
        assertThat(fills).containsExactly(FILL);
    }

    @Test
    void fillsBetweenWithoutBoundsSendsOnlyTheWallet() {
        enqueueData("[]");

        api.fillsBetween(WALLET, null, null, Instant.ofEpochSecond(1_747_100_000), null);

        assertGet("/getFillsForGivenTimestamp", Map.of("userAddress", WALLET.hex(), "toTimestamp", "1747100000"));
    }

    @Test
    void tradeHistorySendsPagingAndDecodesTrades() {
        enqueueData("""
                [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912","leverage":20,
                  "market_id":"14","timestamp":1747075649,"size":"10","order_type":9,"price":"5.7578914",
                  "order_value":"57.578914","pnl":"1.25","fee":"0.0287","trade_id":"737648402019497550020622",
                  "last_updated":1747075650,"transaction_version":2713317408,"entry_price":"5.6",
                  "order_id":"11905620858892513160724480"}]
                """);

        var trades = api.tradeHistory(WALLET, MarketId.of(14), PageRequest.of(5, 1, SortOrder.DESC));

        assertGet("/getTradeHistory", Map.of("userAddress", WALLET.hex(), "marketId", "14", "offset", "5",
                "limit", "1", "order", "desc"));
        assertThat(trades).containsExactly(new Trade(MarketId.of(14), ORDER_ID, PROFILE, Optional.empty(), 9,
                new BigDecimal("5.7578914"), new BigDecimal("10"), new BigDecimal("57.578914"), 20,
                new BigDecimal("1.25"), new BigDecimal("0.0287"), new BigDecimal("5.6"), "737648402019497550020622",
                Instant.ofEpochSecond(1_747_075_649), Instant.ofEpochSecond(1_747_075_650),
                BigInteger.valueOf(2_713_317_408L)));
    }
}
