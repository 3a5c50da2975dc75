package io.kana.core.trading;

import io.kana.core.model.Fill;
import io.kana.core.model.NetOrder;
import io.kana.core.model.OrderId;
import io.kana.core.model.PlacedOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link NetTrader} placement did: the transaction, the orders it created with their ids, and
 * what filled at once.
 *
 * <p>Ids and fills are read back after the commit from the order-history and fill endpoints: the
 * records whose {@code transaction_version} is the committed transaction's version (documented
 * fields; no public source shows the events a placement emits, so the SDK does not read them). An
 * indexer that has not caught up yet leaves ids empty ({@link #allOrderIdsKnown()} is then false).
 *
 * @param transaction the committed transaction; null when there was nothing to send
 * @param cancelled   the orders cancelled in the same transaction
 * @param orders      the orders sent, in the order they were sent
 * @param fills       this account's fills of those orders in this transaction
 * @param skipped     reduce-only orders with nothing to reduce, so not sent
 * @param attempts    transactions it took: 2 when the first aborted because an order was gone
 */
public record Placement(TradeResult transaction, List<OrderId> cancelled, List<PlacedOrder> orders, List<Fill> fills,
        List<NetOrder> skipped, int attempts) {

    public Placement {
        cancelled = List.copyOf(cancelled);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        skipped = List.copyOf(skipped);
    }

    /** Whether a transaction was sent. */
    public boolean sent() {
        return transaction != null;
    }

    /** The ids of the orders created, as far as known. */
    public List<OrderId> orderIds() {
        return orders.stream().flatMap(o -> o.orderId().stream()).toList();
    }

    /** Whether every order sent was found with its id. */
    public boolean allOrderIdsKnown() {
        return orders.stream().allMatch(o -> o.orderId().isPresent());
    }

    /** Coins filled at once; zero when nothing filled (a market order into an empty book, a resting limit). */
    public BigDecimal filledSize() {
        return fills.stream().map(Fill::size).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether nothing filled in this transaction. */
    public boolean nothingFilled() {
        return filledSize().signum() == 0;
    }

    /** The size-weighted average fill price (34 significant digits); empty when nothing filled. */
    public Optional<BigDecimal> averagePrice() {
        BigDecimal size = filledSize();
        if (size.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal notional = fills.stream().map(f -> f.price().multiply(f.size())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(notional.divide(size, MathContext.DECIMAL128).stripTrailingZeros());
    }
}
