package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A perpetual market and its trading rules, as {@code getMarketInfo} describes it.
 *
 * <p>Units follow Kana's (Econia-style) order book: sizes are counted in lots of {@code lotSize}
 * base subunits ({@code 10^-baseDecimals} of a coin), prices in ticks of {@code tickSize} quote
 * subunits per lot. So one lot is {@code lotSize / 10^baseDecimals} coins and one tick is
 * {@code tickSize * 10^baseDecimals / (lotSize * 10^quoteDecimals)} quote coins per coin
 * (0.001 APT and 0.001 USDC for APT/USDC on testnet).
 *
 * @param id                market id
 * @param baseName          e.g. {@code "APT/USDC"}
 * @param lotSize           base subunits per lot
 * @param tickSize          quote subunits per tick per lot
 * @param minLots           smallest order size, in lots
 * @param maxLots           largest order size, in lots (2^64-1, no limit, when the API omits it)
 * @param baseDecimals      decimals of the base coin
 * @param quoteDecimals     decimals of the quote coin
 * @param quotePrecision    decimals shown for prices
 * @param maxLeverage       highest leverage allowed
 * @param maintenanceMargin maintenance margin as the API gives it (basis points)
 * @param maxPositionValue  largest position value, or null when the API omits it
 * @param marketAddress     the market's object address, or null when the API omits it
 * @param creator           the market creator, or null when the API omits it
 * @param marketStatus      the API's status code, or null when omitted
 * @param createdAt         creation time, or null when omitted
 */
public record Market(
        MarketId id,
        String baseName,
        BigInteger lotSize,
        BigInteger tickSize,
        BigInteger minLots,
        BigInteger maxLots,
        int baseDecimals,
        int quoteDecimals,
        int quotePrecision,
        int maxLeverage,
        BigInteger maintenanceMargin,
        BigInteger maxPositionValue,
        AccountAddress marketAddress,
        AccountAddress creator,
        Integer marketStatus,
        Instant createdAt) {

    private static final int MAX_DECIMALS = 255;

    public Market {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(minLots, "minLots");
        Objects.requireNonNull(maxLots, "maxLots");
        Objects.requireNonNull(maintenanceMargin, "maintenanceMargin");
        if (lotSize.signum() <= 0 || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("lot size and tick size are positive: " + lotSize + ", " + tickSize);
        }
        // Coin decimals are a u8 on chain; more would make every scaling of a size or price costly.
        if (baseDecimals < 0 || baseDecimals > MAX_DECIMALS || quoteDecimals < 0 || quoteDecimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("coin decimals are 0 to " + MAX_DECIMALS + ": " + baseDecimals + ", "
                    + quoteDecimals);
        }
    }

    /** The size of one lot in coins, e.g. 0.001 (APT). */
    public BigDecimal sizeIncrement() {
        return new BigDecimal(lotSize, baseDecimals).stripTrailingZeros();
    }
}
