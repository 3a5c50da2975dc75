package io.kana.core.trading;

import io.kana.core.error.RiskLimitException;
import io.kana.core.model.Direction;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Admits new orders, before any request: refuses all while the {@link KillSwitch} is engaged, else
 * checks them against the {@link RiskLimits}. Thread-safe.
 */
final class OrderGate {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final RiskLimits limits;
    private final RiskState state;
    private final KillSwitch killSwitch;
    private final LongSupplier nanoTime;
    /** When the orders of the last second were admitted, one entry per order; guarded by itself. */
    private final Deque<Long> recent = new ArrayDeque<>();

    OrderGate(RiskLimits limits, RiskState state, KillSwitch killSwitch, LongSupplier nanoTime) {
        this.limits = limits;
        this.state = state;
        this.killSwitch = killSwitch;
        this.nanoTime = nanoTime;
    }

    /**
     * One order to be placed.
     *
     * @param price the limit price, or null for a market order
     */
    record NewOrder(MarketId market, Side side, Direction direction, BigDecimal size, BigDecimal price) {}

    /** The orders of a batch in {@code market}. */
    static List<NewOrder> newOrders(MarketId market, List<OrderSpec> specs) {
        List<NewOrder> orders = new ArrayList<>(specs.size());
        for (OrderSpec spec : specs) {
            orders.add(new NewOrder(market, spec.side(), spec.direction(), spec.size(),
                    spec.type() == OrderType.LIMIT ? spec.price() : null));
        }
        return orders;
    }

    /** @throws RiskLimitException naming the first limit the orders break */
    void admit(List<NewOrder> orders) {
        String halted = killSwitch.haltReason();
        if (halted != null) {
            throw new RiskLimitException("halted", "trading is halted (" + halted + ")");
        }
        if (limits.dailyLossStop() != null && opening(orders)) {
            BigDecimal loss = state.realisedLossToday();
            if (loss.compareTo(limits.dailyLossStop()) >= 0) {
                throw new RiskLimitException("dailyLossStop", "today's realised loss " + loss.toPlainString()
                        + " has reached the stop of " + limits.dailyLossStop().toPlainString());
            }
        }
        if (limits.maxOpenOrders() != null) {
            int open = state.openOrders();
            if ((long) open + orders.size() > limits.maxOpenOrders()) {
                throw new RiskLimitException("maxOpenOrders", open + " orders are open; " + orders.size()
                        + " more would exceed " + limits.maxOpenOrders());
            }
        }
        for (NewOrder order : orders) {
            check(order);
        }
        if (limits.maxPosition() != null) {
            checkPositions(orders);
        }
        if (limits.maxOrdersPerSecond() != null) {
            rate(orders.size());
        }
    }

    private void check(NewOrder order) {
        Optional<BigDecimal> reference = Optional.empty();
        if (limits.priceBandPercent() != null || (limits.maxOrderNotional() != null && order.price() == null)) {
            reference = state.referencePrice(order.market());
        }
        if (limits.priceBandPercent() != null && order.price() != null) {
            BigDecimal ref = reference.orElseThrow(() -> new RiskLimitException("priceBand",
                    "no reference price is known for market " + order.market().value()));
            BigDecimal distance = order.price().subtract(ref).abs().multiply(HUNDRED)
                    .divide(ref, 8, RoundingMode.UP);
            if (distance.compareTo(limits.priceBandPercent()) > 0) {
                throw new RiskLimitException("priceBand", "price " + order.price().toPlainString() + " is "
                        + distance.stripTrailingZeros().toPlainString() + "% from the reference "
                        + ref.toPlainString() + "; the band is " + limits.priceBandPercent().toPlainString() + "%");
            }
        }
        if (limits.maxOrderNotional() != null) {
            BigDecimal price = order.price() != null ? order.price() : reference.orElseThrow(() ->
                    new RiskLimitException("maxOrderNotional", "a market order in market " + order.market().value()
                            + " cannot be valued: no reference price is known"));
            BigDecimal notional = order.size().multiply(price);
            if (notional.compareTo(limits.maxOrderNotional()) > 0) {
                throw new RiskLimitException("maxOrderNotional", "size " + order.size().toPlainString() + " x price "
                        + price.toPlainString() + " = " + notional.toPlainString() + " exceeds "
                        + limits.maxOrderNotional().toPlainString());
            }
        }
    }

    /** Each market's position once every opening order of the call filled, against the limit. */
    private void checkPositions(List<NewOrder> orders) {
        Map<MarketId, BigDecimal> projected = new HashMap<>();
        for (NewOrder order : orders) {
            if (order.direction() == Direction.CLOSE) {
                continue;
            }
            BigDecimal signed = order.side() == Side.LONG ? order.size() : order.size().negate();
            projected.merge(order.market(), signed, BigDecimal::add);
        }
        projected.forEach((market, change) -> {
            BigDecimal after = state.position(market).add(change);
            if (after.abs().compareTo(limits.maxPosition()) > 0) {
                throw new RiskLimitException("maxPosition", "the position in market " + market.value() + " would be "
                        + after.toPlainString() + "; the limit is " + limits.maxPosition().toPlainString());
            }
        });
    }

    private void rate(int count) {
        long now = nanoTime.getAsLong();
        synchronized (recent) {
            while (!recent.isEmpty() && now - recent.peekFirst() >= SECOND_NANOS) {
                recent.pollFirst();
            }
            if (recent.size() + count > limits.maxOrdersPerSecond()) {
                throw new RiskLimitException("maxOrdersPerSecond", recent.size() + " orders in the last second; "
                        + count + " more would exceed " + limits.maxOrdersPerSecond());
            }
            for (int i = 0; i < count; i++) {
                recent.addLast(now);
            }
        }
    }

    private static boolean opening(List<NewOrder> orders) {
        return orders.stream().anyMatch(order -> order.direction() == Direction.OPEN);
    }
}
