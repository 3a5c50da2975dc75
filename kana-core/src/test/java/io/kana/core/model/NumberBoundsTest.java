package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.testsupport.CpuCost;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Numbers that would cost minutes of CPU once scaled are refused; every real one passes. */
class NumberBoundsTest {

    static final String HUGE_EXPONENT = "1e100000000";
    static final String MILLION_DIGITS = "9".repeat(1_000_000);
    static final BigDecimal ONE_E_MILLION = new BigDecimal("1e1000000");
    static final BigDecimal TINY = new BigDecimal("1e-1000000");

    @Test
    void ordinaryNumbersPass() {
        for (String text : List.of("0", "1.5", "-12.000001", "1e3", "340282366920938463463374607431768211455",
                "0.000000000000000001")) {
            assertThat(NumberBounds.decimal("x", text)).isEqualByComparingTo(text);
        }
        assertThat(NumberBounds.integer("id", "340282366920938463463374607431768211455"))
                .isEqualTo(BigInteger.TWO.pow(128).subtract(BigInteger.ONE));
    }

    @Test
    void hugeExponentsAndDigitCountsAreRefusedBeforeAnyArithmetic() {
        assertThatThrownBy(() -> NumberBounds.decimal("timestamp", HUGE_EXPONENT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("timestamp is out of range");
        assertThatThrownBy(() -> NumberBounds.decimal("lot_size", MILLION_DIGITS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1000000 characters");
        assertThatThrownBy(() -> NumberBounds.integer("id", MILLION_DIGITS))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1000000 characters");
        assertThatThrownBy(() -> NumberBounds.check("size", ONE_E_MILLION)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> NumberBounds.check("size", TINY)).isInstanceOf(InvalidRequestException.class);
        // A million nines, built without parsing them (parsing a million digits takes seconds).
        assertThatThrownBy(() -> NumberBounds.check("size", new BigDecimal(BigInteger.TEN.pow(1_000_000).subtract(BigInteger.ONE))))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> NumberBounds.decimal("x", "twelve")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void userValuesWithHugeExponentsFailWhenTheRequestIsBuilt() {
        MarketId apt = MarketId.of(1338);
        CpuCost cost = CpuCost.of(() -> LimitOrderRequest.of(apt, Side.LONG, Direction.OPEN, ONE_E_MILLION,
                BigDecimal.ONE, 1));
        System.out.printf("bounds: user size 1e1000000 given to an order -> %s after %s%n",
                cost.thrown().getClass().getSimpleName(), cost);
        assertThat(cost.thrown()).isInstanceOf(InvalidRequestException.class).hasMessageContaining("size is out of range");
        assertThat(cost.time()).as("once 277 s").isLessThan(Duration.ofSeconds(1));
        assertThatThrownBy(() -> MarketOrderRequest.of(apt, Side.LONG, Direction.OPEN, BigDecimal.ONE, 1)
                .withStopLoss(ONE_E_MILLION)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> OrderSpec.limit(Side.LONG, Direction.OPEN, BigDecimal.ONE, TINY, 1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("price");
        assertThatThrownBy(() -> OrderId.parse(MILLION_DIGITS)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void marketRulesRefuseThemTooWhenCalledDirectly() {
        MarketRules rules = MarketRules.of(TestMarkets.apt());
        assertThatThrownBy(() -> rules.lots(ONE_E_MILLION)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rules.ticks(ONE_E_MILLION)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> rules.quoteUnits(ONE_E_MILLION)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> MarketRules.quoteUnits(TINY, 6)).isInstanceOf(InvalidRequestException.class);
    }
}
