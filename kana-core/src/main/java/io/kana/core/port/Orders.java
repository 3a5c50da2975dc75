package io.kana.core.port;

import io.kana.core.model.Fill;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import java.time.Instant;
import java.util.List;

/**
 * Orders, fills and trade history (reads). A null {@code marketId} means all markets.
 *
 * <p>Kana's order and trade objects often do not state the side: {@link Order#side()} is then empty,
 * never guessed, and {@link Order#toCancel()} refuses such an order rather than cancel on a wrong side.
 */
public interface Orders {

    /** {@code GET /getOpenOrders}: open orders as indexed by Kana. */
    List<Order> openOrders(WalletAddress wallet, MarketId marketId);

    /** {@code GET /getOpenOrdersFromContract}: open orders read from the chain. */
    List<Order> openOrdersFromContract(WalletAddress wallet, MarketId marketId);

    /** {@code GET /getAllOpenOrderIds}. */
    List<OrderId> openOrderIds(WalletAddress wallet, MarketId marketId);

    /** {@code GET /getOrderHistory}. */
    List<Order> orderHistory(WalletAddress wallet, MarketId marketId, PageRequest page);

    /** {@code GET /getOrderStatusByOrderId}. */
    Order orderStatus(MarketId marketId, OrderId orderId);

    /** {@code GET /fetchOrderStatusById}: the order with its status (Open, Filled, Partially Filled, Cancelled). */
    Order fetchOrderStatus(MarketId marketId, OrderId orderId);

    /**
     * {@code GET /getFills}: fills in a market over a time range.
     *
     * @param profile the <em>profile</em> address (not the wallet), or null for every account
     * @param orderId only the fills of this order, or null
     */
    List<Fill> fills(MarketId marketId, ProfileAddress profile, TimeRange range, OrderId orderId);

    /**
     * {@code GET /getFillsForGivenTimestamp}: a wallet's fills, optionally bounded in time
     * (sent as epoch seconds).
     *
     * @param from start, or null
     * @param to   end, or null
     */
    List<Fill> fillsBetween(WalletAddress wallet, MarketId marketId, Instant from, Instant to, PageRequest page);

    /** {@code GET /getTradeHistory}. */
    List<Trade> tradeHistory(WalletAddress wallet, MarketId marketId, PageRequest page);
}
