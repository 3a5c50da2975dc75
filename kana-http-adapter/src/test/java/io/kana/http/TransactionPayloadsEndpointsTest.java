package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionPayloadsEndpointsTest extends MockApiTest {

    private static final MarketId APT = MarketId.of(1338);

    private static EntryFunctionPayload payload(String function, Object... arguments) {
        return new EntryFunctionPayload(MODULE + "::" + function, List.of(), Arrays.asList(arguments));
    }

    @Test
    void depositSendsAmountAndWallet() {
        enqueuePayload("deposit", "[\"" + WALLET.hex() + "\",\"1000000000\"]");

        EntryFunctionPayload payload = api.deposit(WALLET.address(), new BigDecimal("1000"));

        assertGet("/deposit", Map.of("amount", "1000", "userAddress", WALLET.hex()));
        assertThat(payload).isEqualTo(payload("deposit", WALLET.hex(), "1000000000"));
        assertThat(payload.functionName()).isEqualTo("deposit");
    }

    @Test
    void amountsAreSentInPlainNotationNeverScientific() {
        enqueuePayload("deposit", "[\"" + WALLET.hex() + "\",\"10\"]");

        api.deposit(WALLET.address(), new BigDecimal("1E-5"));

        assertGet("/deposit", Map.of("amount", "0.00001", "userAddress", WALLET.hex()));
    }

    @Test
    void withdrawUsesTheDocumentedSpelling() {
        enqueuePayload("withdraw_specific_market", "[\"1338\",\"25500000\"]");

        EntryFunctionPayload payload = api.withdraw(WALLET.address(), APT, new BigDecimal("25.5"));

        assertGet("/withdrawSpecifiMarket", Map.of("marketId", "1338", "amount", "25.5", "userAddress", WALLET.hex()));
        assertThat(payload).isEqualTo(payload("withdraw_specific_market", "1338", "25500000"));
    }

    @Test
    void placeLimitOrderSendsEveryParameter() {
        enqueuePayload("place_limit_order", "[\"1338\",\"true\",\"false\",\"1500\",\"5700\",\"2\",\"3\",\"6000\",\"0\"]");

        EntryFunctionPayload payload = api.placeLimitOrder(
                LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, new BigDecimal("1.5"), new BigDecimal("5.7"), 2)
                        .withRestriction(Restriction.POST_OR_ABORT)
                        .withTakeProfit(new BigDecimal("6.0")));

        assertGet("/placeLimitOrder", Map.of("marketId", "1338", "tradeSide", "true", "direction", "false",
                "size", "1.5", "price", "5.7", "leverage", "2", "restriction", "3", "takeProfit", "6.0",
                "stopLoss", "0"));
        assertThat(payload).isEqualTo(
                payload("place_limit_order", "1338", "true", "false", "1500", "5700", "2", "3", "6000", "0"));
    }

    @Test
    void placeMarketOrderSendsEveryParameter() {
        enqueuePayload("place_market_order", "[\"1338\",\"false\",\"true\",\"2000\",\"5\",\"0\",\"6500\"]");

        EntryFunctionPayload payload = api.placeMarketOrder(
                MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, new BigDecimal("2"), 5)
                        .withStopLoss(new BigDecimal("6.5")));

        assertGet("/placeMarketOrder", Map.of("marketId", "1338", "tradeSide", "false", "direction", "true",
                "size", "2", "leverage", "5", "takeProfit", "0", "stopLoss", "6.5"));
        assertThat(payload).isEqualTo(payload("place_market_order", "1338", "false", "true", "2000", "5", "0", "6500"));
    }

    private static final List<OrderSpec> TWO_ORDERS = List.of(
            OrderSpec.limit(Side.LONG, Direction.OPEN, new BigDecimal("1.5"), new BigDecimal("5.7"), 2),
            new OrderSpec(io.kana.core.model.OrderType.MARKET, Side.SHORT, Direction.CLOSE, new BigDecimal("2"),
                    BigDecimal.ZERO, 2, new BigDecimal("0.00000001"), new BigDecimal("4.25")));

    private static final String PLACE_FIELDS = "\"orderTypes\":[true,false],\"tradeSides\":[true,false],"
            + "\"directions\":[false,true],\"sizes\":[1.5,2],\"leverages\":[2,2],\"prices\":[5.7,0],"
            + "\"restriction\":1,\"restrictions\":[1,1],\"takeProfits\":[0,0.00000001],\"stopLosses\":[0,4.25]";

    @Test
    void placeMultipleOrdersPostsTheBatchBody() {
        String args = "[\"1338\",[\"true\",\"false\"],[\"true\",\"false\"],[\"false\",\"true\"],[\"1500\",\"2000\"],"
                + "[\"5700\",\"0\"],[\"2\",\"2\"],[\"1\",\"1\"],[\"0\",\"0\"],[\"0\",\"4250\"]]";
        enqueuePayload("place_multiple_orders", args);

        EntryFunctionPayload payload = api.placeMultipleOrders(
                new MultipleOrdersRequest(APT, TWO_ORDERS, Restriction.FILL_OR_ABORT));

        assertPost("/placeMultipleOrders", "{\"marketId\":1338," + PLACE_FIELDS + "}");
        assertThat(payload).isEqualTo(payload("place_multiple_orders", "1338", List.of("true", "false"),
                List.of("true", "false"), List.of("false", "true"), List.of("1500", "2000"), List.of("5700", "0"),
                List.of("2", "2"), List.of("1", "1"), List.of("0", "0"), List.of("0", "4250")));
    }

    private static final List<OrderToCancel> TWO_CANCELS = List.of(
            new OrderToCancel(OrderId.parse("161668980614256490457451450"), Side.LONG),
            new OrderToCancel(OrderId.of(42), Side.SHORT));

    @Test
    void cancelMultipleOrdersPostsIdsAsStrings() {
        enqueuePayload("cancel_multiple_orders", "[\"1338\",[\"161668980614256490457451450\",\"42\"],[true,false]]");

        EntryFunctionPayload payload = api.cancelMultipleOrders(new CancelOrdersRequest(APT, TWO_CANCELS));

        assertPost("/cancelMultipleOrders", "{\"marketId\":1338,\"cancelOrderIds\":[\"161668980614256490457451450\","
                + "\"42\"],\"orderSides\":[true,false]}");
        assertThat(payload).isEqualTo(payload("cancel_multiple_orders", "1338",
                List.of("161668980614256490457451450", "42"), List.of(true, false)));
    }

    @Test
    void cancelAndPlaceMultipleOrdersPostsCancelThenPlaceFields() {
        enqueuePayload("cancel_and_place_multiple_orders", "[\"1338\",[\"42\"],[\"false\"]]");

        EntryFunctionPayload payload = api.cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(APT, TWO_CANCELS, TWO_ORDERS, Restriction.FILL_OR_ABORT));

        assertPost("/cancelAndPlaceMultipleOrders", "{\"marketId\":1338,\"cancelOrderIds\":"
                + "[\"161668980614256490457451450\",\"42\"],\"orderSides\":[true,false]," + PLACE_FIELDS + "}");
        assertThat(payload.functionName()).isEqualTo("cancel_and_place_multiple_orders");
        assertThat(payload.functionArguments()).containsExactly("1338", List.of("42"), List.of("false"));
    }

    @Test
    void cancelAndPlaceWithNothingToCancelSendsEmptyCancelArrays() {
        enqueuePayload("cancel_and_place_multiple_orders", "[]");

        api.cancelAndPlaceMultipleOrders(new CancelAndPlaceRequest(APT, List.of(), TWO_ORDERS.subList(0, 1),
                Restriction.NO_RESTRICTION));

        assertPost("/cancelAndPlaceMultipleOrders", "{\"marketId\":1338,\"cancelOrderIds\":[],\"orderSides\":[],"
                + "\"orderTypes\":[true],\"tradeSides\":[true],\"directions\":[false],\"sizes\":[1.5],"
                + "\"leverages\":[2],\"prices\":[5.7],\"restriction\":0,\"restrictions\":[0],\"takeProfits\":[0],\"stopLosses\":[0]}");
    }

    @Test
    void updateTakeProfitSendsMarketSideAndPrice() {
        enqueuePayload("update_take_profit", "[\"1338\",\"true\",\"6500\"]");

        EntryFunctionPayload payload = api.updateTakeProfit(APT, Side.LONG, new BigDecimal("6.5"));

        assertGet("/updateTakeProfit", Map.of("marketId", "1338", "tradeSide", "true", "newTakeProfitPrice", "6.5"));
        assertThat(payload).isEqualTo(payload("update_take_profit", "1338", "true", "6500"));
    }

    @Test
    void updateStopLossSendsMarketSideAndPrice() {
        enqueuePayload("update_stop_loss", "[\"1338\",\"false\",\"0\"]");

        EntryFunctionPayload payload = api.updateStopLoss(APT, Side.SHORT, BigDecimal.ZERO);

        assertGet("/updateStopLoss", Map.of("marketId", "1338", "tradeSide", "false", "newStopLossPrice", "0"));
        assertThat(payload).isEqualTo(payload("update_stop_loss", "1338", "false", "0"));
    }

    @Test
    void addMarginSendsMarketSideAndAmount() {
        enqueuePayload("add_margin", "[\"1338\",\"true\",\"12345678\"]");

        EntryFunctionPayload payload = api.addMargin(APT, Side.LONG, new BigDecimal("12.345678"));

        assertGet("/addMargin", Map.of("marketId", "1338", "tradeSide", "true", "amount", "12.345678"));
        assertThat(payload).isEqualTo(payload("add_margin", "1338", "true", "12345678"));
    }

    @Test
    void collapsePositionSendsOnlyTheMarket() {
        enqueuePayload("collapse_position", "[\"1338\"]");

        EntryFunctionPayload payload = api.collapsePosition(APT);

        assertGet("/collapsePosition", Map.of("marketId", "1338"));
        assertThat(payload).isEqualTo(payload("collapse_position", "1338"));
    }

    @Test
    void settlePnlSendsMarketAndWallet() {
        enqueuePayload("settle_pnl", "[\"" + WALLET.hex() + "\",\"1338\"]");

        EntryFunctionPayload payload = api.settlePnl(WALLET.address(), APT);

        assertGet("/settlePnl", Map.of("marketId", "1338", "userAddress", WALLET.hex()));
        assertThat(payload).isEqualTo(payload("settle_pnl", WALLET.hex(), "1338"));
    }

    @Test
    void payloadArgumentsKeepJsonNumbersExactAndAllowNullsAndTypeArguments() {
        enqueueData("{\"function\":\"0x1::coin::transfer\",\"type_arguments\":[\"0x1::aptos_coin::AptosCoin\"],"
                + "\"arguments\":[340282366920938463463374607431768211455, 0.1000000000000000055511151231257827,"
                + " 1e2, null, true, [[\"a\"], []]], \"extra\": {\"ignored\": 1}}");

        EntryFunctionPayload payload = api.collapsePosition(APT);

        assertThat(payload.typeArguments()).containsExactly("0x1::aptos_coin::AptosCoin");
        assertThat(payload.functionArguments()).containsExactly(
                new BigInteger("340282366920938463463374607431768211455"),
                new BigDecimal("0.1000000000000000055511151231257827"), new BigDecimal("1e2"), null, true,
                List.of(List.of("a"), List.of()));
    }

    @Test
    void batchBodyListsFollowTheOrderOfTheRequest() {
        enqueuePayload("place_multiple_orders", "[]");
        List<OrderSpec> orders = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(i -> OrderSpec.limit(Side.LONG, Direction.OPEN, BigDecimal.valueOf(i), BigDecimal.TEN, i))
                .toList();

        api.placeMultipleOrders(MultipleOrdersRequest.of(APT, orders));

        String body = takeRequest().getBody().readUtf8();
        String expected = orders.stream().map(o -> Integer.toString(o.leverage())).collect(Collectors.joining(","));
        assertThat(body).contains("\"sizes\":[1,2,3,4,5]").contains("\"leverages\":[" + expected + "]");
    }
}
