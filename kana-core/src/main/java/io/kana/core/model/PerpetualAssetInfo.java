package io.kana.core.model;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One market as {@code getPerpetualAssetsInfo} describes it. Public sources show these objects shaped
 * like {@code getMarketInfo}'s market objects, so this record carries those fields under their
 * {@link Market} names; none is proven to be always present, so any component but {@code marketId} may
 * be null. No source shows prices, funding rates, open interest or volume here: ask
 * {@link io.kana.core.model.MarketPrice getMarketPrice} and the trade history for those.
 *
 * @param marketId          the market
 * @param baseName          e.g. {@code "APT-USD"} (mainnet) or {@code "APT/USDC"} (testnet)
 * @param baseDecimals      decimals of the base coin
 * @param quoteDecimals     decimals of the quote coin
 * @param lotSize           base subunits per lot
 * @param tickSize          quote subunits per tick per lot
 * @param minLots           smallest order size, in lots
 * @param maxLots           largest order size, in lots
 * @param quotePrecision    decimals shown for prices
 * @param maxLeverage       highest leverage allowed
 * @param maintenanceMargin maintenance margin as the API gives it (basis points)
 * @param maxPositionValue  largest position value
 * @param marketAddress     the market's object address
 * @param marketStatus      the API's status code
 * @param createdAt         creation time
 */
public record PerpetualAssetInfo(
        MarketId marketId,
        String baseName,
        Integer baseDecimals,
        Integer quoteDecimals,
        BigInteger lotSize,
        BigInteger tickSize,
        BigInteger minLots,
        BigInteger maxLots,
        Integer quotePrecision,
        Integer maxLeverage,
        BigInteger maintenanceMargin,
        BigInteger maxPositionValue,
        AccountAddress marketAddress,
        Integer marketStatus,
        Instant createdAt) {}
