package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderStatusTest {

    @Test
    void theFourDocumentedStatusesAreKnown() {
        assertThat(OrderStatus.of("Open")).isSameAs(OrderStatus.OPEN);
        assertThat(OrderStatus.of("Filled")).isSameAs(OrderStatus.FILLED);
        assertThat(OrderStatus.of("Partially Filled")).isSameAs(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderStatus.of("Cancelled")).isSameAs(OrderStatus.CANCELLED);
        assertThat(OrderStatus.of(" partially filled ")).isSameAs(OrderStatus.PARTIALLY_FILLED);
        assertThat(OrderStatus.CANCELLED.isKnown()).isTrue();
        assertThat(OrderStatus.PARTIALLY_FILLED).hasToString("Partially Filled");
    }

    @Test
    void anUnknownStatusIsKeptVerbatim() {
        OrderStatus expired = OrderStatus.of("Expired");

        assertThat(expired.isKnown()).isFalse();
        assertThat(expired.value()).isEqualTo("Expired");
        assertThat(expired).hasToString("Expired").isEqualTo(new OrderStatus("Expired"));
    }

    @Test
    void aStatusHasAValue() {
        assertThatThrownBy(() -> new OrderStatus(null)).isInstanceOf(NullPointerException.class);
    }
}
