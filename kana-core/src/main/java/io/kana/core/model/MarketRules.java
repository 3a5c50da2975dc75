package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A market's trading rules applied to a request, before anything is sent: sizes must be whole lots
 * within the market's limits, prices whole ticks, leverage within {@code 1..maxLeverage}. Also
 * converts human units to the integers that end up on chain (see {@link Market} for the units).
 *
 * <p>Immutable and cheap; create one per market with {@link #of(Market)} and keep it.
 */
public final class MarketRules {

    /** The largest Move {@code u64}: lots, ticks and coin subunits are u64 on chain. */
    static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final Market market;
    /** 10^baseDecimals / lotSize: lots per coin, as an exact ratio. */
    private final BigDecimal baseScale;
    private final BigDecimal lotSize;
    /** lotSize * 10^quoteDecimals: the numerator of the ticks conversion. */
    private final BigDecimal tickNumerator;
    /** tickSize * 10^baseDecimals: the denominator of the ticks conversion. */
    private final BigDecimal tickDenominator;

    private MarketRules(Market market) {
        this.market = market;
        this.lotSize = new BigDecimal(market.lotSize());
        this.baseScale = BigDecimal.ONE.scaleByPowerOfTen(market.baseDecimals());
        this.tickNumerator = lotSize.scaleByPowerOfTen(market.quoteDecimals());
        this.tickDenominator = new BigDecimal(market.tickSize()).scaleByPowerOfTen(market.baseDecimals());
    }

    public static MarketRules of(Market market) {
        return new MarketRules(Objects.requireNonNull(market, "market"));
    }

    public Market market() {
        return market;
    }

    /**
     * The size in lots: {@code size * 10^baseDecimals / lotSize}.
     *
     * @throws InvalidRequestException if the size is not a whole number of lots or is outside
     *                                 {@code minLots..maxLots}
     */
    public BigInteger lots(BigDecimal size) {
        if (size == null || size.signum() <= 0) {
            throw new InvalidRequestException("size", "size must be positive, got "
                    + (size == null ? "null" : size.toString()));
        }
        NumberBounds.check("size", size);
        BigInteger lots = wholeQuotient("size", size, size.multiply(baseScale), lotSize,
                "a multiple of the lot size " + market.sizeIncrement().toPlainString());
        if (lots.compareTo(market.minLots()) < 0 || lots.compareTo(market.maxLots()) > 0) {
            throw new InvalidRequestException("size", "size " + size.toPlainString() + " in " + market.baseName()
                    + " is " + lots + " lots; allowed are " + market.minLots() + " to " + market.maxLots()
                    + " lots (" + coins(market.minLots()) + " to " + coins(market.maxLots()) + ")");
        }
        return lots;
    }

    /**
     * The price in ticks: {@code price * lotSize * 10^quoteDecimals / (tickSize * 10^baseDecimals)}.
     *
     * @throws InvalidRequestException if the price is not positive or not a whole number of ticks
     */
    public BigInteger ticks(BigDecimal price) {
        return ticks("price", price);
    }

    /** The price of a take-profit or stop-loss in ticks; zero means none and stays zero. */
    public BigInteger triggerTicks(String field, BigDecimal price) {
        return price != null && price.signum() == 0 ? BigInteger.ZERO : ticks(field, price);
    }

    /**
     * A quote-coin amount (deposit, withdrawal, margin) in subunits: {@code amount * 10^quoteDecimals}.
     *
     * @throws InvalidRequestException if the amount is not positive or has more decimals than the coin
     */
    public BigInteger quoteUnits(BigDecimal amount) {
        return quoteUnits(amount, market.quoteDecimals());
    }

    /** {@link #quoteUnits(BigDecimal)} for a coin with {@code decimals} decimals, without a market. */
    public static BigInteger quoteUnits(BigDecimal amount, int decimals) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidRequestException("amount", "amount must be positive, got "
                    + (amount == null ? "null" : amount.toString()));
        }
        NumberBounds.check("amount", amount);
        BigDecimal units = amount.scaleByPowerOfTen(decimals);
        BigInteger whole;
        try {
            whole = units.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("amount", "amount " + amount.toPlainString() + " has more than "
                    + decimals + " decimals");
        }
        return u64("amount", amount, whole, "subunits");
    }

    /** Checks {@code 1 <= leverage <= maxLeverage}. */
    public void checkLeverage(int leverage) {
        if (leverage < 1 || leverage > market.maxLeverage()) {
            throw new InvalidRequestException("leverage", "leverage in " + market.baseName() + " is 1 to "
                    + market.maxLeverage() + ", got " + leverage);
        }
    }

    /** The smallest price step in quote coins per coin, e.g. 0.001. */
    public BigDecimal priceIncrement() {
        return tickDenominator.divide(tickNumerator, java.math.MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** The smallest order size in coins ({@code minLots} lots), e.g. 0.5 APT. */
    public BigDecimal minSize() {
        return new BigDecimal(coins(market.minLots()));
    }

    /** The largest order size in coins ({@code maxLots} lots). */
    public BigDecimal maxSize() {
        return new BigDecimal(coins(market.maxLots()));
    }

    /**
     * {@code size} rounded to a whole number of lots as {@code mode} says, then clamped to
     * {@link #minSize()}..{@link #maxSize()}: the result always passes {@link #lots(BigDecimal)}.
     * Clamping can raise a tiny size to the minimum; compare with the input if that matters.
     */
    public BigDecimal roundSize(BigDecimal size, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (size == null || size.signum() < 0) {
            throw new InvalidRequestException("size", "size to round must be zero or more, got " + size);
        }
        NumberBounds.check("size", size);
        BigInteger lots = size.multiply(baseScale).divide(lotSize, 0, mode).toBigIntegerExact();
        BigInteger clamped = lots.max(market.minLots()).min(market.maxLots());
        return new BigDecimal(coins(clamped));
    }

    /**
     * {@code price} rounded to a whole number of ticks as {@code mode} says, and at least one tick (the
     * lowest price an order can carry): the result always passes {@link #ticks(BigDecimal)}.
     */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (price == null || price.signum() < 0) {
            throw new InvalidRequestException("price", "price to round must be zero or more, got " + price);
        }
        NumberBounds.check("price", price);
        BigInteger ticks = price.multiply(tickNumerator).divide(tickDenominator, 0, mode).toBigIntegerExact()
                .max(BigInteger.ONE).min(U64_MAX);
        return new BigDecimal(ticks).multiply(tickDenominator).divide(tickNumerator, MathContext.DECIMAL128)
                .stripTrailingZeros();
    }

    /** Validates a limit order against this market. */
    public void check(LimitOrderRequest request) {
        checkMarket(request.marketId());
        lots(request.size());
        ticks(request.price());
        checkLeverage(request.leverage());
        triggerTicks("takeProfit", request.takeProfit());
        triggerTicks("stopLoss", request.stopLoss());
    }

    /** Validates a market order against this market. */
    public void check(MarketOrderRequest request) {
        checkMarket(request.marketId());
        lots(request.size());
        checkLeverage(request.leverage());
        triggerTicks("takeProfit", request.takeProfit());
        triggerTicks("stopLoss", request.stopLoss());
    }

    /** Validates one order of a batch against this market. */
    public void check(OrderSpec order) {
        lots(order.size());
        if (order.type() == OrderType.LIMIT) {
            ticks(order.price());
        }
        checkLeverage(order.leverage());
        triggerTicks("takeProfit", order.takeProfit());
        triggerTicks("stopLoss", order.stopLoss());
    }

    /** Validates every order of a batch against this market. */
    public void check(MultipleOrdersRequest request) {
        checkMarket(request.marketId());
        request.orders().forEach(this::check);
    }

    /** Validates the orders to place of a cancel-and-place against this market. */
    public void check(CancelAndPlaceRequest request) {
        checkMarket(request.marketId());
        request.toPlace().forEach(this::check);
    }

    private void checkMarket(MarketId requested) {
        if (!requested.equals(market.id())) {
            throw new InvalidRequestException("marketId", "request is for market " + requested
                    + " but these are the rules of market " + market.id());
        }
    }

    private BigInteger ticks(String field, BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw new InvalidRequestException(field, field + " must be positive, got "
                    + (price == null ? "null" : price.toString()));
        }
        NumberBounds.check(field, price);
        return u64(field, price, wholeQuotient(field, price, price.multiply(tickNumerator), tickDenominator,
                "a multiple of the tick " + priceIncrement().toPlainString()), "ticks");
    }

    private static BigInteger wholeQuotient(
            String field, BigDecimal shown, BigDecimal dividend, BigDecimal divisor, String rule) {
        BigDecimal[] qr = dividend.divideAndRemainder(divisor);
        if (qr[1].signum() != 0) {
            throw new InvalidRequestException(field, field + " " + shown.toPlainString() + " must be " + rule);
        }
        return qr[0].toBigIntegerExact();
    }

    /** {@code value} when it fits the chain's u64; the caller's {@code shown} value is named otherwise. */
    private static BigInteger u64(String field, BigDecimal shown, BigInteger value, String unit) {
        if (value.compareTo(U64_MAX) > 0) {
            throw new InvalidRequestException(field, field + " " + shown.toPlainString() + " is " + value + " "
                    + unit + ", beyond the chain's limit of " + U64_MAX + " (u64)");
        }
        return value;
    }

    private String coins(BigInteger lots) {
        return new BigDecimal(lots.multiply(market.lotSize()), market.baseDecimals()).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return "MarketRules[" + market.id() + " " + market.baseName() + "]";
    }
}
