package io.kana.core.model;

import java.math.BigDecimal;

/**
 * Best prices of a market's book.
 *
 * @param bestBid highest bid, or null when there is none
 * @param bestAsk lowest ask, or null when there is none
 */
public record MarketPrice(BigDecimal bestBid, BigDecimal bestAsk) {}
