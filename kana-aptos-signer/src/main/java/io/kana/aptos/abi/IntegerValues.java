package io.kana.aptos.abi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads Move integers from JSON values: a decimal string, or an integral number ({@link Integer},
 * {@link Long}, {@link BigInteger}, an integral {@link BigDecimal}, or a double that holds an integer
 * below 2<sup>53</sup> exactly). u64 and wider also take {@code 0x}-hex strings, as {@code BigInt()} does.
 */
final class IntegerValues {

    /** Doubles represent every integer up to here exactly; above it a JSON number may have been rounded. */
    private static final double MAX_EXACT_DOUBLE = 9007199254740992d;
    /** Decimal strings this short fit a long without overflow checks. */
    private static final int MAX_FAST_DIGITS = 18;

    private IntegerValues() {
    }

    /** An unsigned integer of {@code bits} (8, 16, 32 or 64); a u64 comes back as its 64 bits. */
    static long unsigned(Object value, int bits) {
        if (value instanceof String s) {
            long fast = fastDecimal(s);
            if (fast >= 0) {
                return checkSmall(fast, bits, value);
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v < 0) {
                throw outOfRange(bits, false, value);
            }
            return checkSmall(v, bits, value);
        }
        return big(value, bits, false).longValue();
    }

    /** An unsigned integer of {@code bits} (128 or 256), range-checked. */
    static BigInteger unsignedBig(Object value, int bits) {
        return big(value, bits, false);
    }

    /** A signed integer of {@code bits} (8..256), range-checked. */
    static BigInteger signed(Object value, int bits) {
        return big(value, bits, true);
    }

    private static long checkSmall(long v, int bits, Object value) {
        if (bits < 64 && v >= (1L << bits)) {
            throw outOfRange(bits, false, value);
        }
        return v;
    }

    private static BigInteger big(Object value, int bits, boolean signed) {
        BigInteger v = toBigInteger(value, bits, signed);
        boolean inRange = signed
                ? v.bitLength() < bits
                : v.signum() >= 0 && v.bitLength() <= bits;
        if (!inRange) {
            throw outOfRange(bits, signed, value);
        }
        return v;
    }

    private static BigInteger toBigInteger(Object value, int bits, boolean signed) {
        if (value instanceof String s) {
            return parse(s, bits, signed, value);
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            // A huge exponent (1e100000) must not make us allocate a huge integer.
            if (d.signum() != 0 && d.precision() - d.scale() > 80) {
                throw outOfRange(bits, signed, value);
            }
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new ValueMismatch("not an integer", value);
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
                throw new ValueMismatch("not an integer", value);
            }
            if (Math.abs(d) > MAX_EXACT_DOUBLE) {
                throw new ValueMismatch("a floating-point number above 2^53 may have been rounded; pass the "
                        + "integer as a string or BigInteger", value);
            }
            return BigInteger.valueOf((long) d);
        }
        throw new ValueMismatch("expected " + describe(bits, signed) + " as a number or decimal string", value);
    }

    private static BigInteger parse(String s, int bits, boolean signed, Object value) {
        String text = s.strip();
        int radix = 10;
        int start = 0;
        if (signed && text.startsWith("-")) {
            start = 1;
        }
        if (!signed && bits >= 64 && (text.startsWith("0x") || text.startsWith("0X"))) {
            radix = 16;
            start = 2;
        }
        if (start == text.length()) {
            throw new ValueMismatch("expected " + describe(bits, signed) + ", got an empty number", value);
        }
        // Bound the length before BigInteger parses it: anything this long is out of range anyway.
        if (text.length() - start > 100) {
            throw outOfRange(bits, signed, value);
        }
        for (int i = start; i < text.length(); i++) {
            if (!isDigit(text.charAt(i), radix)) {
                throw new ValueMismatch("expected " + describe(bits, signed) + " as "
                        + (radix == 10 ? "a decimal" : "a hex") + " string", value);
            }
        }
        BigInteger magnitude = new BigInteger(text.substring(start), radix);
        return start == 1 && radix == 10 ? magnitude.negate() : magnitude;
    }

    private static boolean isDigit(char c, int radix) {
        return (c >= '0' && c <= '9') || (radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }

    /** The value of a plain decimal string of at most 18 digits, or -1 when it is anything else. */
    static long fastDecimal(String s) {
        int length = s.length();
        if (length == 0 || length > MAX_FAST_DIGITS) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }

    private static ValueMismatch outOfRange(int bits, boolean signed, Object value) {
        return new ValueMismatch("out of range for " + describe(bits, signed), value);
    }

    static String describe(int bits, boolean signed) {
        if (signed) {
            BigInteger max = BigInteger.ONE.shiftLeft(bits - 1);
            return "i" + bits + " (" + max.negate() + ".." + max.subtract(BigInteger.ONE) + ")";
        }
        return "u" + bits + " (0.." + BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE) + ")";
    }
}
