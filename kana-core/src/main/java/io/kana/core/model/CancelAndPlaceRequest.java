package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;

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
        Requests.required("marketId", marketId);
        Requests.required("restriction", restriction);
        toCancel = Requests.list("toCancel", toCancel, Requests.MAX_BATCH_ORDERS);
        toPlace = Requests.list("toPlace", toPlace, Requests.MAX_BATCH_ORDERS);
        if (toCancel.size() + toPlace.size() > Requests.MAX_BATCH_ORDERS) {
            throw new InvalidRequestException("orders", "cancel-and-place holds " + (toCancel.size() + toPlace.size())
                    + " orders; at most " + Requests.MAX_BATCH_ORDERS + " fit in one transaction");
        }
        if (toCancel.isEmpty() && toPlace.isEmpty()) {
            throw new InvalidRequestException("orders", "cancel-and-place needs an order to cancel or to place");
        }
    }
}
