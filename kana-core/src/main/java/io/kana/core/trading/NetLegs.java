package io.kana.core.trading;

import io.kana.core.model.Direction;
import io.kana.core.model.MarketRules;
import io.kana.core.model.NetOrder;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hedge-mode orders for a list of net orders (buy or sell so many coins): {@code specs}, each with
 * its order's tag in {@code specTags}, and the reduce-only orders left with nothing to reduce.
 */
record NetLegs(List<OrderSpec> specs, List<String> specTags, List<NetOrder> skipped) {

    /**
     * Splits each wanted net order into a closing leg (up to what {@code closable} still holds on the
     * side it closes) and an opening leg for the rest, moving size between them so that no leg is
     * below the market's minimum; a reduce-only order gets no opening leg.
     *
     * @param closable coins free to close per side
     */
    static NetLegs of(MarketRules rules, Map<Side, BigDecimal> closable, List<NetOrder> wanted) {
        Map<Side, BigDecimal> free = new EnumMap<>(Side.class);
        free.putAll(closable);
        BigDecimal min = rules.minSize();
        List<OrderSpec> specs = new ArrayList<>();
        List<String> specTags = new ArrayList<>();
        List<NetOrder> skipped = new ArrayList<>();
        for (NetOrder order : wanted) {
            Side closes = order.action().closes();
            BigDecimal available = free.getOrDefault(closes, BigDecimal.ZERO).max(BigDecimal.ZERO);
            BigDecimal close = order.size().min(available);
            BigDecimal open = order.reduceOnly() ? BigDecimal.ZERO : order.size().subtract(close);
            if (close.signum() > 0 && close.compareTo(min) < 0) {
                close = BigDecimal.ZERO;
                open = order.reduceOnly() ? BigDecimal.ZERO : order.size();
            }
            if (open.signum() > 0 && open.compareTo(min) < 0) {
                BigDecimal shift = min.subtract(open);
                if (close.subtract(shift).compareTo(min) >= 0) {
                    close = close.subtract(shift);
                    open = min;
                } else {
                    close = BigDecimal.ZERO;
                    open = order.size();
                }
            }
            if (close.signum() == 0 && open.signum() == 0) {
                skipped.add(order);
                continue;
            }
            free.put(closes, available.subtract(close));
            if (close.signum() > 0) {
                specs.add(spec(order, closes, Direction.CLOSE, close));
                specTags.add(order.tag());
            }
            if (open.signum() > 0) {
                specs.add(spec(order, order.action().opens(), Direction.OPEN, open));
                specTags.add(order.tag());
            }
        }
        return new NetLegs(List.copyOf(specs), specTags, List.copyOf(skipped));
    }

    private static OrderSpec spec(NetOrder order, Side side, Direction direction, BigDecimal size) {
        return order.isMarket() ? OrderSpec.market(side, direction, size, order.leverage())
                : OrderSpec.limit(side, direction, size, order.price(), order.leverage());
    }
}
