package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;

/**
 * Cancel some orders and place others in one market, atomically in one transaction
 * ({@code cancelAndPlaceMultipleOrders}). Kana's API refuses the call with an empty cancel list, so
 * {@code KanaTrader} sends a request with nothing to cancel as a plain {@code placeMultipleOrders}, and
 * one with nothing to place as {@code cancelMultipleOrders}.
 *
 * @param marketId    the market
 * @param toCancel    orders to cancel; when empty, the orders are placed without a cancel
 * @param toPlace     orders to place; when empty, the orders are cancelled without a placement
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
