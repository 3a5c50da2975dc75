package io.kana.core.trading;

import io.kana.core.error.KanaException;
import io.kana.core.model.AccountFill;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.Side;
import io.kana.core.port.Orders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a {@link NetTrader} remembers of the orders it placed (market, side, direction, client tag),
 * which the wire's order and fill objects may not say, and the directions of other orders, looked up
 * once for their fills. Thread-safe.
 */
final class OwnOrders {

    /** One order this trader placed. */
    record Known(MarketId marketId, Side side, Direction direction, String tag) {}

    private final Orders orders;
    private final ConcurrentMap<OrderId, Known> known = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<OrderId>> tags = new ConcurrentHashMap<>();
    private final ConcurrentMap<OrderId, Optional<Direction>> looked = new ConcurrentHashMap<>();

    OwnOrders(Orders orders) {
        this.orders = orders;
    }

    /** The order, if this trader placed it; else null. */
    Known get(OrderId id) {
        return known.get(id);
    }

    /** The order ids the tag's orders got, as far as read back; empty for an unknown tag. */
    List<OrderId> tagged(String tag) {
        return tags.getOrDefault(tag, List.of());
    }

    void remember(OrderId id, MarketId marketId, OrderSpec spec, String tag) {
        known.put(id, new Known(marketId, spec.side(), spec.direction(), tag));
        if (tag != null) {
            tags.merge(tag, List.of(id), (before, added) -> {
                List<OrderId> all = new ArrayList<>(before);
                all.addAll(added);
                return List.copyOf(all);
            });
        }
    }

    /** The fill with the side, direction and tag of its order, as far as known or looked up once. */
    AccountFill directed(Fill fill) {
        Known mine = fill.orderId() == null ? null : known.get(fill.orderId());
        if (mine != null) {
            return new AccountFill(fill, Optional.of(mine.side()), Optional.of(mine.direction()), mine.tag());
        }
        Optional<Direction> direction = fill.orderId() == null ? Optional.empty()
                : looked.computeIfAbsent(fill.orderId(), id -> lookUpDirection(fill.marketId(), id));
        return new AccountFill(fill, fill.side(), direction, null);
    }

    private Optional<Direction> lookUpDirection(MarketId marketId, OrderId id) {
        try {
            return Optional.ofNullable(orders.orderStatus(marketId, id).direction());
        } catch (KanaException e) {
            return Optional.empty();
        }
    }
}
