package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.BTC;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestrictionsAndCancelsTest {

    private static final int FILL_OR_ABORT = 1;
    private static final int POST_OR_ABORT = 3;

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);
    private final String bob = wallet(2);

    @BeforeEach
    void fund() {
        d.funded(alice, 10_000);
        d.funded(bob, 10_000);
    }

    @AfterEach
    void conserved() {
        d.assertConserved();
    }

    @Test
    void fillOrAbortAbortsWhenTheBookCannotFillItAllAndChangesNothing() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5003, 5, 0, 0, 0);
        long aliceBefore = d.balance(alice);

        ExecutionResult result = d.limit(alice, APT, LONG, OPEN, 1500, 5002, 10, FILL_OR_ABORT);

        assertThat(result.success()).isFalse();
        assertThat(result.codeName()).isEqualTo("E_FILL_OR_ABORT_NOT_FILLED");
        assertThat(result.code()).isEqualTo(7);
        assertThat(d.balance(alice)).isEqualTo(aliceBefore);
        assertThat(d.executions()).isEmpty();
        assertThat(d.openOrders(bob, APT)).extracting(o -> o.remaining).containsExactly(1000L, 1000L);
    }

    @Test
    void fillOrAbortFillsWhenLiquidityIsThere() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5003, 5, 0, 0, 0);

        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1500, 5003, 10, FILL_OR_ABORT, 0, 0);

        assertThat(d.lastOrder().status()).isEqualTo("Filled");
        assertThat(d.position(alice, APT, LONG).lots).isEqualTo(1500);
    }

    @Test
    void postOrAbortAbortsWhenItWouldTake() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);

        ExecutionResult result = d.limit(alice, APT, LONG, OPEN, 500, 5000, 10, POST_OR_ABORT);

        assertThat(result.codeName()).isEqualTo("E_POST_OR_ABORT_WOULD_TAKE");
        assertThat(d.openOrders(alice, APT)).isEmpty();
        assertThat(d.openOrders(bob, APT).get(0).remaining).isEqualTo(1000);
    }

    @Test
    void postOrAbortRestsWhenItDoesNotCross() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);

        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 500, 4999, 10, POST_OR_ABORT, 0, 0);

        assertThat(d.openOrders(alice, APT)).extracting(o -> o.priceTicks).containsExactly(4999L);
    }

    @Test
    void cancelReleasesTheReservationAndMarksTheOrderCancelled() {
        long before = d.balance(alice);
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        LiveOrder order = d.openOrders(alice, APT).get(0);
        assertThat(d.balance(alice)).isEqualTo(before - order.reserved);

        d.ok(alice, "cancel_multiple_orders", APT, List.of(order.id), List.of(LONG));

        assertThat(d.balance(alice)).isEqualTo(before);
        assertThat(d.openOrders(alice, APT)).isEmpty();
        assertThat(d.order(APT, order.id).status()).isEqualTo("Cancelled");
    }

    @Test
    void cancelOfAPartiallyFilledOrderKeepsTheFilledPart() {
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 5000, 5, 0, 0, 0);
        BigInteger id = d.openOrders(alice, APT).get(0).id;
        d.ok(bob, "place_market_order", APT, SHORT, OPEN, 600, 5, 0, 0);

        d.ok(alice, "cancel_multiple_orders", APT, List.of(id), List.of(LONG));

        LiveOrder order = d.order(APT, id);
        assertThat(order.filled).isEqualTo(600);
        assertThat(order.status()).isEqualTo("Cancelled");
        assertThat(order.reserved).isZero();
        assertThat(d.position(alice, APT, LONG).lots).isEqualTo(600);
    }

    @Test
    void cancelAbortsOnUnknownOrderWrongSideOrSomeoneElsesOrder() {
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        BigInteger id = d.openOrders(alice, APT).get(0).id;

        assertThat(d.run(alice, "cancel_multiple_orders", APT, List.of(id.add(BigInteger.TEN)), List.of(LONG)).codeName())
                .isEqualTo("E_ORDER_NOT_FOUND");
        assertThat(d.run(alice, "cancel_multiple_orders", APT, List.of(id), List.of(SHORT)).codeName())
                .isEqualTo("E_ORDER_SIDE_MISMATCH");
        assertThat(d.run(bob, "cancel_multiple_orders", APT, List.of(id), List.of(LONG)).codeName())
                .isEqualTo("E_ORDER_NOT_FOUND");
        assertThat(d.run(alice, "cancel_multiple_orders", BTC, List.of(id), List.of(LONG)).codeName())
                .isEqualTo("E_ORDER_NOT_FOUND");
        assertThat(d.openOrders(alice, APT)).extracting(o -> o.id).containsExactly(id);
    }

    @Test
    void aFailingCancelInABatchLeavesEveryOrderOpen() {
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4980, 5, 0, 0, 0);
        List<BigInteger> ids = d.openOrders(alice, APT).stream().map(o -> o.id).toList();
        long before = d.balance(alice);

        ExecutionResult result = d.run(alice, "cancel_multiple_orders", APT, List.of(ids.get(0), BigInteger.ONE),
                List.of(LONG, LONG));

        assertThat(result.codeName()).isEqualTo("E_ORDER_NOT_FOUND");
        assertThat(d.openOrders(alice, APT)).extracting(o -> o.id).containsExactlyElementsOf(ids);
        assertThat(d.balance(alice)).isEqualTo(before);
    }

    @Test
    void cancelAndPlaceIsAtomic() {
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        LiveOrder original = d.openOrders(alice, APT).get(0);
        long before = d.balance(alice);

        // The replacement needs far more margin than alice has: the whole transaction aborts.
        ExecutionResult result = d.run(alice, "cancel_and_place_multiple_orders", APT, List.of(original.id),
                List.of(LONG), List.of(true), List.of(LONG), List.of(OPEN), List.of(150_000_000L), List.of(5000L),
                List.of(1L), new byte[] {0}, List.of(0L), List.of(0L));

        assertThat(result.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
        assertThat(d.openOrders(alice, APT)).extracting(o -> o.id, o -> o.reserved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(original.id, original.reserved));
        assertThat(d.balance(alice)).isEqualTo(before);
    }

    @Test
    void cancelAndPlaceReplacesTheOrder() {
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        BigInteger original = d.openOrders(alice, APT).get(0).id;

        d.ok(alice, "cancel_and_place_multiple_orders", APT, List.of(original), List.of(LONG), List.of(true, true),
                List.of(LONG, SHORT), List.of(OPEN, OPEN), List.of(1000L, 700L), List.of(4995L, 5100L), List.of(5L, 3L),
                new byte[] {0, 0}, List.of(0L, 0L), List.of(0L, 0L));

        assertThat(d.order(APT, original).status()).isEqualTo("Cancelled");
        assertThat(d.openOrders(alice, APT)).extracting(o -> o.priceTicks, o -> o.lots, o -> o.tradeSide)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4995L, 1000L, LONG),
                        org.assertj.core.groups.Tuple.tuple(5100L, 700L, SHORT));
    }

    @Test
    void placeMultipleOrdersPlacesInOrderAndMixesLimitAndMarket() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);

        d.ok(alice, "place_multiple_orders", APT, List.of(true, false), List.of(LONG, LONG), List.of(OPEN, OPEN),
                List.of(500L, 800L), List.of(4900L, 0L), List.of(5L, 5L), new byte[] {0, 0}, List.of(6000L, 0L),
                List.of(0L, 4000L));

        assertThat(d.openOrders(alice, APT)).extracting(o -> o.priceTicks).containsExactly(4900L);
        PositionState position = d.position(alice, APT, LONG);
        assertThat(position.lots).isEqualTo(800);
        assertThat(position.stopLossTicks).isEqualTo(4000);
    }

    @Test
    void batchVectorsOfDifferentLengthsAreInvalid() {
        ExecutionResult result = d.run(alice, "place_multiple_orders", APT, List.of(true, true), List.of(LONG),
                List.of(OPEN, OPEN), List.of(500L, 500L), List.of(4900L, 4900L), List.of(5L, 5L), new byte[] {0, 0},
                List.of(0L, 0L), List.of(0L, 0L));

        assertThat(result.codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(result.reason()).contains("tradeSides");
    }
}
