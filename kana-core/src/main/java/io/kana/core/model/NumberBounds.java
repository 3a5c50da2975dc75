package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one limit on the size of numbers the SDK computes with, from the wire or from the caller.
 * A {@link BigDecimal} as short as {@code 1e100000000} turns into a hundred million digits once it is
 * scaled, divided or made an integer, costing minutes of CPU; so every number is checked here before
 * any such arithmetic. The limits are far beyond any on-chain value (a u128 has 39 digits).
 */
public final class NumberBounds {

    /** Longest text of a number, in characters. */
    public static final int MAX_TEXT = 100;
    /** Largest decimal exponent either way: {@code |scale|}. */
    public static final int MAX_SCALE = 100;
    /** Largest unscaled value, in bits (about 120 decimal digits). */
    public static final int MAX_BITS = 400;

    private NumberBounds() {}

    /** Whether arithmetic on {@code value} is cheap: few digits and a small exponent. */
    public static boolean tame(BigDecimal value) {
        return Math.abs((long) value.scale()) <= MAX_SCALE && value.unscaledValue().bitLength() <= MAX_BITS;
    }

    /**
     * {@code value} itself, or null for null.
     *
     * @throws InvalidRequestException naming {@code field} when it has too many digits or too large an exponent
     */
    public static BigDecimal check(String field, BigDecimal value) {
        if (value != null && !tame(value)) {
            throw new InvalidRequestException(field, field + " is out of range: at most " + MAX_SCALE
                    + " decimals and an exponent of at most " + MAX_SCALE + " are accepted, got a number of "
                    + value.unscaledValue().bitLength() + " bits with scale " + value.scale());
        }
        return value;
    }

    /**
     * Parses a decimal ({@code 12.5}, {@code 1e3}) of at most {@link #MAX_TEXT} characters within the bounds.
     *
     * @throws InvalidRequestException naming {@code field} when the text is too long, not a number or out of bounds
     */
    public static BigDecimal decimal(String field, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(shortText(field, text));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, field + " is not a decimal number: '" + text + "'");
        }
        return check(field, value);
    }

    /**
     * Parses a decimal integer of at most {@link #MAX_TEXT} characters.
     *
     * @throws InvalidRequestException naming {@code field} when the text is too long or not an integer
     */
    public static BigInteger integer(String field, String text) {
        try {
            return new BigInteger(shortText(field, text));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, field + " is not a decimal integer: '" + text + "'");
        }
    }

    private static String shortText(String field, String text) {
        if (text == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidRequestException(field, field + " is out of range: a number of " + text.length()
                    + " characters; at most " + MAX_TEXT + " are accepted");
        }
        return text;
    }
}
