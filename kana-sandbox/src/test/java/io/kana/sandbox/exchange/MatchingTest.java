package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.CLOSE;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kana.sandbox.chain.PerpsModule;
import io.kana.sandbox.exchange.History.Execution;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchingTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);
    private final String bob = wallet(2);
    private final String carol = wallet(3);
    private final String dave = wallet(4);

    @BeforeEach
    void fund() {
        for (String w : List.of(alice, bob, carol, dave)) {
            d.funded(w, 10_000);
        }
    }

    @AfterEach
    void conserved() {
        d.assertConserved();
    }

    @Test
    void takerMeetsBestPriceFirstThenOldestOrderAtEachPrice() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5010, 5, 0, 0, 0);
        d.ok(carol, "place_limit_order", APT, SHORT, OPEN, 1000, 5010, 5, 0, 0, 0);
        d.ok(dave, "place_limit_order", APT, SHORT, OPEN, 1000, 5005, 5, 0, 0, 0);
        BigInteger carolOrder = d.openOrders(carol, APT).get(0).id;

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 2500, 10, 0, 0);

        List<Execution> takerSide = d.executions().stream().filter(e -> !e.maker()).toList();
        assertThat(takerSide).extracting(Execution::ticks, Execution::lots)
                .containsExactly(tuple(5005L, 1000L), tuple(5010L, 1000L), tuple(5010L, 500L));
        List<Execution> makerSide = d.executions().stream().filter(Execution::maker).toList();
        assertThat(makerSide).extracting(Execution::profile)
                .containsExactly(ExchangeDriver.profile(dave), ExchangeDriver.profile(bob), ExchangeDriver.profile(carol));
        LiveOrder carolNow = d.order(APT, carolOrder);
        assertThat(carolNow.remaining).isEqualTo(500);
        assertThat(carolNow.status()).isEqualTo("Partially Filled");
        PositionState position = d.position(alice, APT, LONG);
        assertThat(position.lots).isEqualTo(2500);
        assertThat(position.cost).isEqualTo(1000L * 5005 + 1500L * 5010);
        assertThat(d.exchange.spec(APT).averagePrice(position.cost, position.lots)).isEqualByComparingTo("5.008");
    }

    @Test
    void bidsAreMatchedHighestFirst() {
        d.ok(bob, "place_limit_order", APT, LONG, OPEN, 1000, 4990, 5, 0, 0, 0);
        d.ok(carol, "place_limit_order", APT, LONG, OPEN, 1000, 4995, 5, 0, 0, 0);

        d.ok(alice, "place_market_order", APT, SHORT, OPEN, 1500, 10, 0, 0);

        assertThat(d.executions().stream().filter(e -> !e.maker()).toList())
                .extracting(Execution::ticks, Execution::lots)
                .containsExactly(tuple(4995L, 1000L), tuple(4990L, 500L));
        assertThat(d.position(alice, APT, SHORT).lots).isEqualTo(1500);
        assertThat(d.position(bob, APT, LONG).lots).isEqualTo(500);
        assertThat(d.position(carol, APT, LONG).lots).isEqualTo(1000);
    }

    @Test
    void crossingLimitOrderTradesAtTheRestingPriceAndRestsTheRemainder() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        long before = d.balance(alice);

        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1500, 5002, 10, 0, 0, 0);

        assertThat(d.executions()).extracting(Execution::ticks).containsOnly(5000L);
        LiveOrder rest = d.openOrders(alice, APT).get(0);
        assertThat(rest.priceTicks).isEqualTo(5002);
        assertThat(rest.remaining).isEqualTo(500);
        assertThat(rest.status()).isEqualTo("Partially Filled");
        long takerMargin = 1000L * 5000 / 10;
        long takerFee = 1000L * 5000 * 5 / 10_000;
        long reservedMargin = 500L * 5002 / 10;
        long reservedFee = (500L * 5002 * 2 + 9_999) / 10_000;
        assertThat(rest.reserved).isEqualTo(reservedMargin + reservedFee);
        assertThat(d.balance(alice)).isEqualTo(before - takerMargin - takerFee - reservedMargin - reservedFee);
        assertThat(d.position(alice, APT, LONG).margin).isEqualTo(takerMargin);
    }

    @Test
    void restingOrderFilledLaterMovesItsReservationIntoMarginAndMakerFee() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        long reserved = d.openOrders(bob, APT).get(0).reserved;
        long feesBefore = d.fees();

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 0, 0);

        long makerFee = 1000L * 5000 * 2 / 10_000;
        long takerFee = 1000L * 5000 * 5 / 10_000;
        assertThat(d.position(bob, APT, SHORT).margin).isEqualTo(1000L * 5000 / 5);
        assertThat(reserved).isEqualTo(1000L * 5000 / 5 + makerFee);
        assertThat(d.fees() - feesBefore).isEqualTo(makerFee + takerFee);
        assertThat(d.openOrders(bob, APT)).isEmpty();
    }

    @Test
    void marketOrderSweepsLevelsAndCancelsWhatTheBookCannotFill() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 600, 5000, 5, 0, 0, 0);
        d.ok(carol, "place_limit_order", APT, SHORT, OPEN, 600, 5001, 5, 0, 0, 0);

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 2000, 10, 0, 0);

        LiveOrder order = d.lastOrder();
        assertThat(order.filled).isEqualTo(1200);
        assertThat(order.open).isFalse();
        assertThat(order.status()).isEqualTo("Cancelled");
        assertThat(d.position(alice, APT, LONG).lots).isEqualTo(1200);
        assertThat(d.bestAsk(APT)).isNull();
    }

    @Test
    void fullyFilledMarketOrderIsFilled() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 0, 0);

        assertThat(d.lastOrder().status()).isEqualTo("Filled");
    }

    @Test
    void marketOrderIntoAnEmptyBookFillsNothingAndIsCancelled() {
        long before = d.balance(alice);

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 0, 0);

        assertThat(d.lastOrder().status()).isEqualTo("Cancelled");
        assertThat(d.position(alice, APT, LONG)).isNull();
        assertThat(d.balance(alice)).isEqualTo(before);
    }

    @Test
    void nonCrossingLimitOrdersRestOnTheirSide() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5010, 5, 0, 0, 0);
        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000, 5000, 5, 0, 0, 0);

        assertThat(d.executions()).isEmpty();
        assertThat(d.bestBid(APT)).isEqualTo(5000L);
        assertThat(d.bestAsk(APT)).isEqualTo(5010L);
    }

    @Test
    void anAbortMidSweepRestoresEveryRestingOrderAndItsPriority() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(carol, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(dave, "place_limit_order", APT, SHORT, OPEN, 1000, 5001, 5, 0, 0, 0);
        String eve = wallet(5);
        d.funded(eve, 11);
        List<LiveOrder> before = d.bookOrders(APT);

        // Two fills at leverage 1 cost about 10.006 USDC; the third cannot be paid.
        PerpsModule.ExecutionResult result = d.marketOrder(eve, APT, LONG, OPEN, 3000, 1);

        assertThat(result.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
        List<LiveOrder> after = d.bookOrders(APT);
        assertThat(after).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        assertThat(d.executions()).isEmpty();
        assertThat(d.balance(eve)).isEqualTo(11_000_000);
        assertThat(d.closedOrders()).isEmpty();

        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 0, 0);
        assertThat(d.executions()).filteredOn(History.Execution::maker).extracting(History.Execution::profile)
                .containsExactly(ExchangeDriver.profile(bob));
    }

    @Test
    void closingOrderMatchesLikeAnyOtherOrderOnTheOppositeBookSide() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 0, 0);
        d.ok(carol, "place_limit_order", APT, LONG, OPEN, 1000, 5100, 5, 0, 0, 0);

        // Closing a long sells: it meets carol's bid.
        d.ok(alice, "place_market_order", APT, LONG, CLOSE, 1000, 10, 0, 0);

        assertThat(d.position(alice, APT, LONG)).isNull();
        assertThat(d.position(carol, APT, LONG).lots).isEqualTo(1000);
        assertThat(d.pending(alice, APT)).isEqualTo(1000L * 5100 - 1000L * 5000);
    }
}
