package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** MarketId (u64 kept in a long, never negative) and OrderId (u128). */
class IdsTest {

    static final BigInteger TWO_TO_128 = BigInteger.ONE.shiftLeft(128);

    @Test
    void marketIdsParseTheApisDecimalForm() {
        assertThat(MarketId.parse("1338")).isEqualTo(MarketId.of(1338));
        assertThat(MarketId.parse(" 14 ").value()).isEqualTo(14);
        assertThat(MarketId.of(1338)).hasToString("1338");
        assertThat(MarketId.of(0).value()).isZero();
    }

    @Test
    void marketIdsAreNotNegativeAndAreDecimal() {
        assertThatThrownBy(() -> MarketId.of(-1)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("a market id is not negative, got -1");
        for (String bad : new String[] {"abc", "13.5", "", "0x10", "99999999999999999999"}) {
            assertThatThrownBy(() -> MarketId.parse(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("a market id is a decimal integer, got '" + bad + "'");
        }
        assertThatThrownBy(() -> MarketId.parse(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("got 'null'");
    }

    @Test
    void orderIdsHoldTheWholeU128Range() {
        BigInteger max = TWO_TO_128.subtract(BigInteger.ONE);

        assertThat(OrderId.parse(max.toString()).value()).isEqualTo(max);
        assertThat(OrderId.parse("11905620858892513160724480")).hasToString("11905620858892513160724480");
        assertThat(OrderId.of(0).value()).isZero();
        assertThat(OrderId.of(77)).isEqualTo(OrderId.parse(" 77 "));
    }

    @Test
    void orderIdsOutsideU128AreRejected() {
        assertThatThrownBy(() -> new OrderId(TWO_TO_128)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("an order id is a u128 (0 to 2^128-1), got " + TWO_TO_128);
        assertThatThrownBy(() -> OrderId.of(-1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("got -1");
        assertThatThrownBy(() -> new OrderId(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> OrderId.parse("12e3")).hasMessage("an order id is a decimal integer, got '12e3'");
        assertThatThrownBy(() -> OrderId.parse(null)).isInstanceOf(InvalidRequestException.class);
    }
}
