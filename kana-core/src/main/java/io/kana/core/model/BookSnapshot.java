package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A market's whole order book at one ledger version, as the {@code orderbook} stream sends it.
 *
 * @param marketId           the market
 * @param bids               bid levels, best (highest) first
 * @param asks               ask levels, best (lowest) first
 * @param transactionVersion the ledger version the book reflects, when reported
 */
public record BookSnapshot(MarketId marketId, List<PriceLevel> bids, List<PriceLevel> asks,
        BigInteger transactionVersion) {

    public BookSnapshot {
        Objects.requireNonNull(marketId, "marketId");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** The highest bid, or null when there is none. */
    public BigDecimal bestBid() {
        return bids.isEmpty() ? null : bids.get(0).price();
    }

    /** The lowest ask, or null when there is none. */
    public BigDecimal bestAsk() {
        return asks.isEmpty() ? null : asks.get(0).price();
    }
}
