package io.kana.benchmarks;

import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A cycle of resting limit orders for the sandbox's APT market (mark 5.000): longs from 4.401 to
 * 4.500, shorts from 5.500 to 5.599, alternating. The two sides never cross, so every order rests
 * and every placement costs the exchange the same.
 */
final class RestingOrders {

    static final MarketId APT = MarketId.of(1338);
    /** The market's minimum size (500 lots of 0.001 APT). */
    static final BigDecimal SIZE = new BigDecimal("0.5");
    static final int LEVERAGE = 10;
    /** Price levels per side. */
    private static final int LEVELS = 100;

    private static final List<LimitOrderRequest> CYCLE = cycle();

    private int next;

    private RestingOrders() {}

    /** The requests of one cycle, in the order {@link #next()} hands them out. */
    static List<LimitOrderRequest> all() {
        return CYCLE;
    }

    /** A fresh cursor at the start of the cycle; not thread-safe. */
    static RestingOrders cursor() {
        return new RestingOrders();
    }

    /** The index in {@link #all()} of the next request, then advances. */
    int nextIndex() {
        int index = next;
        next = index + 1 == CYCLE.size() ? 0 : index + 1;
        return index;
    }

    LimitOrderRequest next() {
        return CYCLE.get(nextIndex());
    }

    private static List<LimitOrderRequest> cycle() {
        BigDecimal tick = new BigDecimal("0.001");
        BigDecimal highestBid = new BigDecimal("4.500");
        BigDecimal lowestAsk = new BigDecimal("5.500");
        List<LimitOrderRequest> orders = new ArrayList<>(2 * LEVELS);
        for (int level = 0; level < LEVELS; level++) {
            BigDecimal offset = tick.multiply(BigDecimal.valueOf(level));
            orders.add(LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, SIZE, highestBid.subtract(offset), LEVERAGE));
            orders.add(LimitOrderRequest.of(APT, Side.SHORT, Direction.OPEN, SIZE, lowestAsk.add(offset), LEVERAGE));
        }
        return List.copyOf(orders);
    }
}
