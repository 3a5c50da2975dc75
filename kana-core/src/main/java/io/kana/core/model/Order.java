package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the open-order, order-history and order-status endpoints report it. The endpoints
 * differ in which fields they fill; any component but {@code orderId}, {@code marketId} and
 * {@code side} may be null.
 *
 * @param orderId            the order id
 * @param marketId           the market
 * @param address            the profile address that owns the order
 * @param side               long or short when the API states it ({@code trade_side}, or an
 *                           {@code order_type} whose side is proven); empty when it cannot be known
 * @param direction          open or close, when the API says
 * @param orderType          the API's raw {@code order_type} code
 * @param marketOrder        whether it was a market order
 * @param price              limit price (quote per coin)
 * @param size               original size (coins)
 * @param remainingSize      size still open (coins)
 * @param filledSize         size filled so far (coins)
 * @param orderValue         price times size
 * @param leverage           leverage
 * @param status             status, when the endpoint reports one
 * @param tradeId            trade id
 * @param createdAt          creation time
 * @param lastUpdated        last update time
 * @param transactionVersion Aptos ledger version of the last change
 */
public record Order(
        OrderId orderId,
        MarketId marketId,
        ProfileAddress address,
        Optional<Side> side,
        Direction direction,
        Integer orderType,
        Boolean marketOrder,
        BigDecimal price,
        BigDecimal size,
        BigDecimal remainingSize,
        BigDecimal filledSize,
        BigDecimal orderValue,
        Integer leverage,
        OrderStatus status,
        String tradeId,
        Instant createdAt,
        Instant lastUpdated,
        BigInteger transactionVersion) {

    public Order {
        side = side == null ? Optional.empty() : side;
    }

    /** Buy or sell, when both the side and the direction are known (see {@link Action}); empty otherwise. */
    public Optional<Action> action() {
        return direction == null ? Optional.empty() : side.map(known -> Action.of(known, direction));
    }

    /**
     * This order as a cancellation. The contract needs the side, so an order whose side the API did
     * not state is refused rather than cancelled on a guessed side.
     *
     * @throws InvalidRequestException when {@link #side()} is empty
     */
    public OrderToCancel toCancel() {
        return new OrderToCancel(orderId, side.orElseThrow(() -> new InvalidRequestException("side",
                "the side of order " + orderId + " is unknown (the API reported order_type " + orderType
                        + " and no trade_side); cancel it with new OrderToCancel(orderId, side) naming its side")));
    }
}
