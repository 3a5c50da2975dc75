package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * One execution of an order against another ({@code getFills}, {@code getFillsForGivenTimestamp}).
 *
 * @param marketId           the market
 * @param orderId            the order that filled, when reported
 * @param address            the profile address, when reported
 * @param side               the side of this account's order when the API states it
 *                           ({@code trade_side}); empty otherwise
 * @param price              execution price
 * @param size               executed size (coins)
 * @param fee                fee charged, when reported
 * @param maker              whether this side was the resting (maker) order, when reported
 * @param tradeId            trade id
 * @param timestamp          execution time
 * @param transactionVersion Aptos ledger version
 */
public record Fill(
        MarketId marketId,
        OrderId orderId,
        ProfileAddress address,
        Optional<Side> side,
        BigDecimal price,
        BigDecimal size,
        BigDecimal fee,
        Boolean maker,
        String tradeId,
        Instant timestamp,
        BigInteger transactionVersion) {

    public Fill {
        side = side == null ? Optional.empty() : side;
    }
}
