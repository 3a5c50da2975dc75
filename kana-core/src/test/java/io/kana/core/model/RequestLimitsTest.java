package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nulls, values beyond the chain's integers and batches beyond a transaction are refused locally. */
class RequestLimitsTest {

    static final MarketId APT = MarketId.of(1338);
    static final MarketRules RULES = MarketRules.of(TestMarkets.apt());
    static final OrderSpec ONE = OrderSpec.limit(Side.LONG, Direction.OPEN, new BigDecimal("1"), new BigDecimal("5"), 2);
    static final OrderToCancel CANCEL = new OrderToCancel(OrderId.of(1), Side.LONG);

    @Test
    void aNullAnywhereInARequestIsAnInvalidRequest() {
        assertThatThrownBy(() -> MarketOrderRequest.of(APT, null, Direction.OPEN, BigDecimal.ONE, 1))
                .isInstanceOf(InvalidRequestException.class).hasMessage("side is required");
        assertThatThrownBy(() -> new OrderSpec(null, Side.LONG, Direction.OPEN, BigDecimal.ONE, BigDecimal.ONE, 1,
                null, null)).isInstanceOf(InvalidRequestException.class).hasMessage("type is required");
        assertThatThrownBy(() -> MultipleOrdersRequest.of(APT, Collections.singletonList(null)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("orders[0] is null");
        List<OrderToCancel> withNull = new ArrayList<>(List.of(CANCEL));
        withNull.add(null);
        assertThatThrownBy(() -> new CancelOrdersRequest(APT, withNull))
                .isInstanceOf(InvalidRequestException.class).hasMessage("orders[1] is null");
        assertThatThrownBy(() -> new CancelAndPlaceRequest(APT, null, List.of(ONE), Restriction.NO_RESTRICTION))
                .isInstanceOf(InvalidRequestException.class).hasMessage("toCancel is required");
        assertThatThrownBy(() -> RULES.triggerTicks("takeProfit", null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void pricesAndAmountsBeyondU64AreRefused() {
        // 2^64 ticks of 0.001 USDC: one tick more than a u64 holds.
        BigDecimal justBeyond = new BigDecimal("18446744073709551.616");
        assertThatThrownBy(() -> RULES.ticks(justBeyond)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("u64");
        assertThatThrownBy(() -> RULES.triggerTicks("stopLoss", justBeyond))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("stopLoss");
        assertThat(RULES.ticks(new BigDecimal("18446744073709551.615"))).isEqualTo(MarketRules.U64_MAX);
        assertThatThrownBy(() -> RULES.quoteUnits(new BigDecimal("18446744073709.551616")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("u64");
        assertThat(RULES.quoteUnits(new BigDecimal("18446744073709.551615"))).isEqualTo(MarketRules.U64_MAX);
    }

    @Test
    void aBatchBeyondOneTransactionIsRefused() {
        assertThatCode(() -> MultipleOrdersRequest.of(APT, Collections.nCopies(Requests.MAX_BATCH_ORDERS, ONE)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> MultipleOrdersRequest.of(APT, Collections.nCopies(Requests.MAX_BATCH_ORDERS + 1, ONE)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("fit in one transaction");
        assertThatThrownBy(() -> new CancelOrdersRequest(APT, Collections.nCopies(100_000, CANCEL)))
                .isInstanceOf(InvalidRequestException.class);
        int half = Requests.MAX_BATCH_ORDERS / 2 + 1;
        assertThatThrownBy(() -> new CancelAndPlaceRequest(APT, Collections.nCopies(half, CANCEL),
                Collections.nCopies(half, ONE), Restriction.NO_RESTRICTION))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("fit in one transaction");
    }

    @Test
    void cancelsAreSplitIntoAsFewBatchesAsTheLimitAllowsInOrder() {
        MarketId market = MarketId.of(1338);
        List<OrderToCancel> orders = new ArrayList<>();
        for (int i = 0; i < CancelOrdersRequest.MAX_ORDERS * 2 + 1; i++) {
            orders.add(new OrderToCancel(OrderId.of(i + 1), i % 2 == 0 ? Side.LONG : Side.SHORT));
        }

        List<CancelOrdersRequest> batches = CancelOrdersRequest.inBatches(market, orders);

        assertThat(batches).extracting(b -> b.orders().size())
                .containsExactly(CancelOrdersRequest.MAX_ORDERS, CancelOrdersRequest.MAX_ORDERS, 1);
        assertThat(batches).allMatch(b -> b.marketId().equals(market));
        assertThat(batches.stream().flatMap(b -> b.orders().stream()).toList()).isEqualTo(orders);
        assertThat(CancelOrdersRequest.inBatches(market, List.of())).isEmpty();
    }
}
