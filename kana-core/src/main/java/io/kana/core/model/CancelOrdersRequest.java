package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;
import java.util.Objects;

/**
 * Orders of one market to cancel in one transaction ({@code cancelMultipleOrders}).
 *
 * @param marketId the market
 * @param orders   the orders, at least one
 */
public record CancelOrdersRequest(MarketId marketId, List<OrderToCancel> orders) {

    public CancelOrdersRequest {
        Objects.requireNonNull(marketId, "marketId");
        orders = List.copyOf(Objects.requireNonNull(orders, "orders"));
        if (orders.isEmpty()) {
            throw new InvalidRequestException("cancelOrderIds", "name at least one order to cancel");
        }
    }
}
