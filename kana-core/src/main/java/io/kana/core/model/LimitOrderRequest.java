package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;

/**
 * A limit order to place ({@code placeLimitOrder}). Size and price are in human units (coins and
 * quote coins per coin); the API scales them to lots and ticks.
 *
 * @param marketId    the market
 * @param side        long or short
 * @param direction   open or close
 * @param size        size in coins, positive
 * @param price       limit price, positive
 * @param leverage    leverage, 1 or more (the market's maximum is checked against the market)
 * @param restriction how the order may meet the book
 * @param takeProfit  take-profit trigger price, zero for none
 * @param stopLoss    stop-loss trigger price, zero for none
 */
public record LimitOrderRequest(
        MarketId marketId,
        Side side,
        Direction direction,
        BigDecimal size,
        BigDecimal price,
        int leverage,
        Restriction restriction,
        BigDecimal takeProfit,
        BigDecimal stopLoss) {

    public LimitOrderRequest {
        Requests.required("marketId", marketId);
        Requests.required("side", side);
        Requests.required("direction", direction);
        Requests.required("restriction", restriction);
        Requests.positive("size", size);
        Requests.positive("price", price);
        Requests.leverage(leverage);
        takeProfit = Requests.zeroOrPositive("takeProfit", takeProfit);
        stopLoss = Requests.zeroOrPositive("stopLoss", stopLoss);
    }

    /** An order with no restriction and no take-profit or stop-loss. */
    public static LimitOrderRequest of(
            MarketId marketId, Side side, Direction direction, BigDecimal size, BigDecimal price, int leverage) {
        return new LimitOrderRequest(marketId, side, direction, size, price, leverage,
                Restriction.NO_RESTRICTION, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public LimitOrderRequest withRestriction(Restriction value) {
        return new LimitOrderRequest(marketId, side, direction, size, price, leverage, value, takeProfit, stopLoss);
    }

    public LimitOrderRequest withTakeProfit(BigDecimal value) {
        return new LimitOrderRequest(marketId, side, direction, size, price, leverage, restriction, value, stopLoss);
    }

    public LimitOrderRequest withStopLoss(BigDecimal value) {
        return new LimitOrderRequest(marketId, side, direction, size, price, leverage, restriction, takeProfit, value);
    }
}
