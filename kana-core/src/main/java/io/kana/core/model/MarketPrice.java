package io.kana.core.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Best prices of a market's book ({@code getMarketPrice}). Kana's API offers no mark price for a
 * market (no public response shows one); the last execution price is {@code getLastPlacedPrice}.
 *
 * @param bestBid highest bid, or null when there is none
 * @param bestAsk lowest ask, or null when there is none
 */
public record MarketPrice(BigDecimal bestBid, BigDecimal bestAsk) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** The mid price {@code (bid + ask) / 2}, exact; empty unless both sides of the book are quoted. */
    public Optional<BigDecimal> mid() {
        return bothSides() ? Optional.of(bestBid.add(bestAsk).divide(TWO, MathContext.UNLIMITED)) : Optional.empty();
    }

    /** {@code ask - bid}; empty unless both sides of the book are quoted. */
    public Optional<BigDecimal> spread() {
        return bothSides() ? Optional.of(bestAsk.subtract(bestBid)) : Optional.empty();
    }

    private boolean bothSides() {
        return bestBid != null && bestAsk != null;
    }
}
