package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A funding payment on a position ({@code getFundingHistory}).
 *
 * @param marketId           the market
 * @param address            the profile address
 * @param side               the position's side, when reported
 * @param fundingRate        the rate applied, when reported
 * @param amount             amount paid (negative) or received (positive)
 * @param positionSize       position size at funding time, when reported
 * @param timestamp          funding time
 * @param transactionVersion Aptos ledger version, when reported
 */
public record FundingPayment(
        MarketId marketId,
        ProfileAddress address,
        Side side,
        BigDecimal fundingRate,
        BigDecimal amount,
        BigDecimal positionSize,
        Instant timestamp,
        BigInteger transactionVersion) {}
