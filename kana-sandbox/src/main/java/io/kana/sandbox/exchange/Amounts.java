package io.kana.sandbox.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exchange's integer arithmetic (what a resting order reserves, rounding up or down as MODEL.md
 * says) and how amounts read in abort messages: coins or prices first, the wire's units after.
 */
final class Amounts {

    /** Every sandbox market is quoted in USDC (MODEL.md); messages show amounts in it. */
    private static final int USDC_DECIMALS = 6;

    private Amounts() {
    }

    /** Margin a resting opening order holds for {@code lots} unfilled lots: ceil(notional / leverage). */
    static long restingMargin(MarketSpec spec, LiveOrder order, long lots) {
        return ceilDiv(spec.notional(lots, order.priceTicks), order.leverage);
    }

    /**
     * Maker fee a resting order owes for {@code lots} unfilled lots. Charging the difference of this
     * function on each fill makes the order's total fee ceil(total notional * maker rate) exactly.
     */
    static long restingFee(MarketSpec spec, LiveOrder order, long lots) {
        return ceilDiv(Math.multiplyExact(spec.notional(lots, order.priceTicks), Clearing.MAKER_FEE_BPS), Clearing.BPS);
    }

    /** Coins first, the wire's lots after: {@code "1.5 APT (1500 lots)"}. */
    static String coins(MarketSpec spec, long lots) {
        return spec.size(lots).toPlainString() + " " + spec.baseName().split("[/-]")[0] + " (" + lots + " lots)";
    }

    /** A price first, the wire's ticks after: {@code "5.001 (5001 ticks)"}. */
    static String price(MarketSpec spec, long ticks) {
        return spec.price(ticks).toPlainString() + " (" + ticks + " ticks)";
    }

    /** Quote coins (USDC, 6 decimals) first, the wire's subunits after. */
    static String usdc(long units) {
        return MarketSpec.plain(BigDecimal.valueOf(units, USDC_DECIMALS)).toPlainString() + " USDC ("
                + units + " subunits)";
    }

    static long ceilDiv(long numerator, long denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }

    /** floor(value * part / whole) without overflow. */
    static long proportion(long value, long part, long whole) {
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(part))
                .divide(BigInteger.valueOf(whole)).longValueExact();
    }
}
