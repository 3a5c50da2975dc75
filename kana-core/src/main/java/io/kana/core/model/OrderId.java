package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigInteger;

/**
 * A Kana order id: a Move {@code u128}, larger than a {@code long} in practice
 * (e.g. {@code 11905620858892513160724480}).
 *
 * @param value the id, in {@code [0, 2^128)}
 */
public record OrderId(BigInteger value) {

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    public OrderId {
        if (value == null || value.signum() < 0 || value.compareTo(U128_LIMIT) >= 0) {
            throw new InvalidRequestException("orderId", "an order id is a u128 (0 to 2^128-1), got " + value);
        }
    }

    /** Parses the decimal form the API uses. */
    public static OrderId parse(String text) {
        if (text != null && text.length() > NumberBounds.MAX_TEXT) {
            throw new InvalidRequestException("orderId", "an order id is a u128, at most 39 digits; got "
                    + text.length() + " characters");
        }
        try {
            return new OrderId(new BigInteger(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidRequestException("orderId", "an order id is a decimal integer, got '" + text + "'");
        }
    }

    public static OrderId of(long value) {
        return new OrderId(BigInteger.valueOf(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
