package io.kana.sandbox;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One market's resting limit orders with price-time priority: best price first, then oldest first. */
final class OrderBook {

    private final NavigableMap<Long, Deque<LiveOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Deque<LiveOrder>> asks = new TreeMap<>();
    private final Map<BigInteger, LiveOrder> byId = new LinkedHashMap<>();

    void add(LiveOrder order) {
        side(order.isBuy()).computeIfAbsent(order.priceTicks, p -> new ArrayDeque<>()).addLast(order);
        byId.put(order.id, order);
    }

    LiveOrder get(BigInteger id) {
        return byId.get(id);
    }

    void remove(LiveOrder order) {
        NavigableMap<Long, Deque<LiveOrder>> side = side(order.isBuy());
        Deque<LiveOrder> level = side.get(order.priceTicks);
        level.remove(order);
        if (level.isEmpty()) {
            side.remove(order.priceTicks);
        }
        byId.remove(order.id);
    }

    /** The order an incoming buy (or sell) would meet first, or null when that side is empty. */
    LiveOrder bestOpposite(boolean incomingBuy) {
        Map.Entry<Long, Deque<LiveOrder>> best = side(!incomingBuy).firstEntry();
        return best == null ? null : best.getValue().peekFirst();
    }

    Long bestBid() {
        return bids.isEmpty() ? null : bids.firstKey();
    }

    Long bestAsk() {
        return asks.isEmpty() ? null : asks.firstKey();
    }

    /** Lots an incoming order could take at prices no worse than {@code limitTicks} (any price if market). */
    long liquidity(boolean incomingBuy, boolean market, long limitTicks) {
        long lots = 0;
        for (Map.Entry<Long, Deque<LiveOrder>> level : side(!incomingBuy).entrySet()) {
            if (!market && !crosses(incomingBuy, limitTicks, level.getKey())) {
                break;
            }
            for (LiveOrder o : level.getValue()) {
                lots = Math.addExact(lots, o.remaining);
            }
        }
        return lots;
    }

    static boolean crosses(boolean incomingBuy, long limitTicks, long restingTicks) {
        return incomingBuy ? restingTicks <= limitTicks : restingTicks >= limitTicks;
    }

    /** Every resting order, in placement order. */
    List<LiveOrder> orders() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    OrderBook copy() {
        OrderBook c = new OrderBook();
        Map<BigInteger, LiveOrder> copies = new LinkedHashMap<>();
        byId.forEach((id, o) -> copies.put(id, o.copy()));
        copyLevels(bids, c.bids, copies);
        copyLevels(asks, c.asks, copies);
        c.byId.putAll(copies);
        return c;
    }

    private static void copyLevels(NavigableMap<Long, Deque<LiveOrder>> from, NavigableMap<Long, Deque<LiveOrder>> to,
            Map<BigInteger, LiveOrder> copies) {
        from.forEach((price, level) -> {
            Deque<LiveOrder> copy = new ArrayDeque<>(level.size());
            level.forEach(o -> copy.addLast(copies.get(o.id)));
            to.put(price, copy);
        });
    }

    private NavigableMap<Long, Deque<LiveOrder>> side(boolean buy) {
        return buy ? bids : asks;
    }
}
