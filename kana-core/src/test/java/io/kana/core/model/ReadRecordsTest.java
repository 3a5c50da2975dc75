package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the read records guarantee: an unknown side is explicit, and nothing is cancelled on a guess. */
class ReadRecordsTest {

    private static final OrderId ID = OrderId.parse("161668980614256490457451450");

    private static Order order(Optional<Side> side, Integer orderType) {
        return new Order(ID, MarketId.of(15), null, side, null, orderType, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void anOrderOfKnownSideBecomesACancellationOnThatSide() {
        assertThat(order(Optional.of(Side.LONG), 3).toCancel()).isEqualTo(new OrderToCancel(ID, Side.LONG));
        assertThat(order(Optional.of(Side.SHORT), 4).toCancel()).isEqualTo(new OrderToCancel(ID, Side.SHORT));
    }

    @Test
    void anOrderOfUnknownSideIsRefusedNamingTheOrder() {
        assertThatThrownBy(() -> order(Optional.empty(), 0).toCancel()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("side of order 161668980614256490457451450 is unknown")
                .hasMessageContaining("order_type 0")
                .satisfies(e -> {
                    assertThat(((InvalidRequestException) e).field()).isEqualTo("side");
                    assertThat(((InvalidRequestException) e).effectMayExist()).isFalse();
                });
    }

    @Test
    void aNullSideMeansUnknown() {
        assertThat(order(null, null).side()).isEmpty();
        assertThat(new Trade(MarketId.of(15), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null).side()).isEmpty();
        assertThat(new Fill(MarketId.of(15), null, null, null, null, null, null, null, null, null, null).side())
                .isEmpty();
    }
}
