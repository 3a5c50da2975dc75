package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.CLOSE;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PositionsTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);
    private final String bob = wallet(2);
    private final MarketSpec apt = d.exchange.spec(APT);

    @BeforeEach
    void fund() {
        d.funded(alice, 10_000);
        d.funded(bob, 10_000);
    }

    @AfterEach
    void conserved() {
        d.assertConserved();
    }

    /** Bob rests the opposite side, alice takes it with a market order. */
    private void aliceOpens(boolean side, long lots, long ticks, int leverage) {
        d.ok(bob, "place_limit_order", APT, !side, OPEN, lots, ticks, 5, 0, 0, 0);
        d.ok(alice, "place_market_order", APT, side, OPEN, lots, leverage, 0, 0);
    }

    @Test
    void hedgeModeKeepsALongAndAShortSideBySide() {
        aliceOpens(LONG, 1000, 5000, 10);
        aliceOpens(SHORT, 700, 5010, 4);

        PositionState longSide = d.position(alice, APT, LONG);
        PositionState shortSide = d.position(alice, APT, SHORT);
        assertThat(longSide.lots).isEqualTo(1000);
        assertThat(longSide.leverage).isEqualTo(10);
        assertThat(shortSide.lots).isEqualTo(700);
        assertThat(shortSide.leverage).isEqualTo(4);
        assertThat(shortSide.margin).isEqualTo(700L * 5010 / 4);
    }

    @Test
    void entryPriceIsTheSizeWeightedAverage() {
        aliceOpens(LONG, 1000, 5000, 10);
        aliceOpens(LONG, 500, 5030, 10);

        PositionState p = d.position(alice, APT, LONG);
        assertThat(apt.averagePrice(p.cost, p.lots)).isEqualByComparingTo("5.01");
    }

    @Test
    void closingReducesThePositionReleasesMarginProportionallyAndBooksProfitAsPending() {
        aliceOpens(LONG, 1000, 5000, 10);
        aliceOpens(LONG, 500, 5030, 10);
        PositionState before = d.position(alice, APT, LONG);
        d.ok(bob, "place_limit_order", APT, LONG, OPEN, 500, 5100, 5, 0, 0, 0);
        long balanceBefore = d.balance(alice);

        d.ok(alice, "place_market_order", APT, LONG, CLOSE, 500, 10, 0, 0);

        PositionState after = d.position(alice, APT, LONG);
        assertThat(after.lots).isEqualTo(1000);
        long closedCost = before.cost * 500 / 1500;
        assertThat(after.cost).isEqualTo(before.cost - closedCost);
        long released = before.margin * 500 / 1500;
        assertThat(after.margin).isEqualTo(before.margin - released);
        assertThat(d.pending(alice, APT)).isEqualTo(500L * 5100 - closedCost);
        long fee = 500L * 5100 * 5 / 10_000;
        assertThat(d.balance(alice)).isEqualTo(balanceBefore + released - fee);
        assertThat(apt.averagePrice(after.cost, after.lots)).isEqualByComparingTo("5.01");
    }

    @Test
    void lossesAreTakenFromTheFreeBalanceAtOnce() {
        aliceOpens(LONG, 1000, 5000, 10);
        d.ok(bob, "place_limit_order", APT, LONG, OPEN, 1000, 4900, 5, 0, 0, 0);
        long balanceBefore = d.balance(alice);
        long margin = d.position(alice, APT, LONG).margin;

        d.ok(alice, "place_market_order", APT, LONG, CLOSE, 1000, 10, 0, 0);

        long loss = 1000L * 5000 - 1000L * 4900;
        long fee = 1000L * 4900 * 5 / 10_000;
        assertThat(d.balance(alice)).isEqualTo(balanceBefore + margin - loss - fee);
        assertThat(d.pending(alice, APT)).isZero();
        assertThat(d.position(alice, APT, LONG)).isNull();
    }

    @Test
    void closingMoreThanThePositionOrWithoutOneAborts() {
        aliceOpens(LONG, 1000, 5000, 10);

        assertThat(d.marketOrder(alice, APT, LONG, CLOSE, 1500, 10).codeName()).isEqualTo("E_CLOSE_SIZE_EXCEEDS_POSITION");
        assertThat(d.marketOrder(alice, APT, SHORT, CLOSE, 500, 10).codeName()).isEqualTo("E_POSITION_NOT_FOUND");
        assertThat(d.position(alice, APT, LONG).lots).isEqualTo(1000);
    }

    @Test
    void restingClosingOrdersCommitPartOfThePositionUntilTheyFill() {
        aliceOpens(LONG, 1500, 5000, 10);

        d.ok(alice, "place_limit_order", APT, LONG, CLOSE, 600, 5200, 10, 0, 0, 0);

        assertThat(d.position(alice, APT, LONG).closingLots).isEqualTo(600);
        assertThat(d.limit(alice, APT, LONG, CLOSE, 1000, 5300, 10).codeName()).isEqualTo("E_CLOSE_SIZE_EXCEEDS_POSITION");
        d.ok(alice, "place_limit_order", APT, LONG, CLOSE, 900, 5300, 10, 0, 0, 0);
        assertThat(d.openOrders(alice, APT)).allSatisfy(o -> assertThat(o.reserved).isZero());

        d.ok(bob, "place_market_order", APT, LONG, OPEN, 600, 5, 0, 0);

        PositionState after = d.position(alice, APT, LONG);
        assertThat(after.lots).isEqualTo(900);
        assertThat(after.closingLots).isEqualTo(900);
        assertThat(d.pending(alice, APT)).isEqualTo(600L * 5200 - 600L * 5000);
    }

    @Test
    void openingWithoutEnoughMarginAbortsAndLeavesTheBookAlone() {
        String carol = wallet(3);
        d.funded(carol, 1);
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);

        ExecutionResult result = d.marketOrder(carol, APT, LONG, OPEN, 1000, 1);

        assertThat(result.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
        assertThat(result.code()).isEqualTo(4);
        assertThat(d.balance(carol)).isEqualTo(1_000_000);
        assertThat(d.openOrders(bob, APT).get(0).remaining).isEqualTo(1000);
        assertThat(d.limit(carol, APT, LONG, OPEN, 1000, 4000, 1).codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
    }

    @Test
    void liquidationPriceFollowsTheMaintenanceMarginFormula() {
        // The documented position: short 1 APT at 6.050 with leverage 2, maintenance margin 2.5 %.
        d.ok(bob, "place_limit_order", APT, LONG, OPEN, 1000, 6050, 5, 0, 0, 0);
        d.ok(alice, "place_market_order", APT, SHORT, OPEN, 1000, 2, 0, 0);
        PositionState shortSide = d.position(alice, APT, SHORT);
        assertThat(shortSide.margin).isEqualTo(3_025_000);
        assertThat(apt.liquidationPrice(false, shortSide.cost, shortSide.margin, shortSide.lots))
                .isEqualByComparingTo("8.853658536585");

        PositionState longSide = d.position(bob, APT, LONG);
        BigDecimal expected = new BigDecimal("6.05").subtract(apt.quote(longSide.margin))
                .divide(new BigDecimal("0.975"), 12, RoundingMode.HALF_EVEN);
        assertThat(apt.liquidationPrice(true, longSide.cost, longSide.margin, longSide.lots)).isEqualByComparingTo(expected);
    }

    @Test
    void addMarginMovesBalanceIntoThePositionAndPushesTheLiquidationPriceAway() {
        aliceOpens(LONG, 1000, 5000, 10);
        PositionState before = d.position(alice, APT, LONG);
        long balance = d.balance(alice);

        d.ok(alice, "add_margin", APT, LONG, 250_000L);

        PositionState after = d.position(alice, APT, LONG);
        assertThat(after.margin).isEqualTo(before.margin + 250_000);
        assertThat(d.balance(alice)).isEqualTo(balance - 250_000);
        assertThat(apt.liquidationPrice(true, after.cost, after.margin, after.lots))
                .isLessThan(apt.liquidationPrice(true, before.cost, before.margin, before.lots));
        assertThat(d.run(alice, "add_margin", APT, SHORT, 1L).codeName()).isEqualTo("E_POSITION_NOT_FOUND");
        assertThat(d.run(alice, "add_margin", APT, LONG, 1_000_000_000_000L).codeName()).isEqualTo("E_INSUFFICIENT_BALANCE");
    }

    @Test
    void takeProfitAndStopLossAreStoredFromOrdersAndUpdates() {
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, 10, 6000, 4500);
        assertThat(d.position(alice, APT, LONG).takeProfitTicks).isEqualTo(6000);
        assertThat(d.position(alice, APT, LONG).stopLossTicks).isEqualTo(4500);

        d.ok(alice, "update_take_profit", APT, LONG, 6500L);
        d.ok(alice, "update_stop_loss", APT, LONG, 4000L);

        assertThat(d.position(alice, APT, LONG).takeProfitTicks).isEqualTo(6500);
        assertThat(d.position(alice, APT, LONG).stopLossTicks).isEqualTo(4000);
        assertThat(d.run(alice, "update_stop_loss", APT, SHORT, 4000L).codeName()).isEqualTo("E_POSITION_NOT_FOUND");
    }

    @Test
    void collapseClosesEveryPositionAtMarkAndCancelsItsClosingOrders() {
        aliceOpens(LONG, 1000, 5000, 10);
        aliceOpens(SHORT, 500, 5000, 10);
        d.ok(alice, "place_limit_order", APT, LONG, CLOSE, 1000, 5900, 10, 0, 0, 0);
        d.exchange.setMarkPrice(APT, new BigDecimal("5.5"));
        long balance = d.balance(alice);
        long longMargin = d.position(alice, APT, LONG).margin;
        long shortMargin = d.position(alice, APT, SHORT).margin;

        d.ok(alice, "collapse_position", APT);

        assertThat(d.position(alice, APT, LONG)).isNull();
        assertThat(d.position(alice, APT, SHORT)).isNull();
        assertThat(d.openOrders(alice, APT)).isEmpty();
        long longProfit = 1000L * 5500 - 1000L * 5000;
        long shortLoss = 500L * 5500 - 500L * 5000;
        long fees = 1000L * 5500 * 5 / 10_000 + 500L * 5500 * 5 / 10_000;
        assertThat(d.pending(alice, APT)).isEqualTo(longProfit);
        assertThat(d.balance(alice)).isEqualTo(balance + longMargin + shortMargin - shortLoss - fees);
        assertThat(d.run(alice, "collapse_position", APT).codeName()).isEqualTo("E_POSITION_NOT_FOUND");
    }

    @Test
    void settleMovesPendingProfitIntoTheFreeBalance() {
        aliceOpens(LONG, 1000, 5000, 10);
        d.exchange.setMarkPrice(APT, new BigDecimal("5.2"));
        d.ok(alice, "collapse_position", APT);
        long pending = d.pending(alice, APT);
        long balance = d.balance(alice);
        assertThat(pending).isEqualTo(200_000);

        // Anyone may settle a wallet's PnL; it always lands in that wallet's profile.
        d.ok(bob, "settle_pnl", alice, APT);

        assertThat(d.pending(alice, APT)).isZero();
        assertThat(d.balance(alice)).isEqualTo(balance + pending);
    }
}
