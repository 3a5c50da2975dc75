package io.kana.core.trading;

import io.kana.core.error.KanaException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Orders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The halt of a trader and its copies: once engaged, the {@link OrderGate} refuses every new order;
 * {@link #halt} also cancels every open order of the wallet on every market. Cancelling needs no
 * new order, so it goes through while halted. Thread-safe.
 */
final class KillSwitch {

    private static final System.Logger LOG = System.getLogger(KillSwitch.class.getName());

    private final Orders orders;
    private final Executor executor;
    private volatile String reason;

    /** @param orders where open orders are read, or null (a halt then only refuses new orders) */
    KillSwitch(Orders orders, Executor executor) {
        this.orders = orders;
        this.executor = executor;
    }

    /** Why trading is halted, or null while it is not. */
    String haltReason() {
        return reason;
    }

    void resume() {
        reason = null;
    }

    /** Engages the switch, then cancels the open orders of {@code wallet} through {@code trader}. */
    CompletableFuture<HaltReport> halt(String why, KanaTrader trader, AccountAddress wallet) {
        reason = why;
        LOG.log(System.Logger.Level.WARNING, "trading halted: " + why);
        if (orders == null) {
            return CompletableFuture.completedFuture(new HaltReport(why, Map.of(), 0,
                    List.of("no Orders port was configured: open orders were not read, none was cancelled")));
        }
        return CompletableFuture.supplyAsync(() -> orders.openOrdersFromContract(WalletAddress.of(wallet), null), executor)
                .thenCompose(open -> cancelAll(why, open, trader));
    }

    private CompletableFuture<HaltReport> cancelAll(String why, List<Order> open, KanaTrader trader) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Map<MarketId, List<OrderToCancel>> byMarket = new LinkedHashMap<>();
        for (Order order : open) {
            if (order.side().isEmpty()) {
                problems.add("order " + order.orderId() + " in market " + order.marketId().value()
                        + ": its side is unknown, so no cancel can address it");
                continue;
            }
            byMarket.computeIfAbsent(order.marketId(), m -> new ArrayList<>()).add(order.toCancel());
        }
        Map<MarketId, List<OrderId>> cancelled = new ConcurrentHashMap<>();
        AtomicInteger transactions = new AtomicInteger();
        List<CompletableFuture<Void>> cancels = new ArrayList<>();
        byMarket.forEach((market, toCancel) -> {
            for (CancelOrdersRequest request : CancelOrdersRequest.inBatches(market, toCancel)) {
                List<OrderToCancel> batch = request.orders();
                cancels.add(trader.cancelMultipleOrders(request).handle((result, failure) -> {
                    if (failure == null) {
                        transactions.incrementAndGet();
                        cancelled.computeIfAbsent(market, m -> Collections.synchronizedList(new ArrayList<>()))
                                .addAll(batch.stream().map(OrderToCancel::orderId).toList());
                    } else {
                        Throwable cause = Futures.unwrap(failure);
                        problems.add(batch.size() + " orders in market " + market.value() + ": " + cause.getMessage()
                                + (cause instanceof KanaException kana && kana.effectMayExist()
                                        ? " (the cancel may still take effect)" : ""));
                    }
                    return null;
                }));
            }
        });
        return CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<MarketId, List<OrderId>> copy = new LinkedHashMap<>();
            cancelled.forEach((market, ids) -> copy.put(market, List.copyOf(ids)));
            return new HaltReport(why, copy, transactions.get(), problems);
        });
    }
}
