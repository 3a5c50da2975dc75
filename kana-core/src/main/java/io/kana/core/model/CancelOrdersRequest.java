package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders of one market to cancel in one transaction ({@code cancelMultipleOrders}).
 *
 * @param marketId the market
 * @param orders   the orders, at least one
 */
public record CancelOrdersRequest(MarketId marketId, List<OrderToCancel> orders) {

    /** Most orders one batch (a cancel, a placement, or both together) may hold. */
    public static final int MAX_ORDERS = Requests.MAX_BATCH_ORDERS;

    public CancelOrdersRequest {
        Requests.required("marketId", marketId);
        orders = Requests.list("orders", orders, MAX_ORDERS);
        if (orders.isEmpty()) {
            throw new InvalidRequestException("cancelOrderIds", "name at least one order to cancel");
        }
    }

    /** Cancels of {@code orders} in as few requests as {@link #MAX_ORDERS} allows, in order; none for none. */
    public static List<CancelOrdersRequest> inBatches(MarketId marketId, List<OrderToCancel> orders) {
        List<CancelOrdersRequest> batches = new ArrayList<>();
        for (int from = 0; from < orders.size(); from += MAX_ORDERS) {
            batches.add(new CancelOrdersRequest(marketId, orders.subList(from, Math.min(orders.size(), from + MAX_ORDERS))));
        }
        return batches;
    }
}
