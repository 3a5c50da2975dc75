package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;

/**
 * Pre-trade limits, checked locally before any request of an order-placing operation; a violation is
 * a {@link io.kana.core.error.RiskLimitException} and sends nothing. Each limit is off until set.
 * Limits that need the account's state (open orders, positions, reference prices, the day's realised
 * loss) read it from the {@link RiskState} given to the trader.
 *
 * @param maxOrderNotional   largest size x price of one order, in quote coins (a market order is
 *                           valued at the reference price)
 * @param maxOpenOrders      most open orders across all markets, counting the new ones
 * @param maxPosition        largest absolute position per market in base coins, once an opening order
 *                           filled completely
 * @param priceBandPercent   largest distance of a limit price from the market's reference price, in %
 * @param maxOrdersPerSecond most orders placed in any second (a batch counts each of its orders)
 * @param dailyLossStop      no more opening orders once the day's realised loss reaches this, in quote coins
 */
public record RiskLimits(BigDecimal maxOrderNotional, Integer maxOpenOrders, BigDecimal maxPosition,
        BigDecimal priceBandPercent, Integer maxOrdersPerSecond, BigDecimal dailyLossStop) {

    public RiskLimits {
        positive(maxOrderNotional, "maxOrderNotional");
        positive(maxPosition, "maxPosition");
        positive(priceBandPercent, "priceBandPercent");
        positive(dailyLossStop, "dailyLossStop");
        if (maxOpenOrders != null && maxOpenOrders < 0) {
            throw new InvalidRequestException("maxOpenOrders", "0 or more, got " + maxOpenOrders);
        }
        if (maxOrdersPerSecond != null && maxOrdersPerSecond < 1) {
            throw new InvalidRequestException("maxOrdersPerSecond", "1 or more, got " + maxOrdersPerSecond);
        }
    }

    /** No limits. */
    public static RiskLimits none() {
        return new RiskLimits(null, null, null, null, null, null);
    }

    public RiskLimits withMaxOrderNotional(BigDecimal value) {
        return new RiskLimits(value, maxOpenOrders, maxPosition, priceBandPercent, maxOrdersPerSecond, dailyLossStop);
    }

    public RiskLimits withMaxOpenOrders(int value) {
        return new RiskLimits(maxOrderNotional, value, maxPosition, priceBandPercent, maxOrdersPerSecond, dailyLossStop);
    }

    public RiskLimits withMaxPosition(BigDecimal value) {
        return new RiskLimits(maxOrderNotional, maxOpenOrders, value, priceBandPercent, maxOrdersPerSecond, dailyLossStop);
    }

    public RiskLimits withPriceBandPercent(BigDecimal value) {
        return new RiskLimits(maxOrderNotional, maxOpenOrders, maxPosition, value, maxOrdersPerSecond, dailyLossStop);
    }

    public RiskLimits withMaxOrdersPerSecond(int value) {
        return new RiskLimits(maxOrderNotional, maxOpenOrders, maxPosition, priceBandPercent, value, dailyLossStop);
    }

    public RiskLimits withDailyLossStop(BigDecimal value) {
        return new RiskLimits(maxOrderNotional, maxOpenOrders, maxPosition, priceBandPercent, maxOrdersPerSecond, value);
    }

    /** Whether a limit reads the {@link RiskState}: all but the order rate (a market order's notional needs its price). */
    boolean needsState() {
        return maxOpenOrders != null || maxPosition != null || priceBandPercent != null || dailyLossStop != null
                || maxOrderNotional != null;
    }

    private static void positive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new InvalidRequestException(name, "a limit is positive, got " + value.toPlainString());
        }
    }
}
