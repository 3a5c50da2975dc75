package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * A trade: an entry of an account's trade history ({@code getTradeHistory}) or of a market's
 * recent trades ({@code getAllTrades}). Components the endpoint does not report are null; an
 * unknown side is an empty {@code side}.
 *
 * @param marketId           the market
 * @param orderId            the order, when reported
 * @param address            the profile address, when reported
 * @param side               long or short when the API states it ({@code trade_side}, or an
 *                           {@code order_type} whose side is proven); empty when it cannot be known
 * @param orderType          the API's raw {@code order_type}, when reported
 * @param price              price
 * @param size               size (coins)
 * @param orderValue         price times size
 * @param leverage           leverage
 * @param pnl                realised profit and loss
 * @param fee                fee charged
 * @param entryPrice         position entry price, when reported
 * @param tradeId            trade id
 * @param timestamp          trade time
 * @param lastUpdated        last update time
 * @param transactionVersion Aptos ledger version
 */
public record Trade(
        MarketId marketId,
        OrderId orderId,
        ProfileAddress address,
        Optional<Side> side,
        Integer orderType,
        BigDecimal price,
        BigDecimal size,
        BigDecimal orderValue,
        Integer leverage,
        BigDecimal pnl,
        BigDecimal fee,
        BigDecimal entryPrice,
        String tradeId,
        Instant timestamp,
        Instant lastUpdated,
        BigInteger transactionVersion) {

    public Trade {
        side = side == null ? Optional.empty() : side;
    }
}
