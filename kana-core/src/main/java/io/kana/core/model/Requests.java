package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;

/** Checks shared by the request records: what can be known without the market's rules. */
final class Requests {

    /**
     * Most orders in one batch (to cancel and to place together). An order to place takes 44 bytes of
     * BCS arguments and one to cancel 17, so 1,000 stay inside Aptos' 64 KiB limit on a transaction
     * (with room for the rest of it); a larger batch risks one that can never be submitted.
     */
    static final int MAX_BATCH_ORDERS = 1_000;

    private Requests() {}

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }

    static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidRequestException(field, field + " must be positive, got " + plain(value));
        }
        NumberBounds.check(field, value);
    }

    static BigDecimal zeroOrPositive(String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0) {
            throw new InvalidRequestException(field, field + " must be zero (none) or positive, got " + plain(value));
        }
        return NumberBounds.check(field, value);
    }

    static void leverage(int leverage) {
        if (leverage < 1) {
            throw new InvalidRequestException("leverage", "leverage is 1 or more, got " + leverage);
        }
    }

    /** An immutable copy of {@code values}, refusing a null list or element and a list beyond {@code max}. */
    static <T> List<T> list(String field, List<T> values, int max) {
        required(field, values);
        if (values.size() > max) {
            throw new InvalidRequestException(field, field + " holds " + values.size() + " orders; at most " + max
                    + " fit in one transaction");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidRequestException(field, field + "[" + i + "] is null");
            }
        }
        return List.copyOf(values);
    }

    private static String plain(BigDecimal value) {
        // A caller's huge number is not expanded into millions of digits just to be quoted.
        return value == null ? "null" : NumberBounds.tame(value) ? value.toPlainString() : value.toString();
    }
}
