package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.List;

/**
 * Several orders in one market, placed in one transaction ({@code placeMultipleOrders}).
 *
 * @param marketId    the market
 * @param orders      the orders, at least one
 * @param restriction restriction applied to the limit orders of the batch
 */
public record MultipleOrdersRequest(MarketId marketId, List<OrderSpec> orders, Restriction restriction) {

    public MultipleOrdersRequest {
        Requests.required("marketId", marketId);
        Requests.required("restriction", restriction);
        orders = Requests.list("orders", orders, Requests.MAX_BATCH_ORDERS);
        if (orders.isEmpty()) {
            throw new InvalidRequestException("orders", "a batch holds at least one order");
        }
    }

    public static MultipleOrdersRequest of(MarketId marketId, List<OrderSpec> orders) {
        return new MultipleOrdersRequest(marketId, orders, Restriction.NO_RESTRICTION);
    }
}
