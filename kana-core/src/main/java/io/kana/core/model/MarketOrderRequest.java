package io.kana.core.model;

import java.math.BigDecimal;

/**
 * A market order to place ({@code placeMarketOrder}); it takes liquidity at once.
 *
 * @param marketId   the market
 * @param side       long or short
 * @param direction  open or close
 * @param size       size in coins, positive
 * @param leverage   leverage, 1 or more
 * @param takeProfit take-profit trigger price, zero for none
 * @param stopLoss   stop-loss trigger price, zero for none
 */
public record MarketOrderRequest(
        MarketId marketId,
        Side side,
        Direction direction,
        BigDecimal size,
        int leverage,
        BigDecimal takeProfit,
        BigDecimal stopLoss) {

    public MarketOrderRequest {
        Requests.required("marketId", marketId);
        Requests.required("side", side);
        Requests.required("direction", direction);
        Requests.positive("size", size);
        Requests.leverage(leverage);
        takeProfit = Requests.zeroOrPositive("takeProfit", takeProfit);
        stopLoss = Requests.zeroOrPositive("stopLoss", stopLoss);
    }

    /** A market order with no take-profit or stop-loss. */
    public static MarketOrderRequest of(MarketId marketId, Side side, Direction direction, BigDecimal size, int leverage) {
        return new MarketOrderRequest(marketId, side, direction, size, leverage, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public MarketOrderRequest withTakeProfit(BigDecimal value) {
        return new MarketOrderRequest(marketId, side, direction, size, leverage, value, stopLoss);
    }

    public MarketOrderRequest withStopLoss(BigDecimal value) {
        return new MarketOrderRequest(marketId, side, direction, size, leverage, takeProfit, value);
    }
}
