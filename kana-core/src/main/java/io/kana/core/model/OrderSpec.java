package io.kana.core.model;

import java.math.BigDecimal;

/**
 * One order of a batch ({@code placeMultipleOrders}, {@code cancelAndPlaceMultipleOrders}).
 *
 * @param type       limit or market
 * @param side       long or short
 * @param direction  open or close
 * @param size       size in coins, positive
 * @param price      limit price; zero for a market order
 * @param leverage   leverage, 1 or more
 * @param takeProfit take-profit trigger price, zero for none
 * @param stopLoss   stop-loss trigger price, zero for none
 */
public record OrderSpec(
        OrderType type,
        Side side,
        Direction direction,
        BigDecimal size,
        BigDecimal price,
        int leverage,
        BigDecimal takeProfit,
        BigDecimal stopLoss) {

    public OrderSpec {
        Requests.required("type", type);
        Requests.required("side", side);
        Requests.required("direction", direction);
        Requests.positive("size", size);
        if (type == OrderType.LIMIT) {
            Requests.positive("price", price);
        } else {
            price = Requests.zeroOrPositive("price", price);
        }
        Requests.leverage(leverage);
        takeProfit = Requests.zeroOrPositive("takeProfit", takeProfit);
        stopLoss = Requests.zeroOrPositive("stopLoss", stopLoss);
    }

    public static OrderSpec limit(Side side, Direction direction, BigDecimal size, BigDecimal price, int leverage) {
        return new OrderSpec(OrderType.LIMIT, side, direction, size, price, leverage, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public static OrderSpec market(Side side, Direction direction, BigDecimal size, int leverage) {
        return new OrderSpec(OrderType.MARKET, side, direction, size, BigDecimal.ZERO, leverage,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
