package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;
import java.util.Objects;

/**
 * Cancel some orders and place others in one market, atomically in one transaction
 * ({@code cancelAndPlaceMultipleOrders}).
 *
 * @param marketId    the market
 * @param toCancel    orders to cancel (may be empty if {@code toPlace} is not)
 * @param toPlace     orders to place (may be empty if {@code toCancel} is not)
 * @param restriction restriction applied to the limit orders placed
 */
public record CancelAndPlaceRequest(
        MarketId marketId, List<OrderToCancel> toCancel, List<OrderSpec> toPlace, Restriction restriction) {

    public CancelAndPlaceRequest {
        Objects.requireNonNull(marketId, "marketId");
        Objects.requireNonNull(restriction, "restriction");
        toCancel = List.copyOf(Objects.requireNonNull(toCancel, "toCancel"));
        toPlace = List.copyOf(Objects.requireNonNull(toPlace, "toPlace"));
        if (toCancel.isEmpty() && toPlace.isEmpty()) {
            throw new InvalidRequestException("orders", "cancel-and-place needs an order to cancel or to place");
        }
    }
}
