package io.kana.core.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A market's funding rate as the {@code live_funding_rate} stream announces it.
 *
 * @param marketId  the market
 * @param rate      the rate applied per funding interval (e.g. 0.0001)
 * @param timestamp when it was applied, when reported
 */
public record FundingRate(MarketId marketId, BigDecimal rate, Instant timestamp) {}
