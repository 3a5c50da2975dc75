package io.kana.core.model;

import java.util.Optional;

/**
 * One order a placement sent to Kana and what became of it.
 *
 * @param spec    the order as sent (side, direction, size, price)
 * @param tag     the caller's client id of the {@link NetOrder} it came from, or null
 * @param orderId Kana's id, once read back; empty when the read did not show it (see {@code Placement})
 */
public record PlacedOrder(OrderSpec spec, String tag, Optional<OrderId> orderId) {

    public PlacedOrder {
        Requests.required("spec", spec);
        orderId = orderId == null ? Optional.empty() : orderId;
    }

    /** Buy or sell. */
    public Action action() {
        return Action.of(spec.side(), spec.direction());
    }
}
