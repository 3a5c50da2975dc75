package io.kana.core.model;

import java.math.BigDecimal;

/**
 * Summary of a perpetual market ({@code getPerpetualAssetsInfo}). Components the API omits are null.
 *
 * @param marketId      the market
 * @param baseName      e.g. {@code "APT/USDC"}
 * @param baseDecimals  decimals of the base coin
 * @param quoteDecimals decimals of the quote coin
 * @param maxLeverage   highest leverage
 * @param lastPrice     last traded price, when reported
 * @param markPrice     mark price, when reported
 * @param fundingRate   current funding rate, when reported
 * @param openInterest  open interest, when reported
 * @param volume24h     24 hour volume, when reported
 */
public record PerpetualAssetInfo(
        MarketId marketId,
        String baseName,
        Integer baseDecimals,
        Integer quoteDecimals,
        Integer maxLeverage,
        BigDecimal lastPrice,
        BigDecimal markPrice,
        BigDecimal fundingRate,
        BigDecimal openInterest,
        BigDecimal volume24h) {}
