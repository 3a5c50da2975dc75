package io.kana.core.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A fill of this account's order with what the wire's fill object lacks: the order's direction (and
 * its side when the fill does not state it), joined from the order, and the caller's tag when the
 * SDK placed the order.
 *
 * @param fill      the fill as the API reported it
 * @param side      the order's side, when known
 * @param direction open or close, when known
 * @param tag       the caller's client id of the order, or null
 */
public record AccountFill(Fill fill, Optional<Side> side, Optional<Direction> direction, String tag) {

    public AccountFill {
        Requests.required("fill", fill);
        side = side == null ? Optional.empty() : side;
        direction = direction == null ? Optional.empty() : direction;
    }

    /** Buy or sell, when the side and the direction are known. */
    public Optional<Action> action() {
        return side.flatMap(s -> direction.map(d -> Action.of(s, d)));
    }

    /**
     * Quote coins this fill moved: {@code -price*size} for a buy, {@code +price*size} for a sell, less
     * the fee; empty when buy or sell is unknown. Summed over fills and added to the net inventory at
     * a price, it is the profit and loss.
     */
    public Optional<BigDecimal> cashFlow() {
        BigDecimal fee = fill.fee() == null ? BigDecimal.ZERO : fill.fee();
        return action().map(a -> fill.price().multiply(fill.size()).multiply(BigDecimal.valueOf(-a.sign())).subtract(fee));
    }
}
