package io.kana.core.model;


/**
 * An open order to cancel: its id and the side it was placed on (the contract needs both).
 *
 * @param orderId the order id
 * @param side    the order's side
 */
public record OrderToCancel(OrderId orderId, Side side) {

    public OrderToCancel {
        Requests.required("orderId", orderId);
        Requests.required("side", side);
    }
}
