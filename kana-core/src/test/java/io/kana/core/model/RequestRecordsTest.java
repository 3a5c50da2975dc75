package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the request records check on their own, without a market's rules. */
class RequestRecordsTest {

    static final MarketId APT = MarketId.of(1338);
    static final BigDecimal ONE = BigDecimal.ONE;

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aLimitOrderDefaultsToNoRestrictionAndNoTriggers() {
        LimitOrderRequest order = LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2);

        assertThat(order.restriction()).isEqualTo(Restriction.NO_RESTRICTION);
        assertThat(order.takeProfit()).isZero();
        assertThat(order.stopLoss()).isZero();
        LimitOrderRequest changed = order.withRestriction(Restriction.POST_OR_ABORT).withTakeProfit(d("6"))
                .withStopLoss(d("5"));
        assertThat(changed).isEqualTo(new LimitOrderRequest(APT, Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2,
                Restriction.POST_OR_ABORT, d("6"), d("5")));
        assertThat(order.withTakeProfit(null).takeProfit()).isZero();
    }

    @Test
    void aLimitOrderNeedsPositiveSizeAndPriceAndLeverage() {
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, d("0"), ONE, 1))
                .isInstanceOf(InvalidRequestException.class).hasMessage("size must be positive, got 0");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, ONE, null, 1))
                .isInstanceOf(InvalidRequestException.class).hasMessage("price must be positive, got null");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, ONE, d("-5.7"), 1))
                .hasMessage("price must be positive, got -5.7");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, ONE, ONE, 0))
                .isInstanceOf(InvalidRequestException.class).hasMessage("leverage is 1 or more, got 0");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, ONE, ONE, 1)
                .withTakeProfit(d("-1"))).hasMessage("takeProfit must be zero (none) or positive, got -1");
        assertThatThrownBy(() -> LimitOrderRequest.of(null, Side.LONG, Direction.OPEN, ONE, ONE, 1))
                .isInstanceOf(InvalidRequestException.class).hasMessage("marketId is required");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, null, Direction.OPEN, ONE, ONE, 1)).hasMessage("side is required");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, null, ONE, ONE, 1)).hasMessage("direction is required");
        assertThatThrownBy(() -> LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, ONE, ONE, 1).withRestriction(null))
                .hasMessage("restriction is required");
    }

    @Test
    void aMarketOrderNeedsPositiveSizeAndLeverage() {
        MarketOrderRequest order = MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, d("2"), 3)
                .withTakeProfit(d("4")).withStopLoss(null);

        assertThat(order.takeProfit()).isEqualByComparingTo("4");
        assertThat(order.stopLoss()).isZero();
        assertThatThrownBy(() -> MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, d("-2"), 3))
                .hasMessage("size must be positive, got -2");
        assertThatThrownBy(() -> MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, ONE, -3))
                .hasMessage("leverage is 1 or more, got -3");
        assertThatThrownBy(() -> MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, ONE, 1).withStopLoss(d("-0.1")))
                .hasMessage("stopLoss must be zero (none) or positive, got -0.1");
    }

    @Test
    void aBatchOrderNeedsAPriceOnlyWhenItIsALimitOrder() {
        assertThat(OrderSpec.market(Side.LONG, Direction.OPEN, ONE, 2).price()).isZero();
        assertThat(new OrderSpec(OrderType.MARKET, Side.LONG, Direction.OPEN, ONE, null, 2, null, null).price()).isZero();
        assertThat(OrderSpec.limit(Side.LONG, Direction.OPEN, ONE, d("5.7"), 2).type()).isEqualTo(OrderType.LIMIT);
        assertThatThrownBy(() -> OrderSpec.limit(Side.LONG, Direction.OPEN, ONE, BigDecimal.ZERO, 2))
                .hasMessage("price must be positive, got 0");
        assertThatThrownBy(() -> new OrderSpec(OrderType.MARKET, Side.LONG, Direction.OPEN, ONE, d("-1"), 2, null, null))
                .hasMessage("price must be zero (none) or positive, got -1");
        assertThatThrownBy(() -> OrderSpec.market(Side.LONG, Direction.OPEN, ONE, 0)).hasMessageContaining("leverage");
        assertThatThrownBy(() -> OrderSpec.market(Side.LONG, Direction.OPEN, null, 1)).hasMessageContaining("size");
        assertThatThrownBy(() -> new OrderSpec(null, Side.LONG, Direction.OPEN, ONE, ONE, 1, null, null))
                .hasMessage("type is required");
    }

    @Test
    void aBatchHoldsAtLeastOneOrderAndIsImmutable() {
        List<OrderSpec> orders = new ArrayList<>(List.of(OrderSpec.market(Side.LONG, Direction.OPEN, ONE, 1)));
        MultipleOrdersRequest batch = MultipleOrdersRequest.of(APT, orders);
        orders.clear();

        assertThat(batch.orders()).hasSize(1);
        assertThat(batch.restriction()).isEqualTo(Restriction.NO_RESTRICTION);
        assertThatThrownBy(() -> batch.orders().add(OrderSpec.market(Side.LONG, Direction.OPEN, ONE, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> MultipleOrdersRequest.of(APT, List.of())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("a batch holds at least one order");
        assertThatThrownBy(() -> MultipleOrdersRequest.of(APT, null)).hasMessage("orders is required");
        assertThatThrownBy(() -> new MultipleOrdersRequest(APT, List.of(OrderSpec.market(Side.LONG, Direction.OPEN,
                ONE, 1)), null)).hasMessage("restriction is required");
    }

    @Test
    void aCancellationNamesAtLeastOneOrder() {
        OrderToCancel order = new OrderToCancel(OrderId.of(5), Side.SHORT);

        assertThat(new CancelOrdersRequest(APT, List.of(order)).orders()).containsExactly(order);
        assertThatThrownBy(() -> new CancelOrdersRequest(APT, List.of())).isInstanceOf(InvalidRequestException.class)
                .hasMessage("name at least one order to cancel")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("cancelOrderIds");
        assertThatThrownBy(() -> new OrderToCancel(null, Side.LONG)).hasMessage("orderId is required");
        assertThatThrownBy(() -> new OrderToCancel(OrderId.of(1), null)).hasMessage("side is required");
        assertThatThrownBy(() -> new CancelOrdersRequest(null, List.of(order))).hasMessage("marketId is required");
    }

    @Test
    void cancelAndPlaceNeedsSomethingToDo() {
        OrderToCancel cancel = new OrderToCancel(OrderId.of(5), Side.SHORT);
        OrderSpec place = OrderSpec.market(Side.LONG, Direction.OPEN, ONE, 1);

        assertThat(new CancelAndPlaceRequest(APT, List.of(cancel), List.of(), Restriction.NO_RESTRICTION).toPlace())
                .isEmpty();
        assertThat(new CancelAndPlaceRequest(APT, List.of(), List.of(place), Restriction.NO_RESTRICTION).toCancel())
                .isEmpty();
        assertThatThrownBy(() -> new CancelAndPlaceRequest(APT, List.of(), List.of(), Restriction.NO_RESTRICTION))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cancel-and-place needs an order to cancel or to place");
        assertThatThrownBy(() -> new CancelAndPlaceRequest(APT, null, List.of(place), Restriction.NO_RESTRICTION))
                .hasMessage("toCancel is required");
        assertThatThrownBy(() -> new CancelAndPlaceRequest(APT, List.of(), List.of(place), null))
                .hasMessage("restriction is required");
    }

    @Test
    void transactionsAndOutcomesNeedTheirIdentity() {
        AccountAddress wallet = AccountAddress.parse("0x1");
        SubmittedTransaction tx = new SubmittedTransaction("0xab", wallet, BigInteger.TEN, 60);

        assertThat(tx.sequenceNumber()).isEqualTo(BigInteger.TEN);
        assertThatThrownBy(() -> new SubmittedTransaction(null, wallet, BigInteger.ONE, 1)).hasMessage("hash");
        assertThatThrownBy(() -> new SubmittedTransaction("0xab", null, BigInteger.ONE, 1)).hasMessage("sender");
        assertThatThrownBy(() -> new SubmittedTransaction("0xab", wallet, null, 1)).hasMessage("sequenceNumber");
        assertThatThrownBy(() -> new TransactionOutcome(null, BigInteger.ONE, true, BigInteger.ONE, "ok", null))
                .hasMessage("hash");
        assertThatThrownBy(() -> new TransactionOutcome("0xab", BigInteger.ONE, true, BigInteger.ONE, null, null))
                .hasMessage("vmStatus");
    }
}
