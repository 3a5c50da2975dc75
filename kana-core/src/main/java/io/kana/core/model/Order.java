package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * An order as the open-order, order-history and order-status endpoints report it. The endpoints
 * differ in which fields they fill; any component but {@code orderId} and {@code marketId} may be null.
 *
 * @param orderId            the order id
 * @param marketId           the market
 * @param address            the profile address that owns the order
 * @param side               long or short, when the API says (derived from {@code order_type} otherwise)
 * @param direction          open or close, when the API says
 * @param orderType          the API's raw {@code order_type} code
 * @param marketOrder        whether it was a market order
 * @param price              limit price (quote per coin)
 * @param size               original size (coins)
 * @param remainingSize      size still open (coins)
 * @param filledSize         size filled so far (coins)
 * @param orderValue         price times size
 * @param leverage           leverage
 * @param status             status, when the endpoint reports one
 * @param tradeId            trade id
 * @param createdAt          creation time
 * @param lastUpdated        last update time
 * @param transactionVersion Aptos ledger version of the last change
 */
public record Order(
        OrderId orderId,
        MarketId marketId,
        AccountAddress address,
        Side side,
        Direction direction,
        Integer orderType,
        Boolean marketOrder,
        BigDecimal price,
        BigDecimal size,
        BigDecimal remainingSize,
        BigDecimal filledSize,
        BigDecimal orderValue,
        Integer leverage,
        OrderStatus status,
        String tradeId,
        Instant createdAt,
        Instant lastUpdated,
        BigInteger transactionVersion) {}
