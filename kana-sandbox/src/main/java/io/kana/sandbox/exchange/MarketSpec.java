package io.kana.sandbox.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * A market's fixed rules, shaped like Kana's testnet markets, and the unit conversions of docs/wire-contract.md.
 *
 * <p>Integer units: sizes in lots, prices in ticks, quote amounts in quote subunits ({@code
 * 10^quoteDecimals} per coin). The notional of {@code n} lots at {@code t} ticks is exactly {@code n
 * * t * tickSize} quote subunits.
 */
public record MarketSpec(
        long marketId,
        String baseName,
        int baseDecimals,
        int quoteDecimals,
        int quotePrecision,
        long lotSize,
        long tickSize,
        long minLots,
        long maxLots,
        int maxLeverage,
        long maintenanceMarginBps,
        String maxPositionValue,
        String custodianId,
        String underwriterId,
        String marketAddress,
        BigDecimal initialMarkPrice) {

    public static final String CREATOR = "0xb61d7b57333abf8ac036e752f19d0ba0c4baa5404db1cbf868c57dac3628f2bf";
    public static final String FEE_ADDRESS = "0x7724a4a23b25b460abc2a5d9fe1fe3c47e2a0e10a156dd713a221f129579c388";
    public static final String CREATED_AT = "1745079291";

    /** The four markets of Kana's testnet (APT 1338 exactly as the documented getMarketInfo response). */
    static List<MarketSpec> testnet() {
        return List.of(
                new MarketSpec(1338, "APT/USDC", 8, 6, 3, 100_000, 1, 500, 150_000_000, 20, 250, "125000000",
                        "75", "73", "0xcfa0086c26787035de6b4a312875c7a70b2f9a29fa880d0cf633ef3dd0acd2c3",
                        new BigDecimal("5.000")),
                new MarketSpec(1339, "BTC/USDC", 8, 6, 1, 10_000, 10, 10, 10_000_000, 50, 100, "5000000000",
                        "76", "74", Addresses.derived("kana-sandbox-market-1339"), new BigDecimal("65000")),
                new MarketSpec(1340, "ETH/USDC", 8, 6, 2, 100_000, 10, 10, 100_000_000, 50, 100, "2500000000",
                        "77", "74", Addresses.derived("kana-sandbox-market-1340"), new BigDecimal("3000")),
                new MarketSpec(2387, "SOL/USDC", 8, 6, 3, 1_000_000, 10, 10, 100_000_000, 20, 250, "250000000",
                        "78", "73", Addresses.derived("kana-sandbox-market-2387"), new BigDecimal("150")));
    }

    /** One lot in coins (APT: 0.001). */
    public BigDecimal lotValue() {
        return new BigDecimal(BigInteger.valueOf(lotSize), baseDecimals).stripTrailingZeros();
    }

    /** One tick in quote coins per coin (APT: 0.001). */
    public BigDecimal tickValue() {
        BigDecimal numerator = new BigDecimal(BigInteger.valueOf(tickSize).multiply(BigInteger.TEN.pow(baseDecimals)));
        BigDecimal denominator = new BigDecimal(BigInteger.valueOf(lotSize).multiply(BigInteger.TEN.pow(quoteDecimals)));
        return numerator.divide(denominator).stripTrailingZeros();
    }

    public BigDecimal size(long lots) {
        return plain(lotValue().multiply(BigDecimal.valueOf(lots)));
    }

    public BigDecimal price(long ticks) {
        return plain(tickValue().multiply(BigDecimal.valueOf(ticks)));
    }

    public BigDecimal quote(long subunits) {
        return plain(BigDecimal.valueOf(subunits, quoteDecimals));
    }

    /** Notional in quote subunits of {@code lots} at {@code ticks}. */
    public long notional(long lots, long ticks) {
        return Math.multiplyExact(Math.multiplyExact(lots, ticks), tickSize);
    }

    /** Average price of {@code lots} that cost {@code notional} quote subunits (12 decimals at most). */
    public BigDecimal averagePrice(long notional, long lots) {
        return plain(quote(notional).divide(size(lots), 12, RoundingMode.HALF_EVEN));
    }

    /**
     * The mark price at which the position's equity falls to the maintenance margin: long {@code
     * (cost - margin) / (size * (1 - mm))}, short {@code (cost + margin) / (size * (1 + mm))}, with
     * {@code mm = maintenanceMarginBps / 10000}. Fees and unsettled PnL are ignored.
     */
    public BigDecimal liquidationPrice(boolean tradeSide, long cost, long margin, long lots) {
        BigDecimal mm = BigDecimal.valueOf(maintenanceMarginBps, 4);
        BigDecimal equity = quote(tradeSide ? cost - margin : cost + margin);
        BigDecimal denominator = size(lots).multiply(tradeSide ? BigDecimal.ONE.subtract(mm) : BigDecimal.ONE.add(mm));
        BigDecimal price = equity.divide(denominator, 12, RoundingMode.HALF_EVEN);
        return price.signum() < 0 ? BigDecimal.ZERO : plain(price);
    }

    /** {@code value / unit} when it is a whole number, else null. */
    static BigInteger wholeMultiple(BigDecimal value, BigDecimal unit) {
        BigDecimal[] qr = value.divideAndRemainder(unit);
        return qr[1].signum() == 0 ? qr[0].toBigIntegerExact() : null;
    }

    /** Lots for a human size, or null when the size is not a multiple of the lot. */
    public BigInteger lotsOf(BigDecimal size) {
        return wholeMultiple(size, lotValue());
    }

    /** Ticks for a human price, or null when the price is off tick. */
    public BigInteger ticksOf(BigDecimal price) {
        return wholeMultiple(price, tickValue());
    }

    /** Quote subunits for a human amount, or null when it has more than quoteDecimals decimals. */
    BigInteger unitsOf(BigDecimal amount) {
        return wholeMultiple(amount, BigDecimal.ONE.movePointLeft(quoteDecimals));
    }

    /** The base asset's name, e.g. {@code BTC} for {@code BTC/USDC}. */
    public String baseAsset() {
        int slash = baseName.indexOf('/');
        return slash < 0 ? baseName : baseName.substring(0, slash);
    }

    /** A decimal without trailing zeros and never in scientific notation when printed with toPlainString. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
