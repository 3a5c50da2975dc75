package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;

/**
 * Orders of one market to cancel in one transaction ({@code cancelMultipleOrders}).
 *
 * @param marketId the market
 * @param orders   the orders, at least one
 */
public record CancelOrdersRequest(MarketId marketId, List<OrderToCancel> orders) {

    /** The most orders one cancel transaction takes. */
    public static final int MAX_ORDERS = Requests.MAX_BATCH_ORDERS;

    public CancelOrdersRequest {
        Requests.required("marketId", marketId);
        orders = Requests.list("orders", orders, MAX_ORDERS);
        if (orders.isEmpty()) {
            throw new InvalidRequestException("cancelOrderIds", "name at least one order to cancel");
        }
    }
}
