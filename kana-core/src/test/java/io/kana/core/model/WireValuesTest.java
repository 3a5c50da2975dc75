package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The enums' values on the wire, as the reference and docs/wire-contract.md fix them. */
class WireValuesTest {

    @Test
    void sideIsTradeSideTrueForLong() {
        assertThat(Side.LONG.tradeSide()).isTrue();
        assertThat(Side.SHORT.tradeSide()).isFalse();
        assertThat(Side.fromTradeSide(true)).isEqualTo(Side.LONG);
        assertThat(Side.fromTradeSide(false)).isEqualTo(Side.SHORT);
        assertThat(Side.LONG.opposite()).isEqualTo(Side.SHORT);
        assertThat(Side.SHORT.opposite()).isEqualTo(Side.LONG);
    }

    @Test
    void directionIsTrueForClose() {
        assertThat(Direction.OPEN.wireValue()).isFalse();
        assertThat(Direction.CLOSE.wireValue()).isTrue();
        assertThat(Direction.fromWireValue(true)).isEqualTo(Direction.CLOSE);
        assertThat(Direction.fromWireValue(false)).isEqualTo(Direction.OPEN);
    }

    @Test
    void orderTypeIsTrueForLimit() {
        assertThat(OrderType.LIMIT.wireValue()).isTrue();
        assertThat(OrderType.MARKET.wireValue()).isFalse();
        assertThat(OrderType.fromWireValue(true)).isEqualTo(OrderType.LIMIT);
        assertThat(OrderType.fromWireValue(false)).isEqualTo(OrderType.MARKET);
    }

    @Test
    void restrictionCodesAre0_1_3() {
        assertThat(Restriction.NO_RESTRICTION.code()).isZero();
        assertThat(Restriction.FILL_OR_ABORT.code()).isEqualTo(1);
        assertThat(Restriction.POST_OR_ABORT.code()).isEqualTo(3);
        for (Restriction r : Restriction.values()) {
            assertThat(Restriction.fromCode(r.code())).isEqualTo(r);
        }
        assertThatThrownBy(() -> Restriction.fromCode(2)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("restriction is 0, 1 or 3, got 2");
    }

    @Test
    void sortOrderIsLowerCase() {
        assertThat(SortOrder.ASC.wireValue()).isEqualTo("asc");
        assertThat(SortOrder.DESC.wireValue()).isEqualTo("desc");
    }
}
