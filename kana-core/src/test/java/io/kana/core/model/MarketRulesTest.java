package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documented testnet APT market: lot 100000, tick 1, base 8 and quote 6 decimals, 500..150000000 lots, 20x. */
class MarketRulesTest {

    static final Market APT = TestMarkets.apt();
    static final MarketRules RULES = MarketRules.of(APT);

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static String field(Throwable e) {
        return ((InvalidRequestException) e).field();
    }

    @Test
    void theFixtureIsTheDocumentedMarket() {
        assertThat(APT.id()).isEqualTo(MarketId.of(1338));
        assertThat(APT.lotSize()).isEqualTo(BigInteger.valueOf(100_000));
        assertThat(APT.maxLeverage()).isEqualTo(20);
        assertThat(RULES.market()).isSameAs(APT);
        assertThat(RULES).hasToString("MarketRules[1338 APT/USDC]");
    }

    @Test
    void sizesAreCountedInLots() {
        assertThat(RULES.lots(d("1.5"))).isEqualTo(BigInteger.valueOf(1500));
        assertThat(RULES.lots(d("0.5"))).isEqualTo(BigInteger.valueOf(500));
        assertThat(RULES.lots(d("150000"))).isEqualTo(BigInteger.valueOf(150_000_000));
        assertThat(RULES.lots(d("1.500000"))).isEqualTo(BigInteger.valueOf(1500));
    }

    @Test
    void aSizeOffTheLotIsRejected() {
        assertThatThrownBy(() -> RULES.lots(d("0.0005"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("size 0.0005 must be a multiple of the lot size 0.001")
                .satisfies(e -> assertThat(field(e)).isEqualTo("size"));
    }

    @Test
    void aSizeOutsideTheMarketsLimitsIsRejected() {
        assertThatThrownBy(() -> RULES.lots(d("0.4"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("size 0.4 in APT/USDC is 400 lots; allowed are 500 to 150000000 lots (0.5 to 150000)");
        assertThatThrownBy(() -> RULES.lots(d("150000.001"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is 150000001 lots");
    }

    @Test
    void pricesAreCountedInTicks() {
        assertThat(RULES.ticks(d("5.7"))).isEqualTo(BigInteger.valueOf(5700));
        assertThat(RULES.ticks(d("0.001"))).isEqualTo(BigInteger.ONE);
        assertThat(RULES.priceIncrement()).isEqualByComparingTo("0.001");
        assertThat(RULES.priceIncrement().toPlainString()).isEqualTo("0.001");
    }

    @Test
    void aPriceOffTheTickOrNotPositiveIsRejected() {
        assertThatThrownBy(() -> RULES.ticks(d("5.7005"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("price 5.7005 must be a multiple of the tick 0.001");
        assertThatThrownBy(() -> RULES.ticks(BigDecimal.ZERO)).hasMessage("price must be positive, got 0");
        assertThatThrownBy(() -> RULES.ticks(null)).hasMessage("price must be positive, got null");
    }

    @Test
    void triggerPricesOfZeroMeanNone() {
        assertThat(RULES.triggerTicks("takeProfit", BigDecimal.ZERO)).isZero();
        assertThat(RULES.triggerTicks("takeProfit", d("6.25"))).isEqualTo(BigInteger.valueOf(6250));
        assertThatThrownBy(() -> RULES.triggerTicks("stopLoss", d("5.0001")))
                .hasMessage("stopLoss 5.0001 must be a multiple of the tick 0.001")
                .satisfies(e -> assertThat(field(e)).isEqualTo("stopLoss"));
        assertThatThrownBy(() -> RULES.triggerTicks("stopLoss", d("-1"))).hasMessage("stopLoss must be positive, got -1");
    }

    @Test
    void quoteAmountsAreCountedInSubunits() {
        assertThat(RULES.quoteUnits(d("12.5"))).isEqualTo(BigInteger.valueOf(12_500_000));
        assertThat(RULES.quoteUnits(d("0.000001"))).isEqualTo(BigInteger.ONE);
        assertThat(MarketRules.quoteUnits(d("1.5"), 8)).isEqualTo(BigInteger.valueOf(150_000_000));
        assertThatThrownBy(() -> RULES.quoteUnits(d("1.0000001"))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("amount 1.0000001 has more than 6 decimals");
        assertThatThrownBy(() -> RULES.quoteUnits(BigDecimal.ZERO)).hasMessage("amount must be positive, got 0");
        assertThatThrownBy(() -> RULES.quoteUnits(null)).hasMessage("amount must be positive, got null");
    }

    @Test
    void leverageIsOneToTheMarketsMaximum() {
        assertThatCode(() -> RULES.checkLeverage(1)).doesNotThrowAnyException();
        assertThatCode(() -> RULES.checkLeverage(20)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RULES.checkLeverage(21)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("leverage in APT/USDC is 1 to 20, got 21");
        assertThatThrownBy(() -> RULES.checkLeverage(0)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void checksWholeRequestsAgainstTheMarket() {
        LimitOrderRequest limit = LimitOrderRequest.of(APT.id(), Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2)
                .withTakeProfit(d("6")).withStopLoss(d("5"));
        MarketOrderRequest market = MarketOrderRequest.of(APT.id(), Side.SHORT, Direction.OPEN, d("1"), 20);
        OrderSpec marketSpec = OrderSpec.market(Side.LONG, Direction.OPEN, d("2"), 3);
        OrderSpec limitSpec = OrderSpec.limit(Side.LONG, Direction.OPEN, d("2"), d("5.6"), 3);

        assertThatCode(() -> {
            RULES.check(limit);
            RULES.check(market);
            RULES.check(marketSpec);
            RULES.check(new MultipleOrdersRequest(APT.id(), List.of(limitSpec, marketSpec), Restriction.POST_OR_ABORT));
            RULES.check(new CancelAndPlaceRequest(APT.id(), List.of(), List.of(limitSpec), Restriction.NO_RESTRICTION));
        }).doesNotThrowAnyException();

        assertThatThrownBy(() -> RULES.check(limit.withStopLoss(d("5.0005")))).hasMessageContaining("stopLoss 5.0005");
        assertThatThrownBy(() -> RULES.check(MarketOrderRequest.of(APT.id(), Side.SHORT, Direction.OPEN, d("1"), 21)))
                .hasMessageContaining("got 21");
        assertThatThrownBy(() -> RULES.check(MultipleOrdersRequest.of(APT.id(), List.of(
                OrderSpec.limit(Side.LONG, Direction.OPEN, d("2"), d("5.6001"), 3)))))
                .hasMessageContaining("price 5.6001");
        assertThatThrownBy(() -> RULES.check(new CancelAndPlaceRequest(APT.id(), List.of(),
                List.of(OrderSpec.market(Side.LONG, Direction.OPEN, d("0.1"), 3)), Restriction.NO_RESTRICTION)))
                .hasMessageContaining("is 100 lots");
    }

    @Test
    void aRequestForAnotherMarketIsRejected() {
        LimitOrderRequest btc = LimitOrderRequest.of(MarketId.of(1339), Side.LONG, Direction.OPEN, d("1"), d("5"), 2);

        assertThatThrownBy(() -> RULES.check(btc)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("request is for market 1339 but these are the rules of market 1338")
                .satisfies(e -> assertThat(field(e)).isEqualTo("marketId"));
    }

    @Test
    void anotherMarketsScaleGivesOtherIncrements() {
        MarketRules btc = MarketRules.of(TestMarkets.btc());

        assertThat(btc.priceIncrement().toPlainString()).isEqualTo("0.1");
        assertThat(btc.ticks(d("65000.1"))).isEqualTo(BigInteger.valueOf(650_001));
        assertThat(btc.lots(d("0.0123"))).isEqualTo(BigInteger.valueOf(123));
        assertThat(TestMarkets.btc().sizeIncrement().toPlainString()).isEqualTo("0.0001");
    }

    @Test
    void aMarketNeedsPositiveLotAndTickSizes() {
        assertThatThrownBy(() -> new Market(MarketId.of(1), "X", BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE,
                BigInteger.TEN, 8, 6, 3, 10, BigInteger.ONE, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lot size and tick size are positive: 0, 1");
        assertThatThrownBy(() -> new Market(MarketId.of(1), "X", BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE,
                BigInteger.TEN, 8, 6, 3, 10, BigInteger.ONE, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Market(MarketId.of(1), null, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE,
                BigInteger.TEN, 8, 6, 3, 10, BigInteger.ONE, null, null, null, null, null)).hasMessage("baseName");
        assertThatThrownBy(() -> MarketRules.of(null)).hasMessage("market");
        assertThat(APT.sizeIncrement().toPlainString()).isEqualTo("0.001");
    }
}
