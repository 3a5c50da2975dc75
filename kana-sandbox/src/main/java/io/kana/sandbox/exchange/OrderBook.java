package io.kana.sandbox.exchange;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One market's resting limit orders with price-time priority: best price first, then oldest first
 * (levels are keyed by the orders' placement sequence). Changes are recorded in a {@link Journal} so
 * that an aborted transaction can undo them.
 */
public final class OrderBook {

    private final NavigableMap<Long, NavigableMap<Long, LiveOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, NavigableMap<Long, LiveOrder>> asks = new TreeMap<>();
    private final NavigableMap<BigInteger, LiveOrder> byId = new TreeMap<>();

    void add(LiveOrder order, Journal journal) {
        insert(order);
        journal.onRollback(() -> delete(order));
    }

    void remove(LiveOrder order, Journal journal) {
        delete(order);
        journal.onRollback(() -> insert(order));
    }

    public LiveOrder get(BigInteger id) {
        return byId.get(id);
    }

    /** The order an incoming buy (or sell) would meet first, or null when that side is empty. */
    LiveOrder bestOpposite(boolean incomingBuy) {
        Map.Entry<Long, NavigableMap<Long, LiveOrder>> best = side(!incomingBuy).firstEntry();
        return best == null ? null : best.getValue().firstEntry().getValue();
    }

    public Long bestBid() {
        return bids.isEmpty() ? null : bids.firstKey();
    }

    public Long bestAsk() {
        return asks.isEmpty() ? null : asks.firstKey();
    }

    /** Lots an incoming order could take at prices no worse than {@code limitTicks} (any price if market). */
    long liquidity(boolean incomingBuy, boolean market, long limitTicks) {
        long lots = 0;
        for (Map.Entry<Long, NavigableMap<Long, LiveOrder>> level : side(!incomingBuy).entrySet()) {
            if (!market && !crosses(incomingBuy, limitTicks, level.getKey())) {
                break;
            }
            for (LiveOrder o : level.getValue().values()) {
                lots = Math.addExact(lots, o.remaining);
            }
        }
        return lots;
    }

    static boolean crosses(boolean incomingBuy, long limitTicks, long restingTicks) {
        return incomingBuy ? restingTicks <= limitTicks : restingTicks >= limitTicks;
    }

    /** Every resting order, by id (which is placement order within a market). */
    public List<LiveOrder> orders() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    private void insert(LiveOrder order) {
        side(order.isBuy()).computeIfAbsent(order.priceTicks, p -> new TreeMap<>()).put(order.sequence, order);
        byId.put(order.id, order);
    }

    private void delete(LiveOrder order) {
        NavigableMap<Long, NavigableMap<Long, LiveOrder>> side = side(order.isBuy());
        NavigableMap<Long, LiveOrder> level = side.get(order.priceTicks);
        level.remove(order.sequence);
        if (level.isEmpty()) {
            side.remove(order.priceTicks);
        }
        byId.remove(order.id);
    }

    private NavigableMap<Long, NavigableMap<Long, LiveOrder>> side(boolean buy) {
        return buy ? bids : asks;
    }
}
