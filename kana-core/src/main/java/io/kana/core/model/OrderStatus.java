package io.kana.core.model;

import java.util.Objects;

/**
 * The status of an order as the API reports it. Values the SDK does not know are kept verbatim
 * ({@link #isKnown()} is false) rather than failing the whole response.
 *
 * @param value the API's text, e.g. {@code "Partially Filled"}
 */
public record OrderStatus(String value) {

    public static final OrderStatus OPEN = new OrderStatus("Open");
    public static final OrderStatus FILLED = new OrderStatus("Filled");
    public static final OrderStatus PARTIALLY_FILLED = new OrderStatus("Partially Filled");
    public static final OrderStatus CANCELLED = new OrderStatus("Cancelled");

    public OrderStatus {
        Objects.requireNonNull(value, "value");
    }

    public static OrderStatus of(String value) {
        Objects.requireNonNull(value, "an order status is required");
        for (OrderStatus known : new OrderStatus[] {OPEN, FILLED, PARTIALLY_FILLED, CANCELLED}) {
            if (known.value.equalsIgnoreCase(value.strip())) {
                return known;
            }
        }
        return new OrderStatus(value);
    }

    /** True for the four documented values. */
    public boolean isKnown() {
        return equals(OPEN) || equals(FILLED) || equals(PARTIALLY_FILLED) || equals(CANCELLED);
    }

    @Override
    public String toString() {
        return value;
    }
}
