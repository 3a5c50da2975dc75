package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;

/** Checks shared by the request records: what can be known without the market's rules. */
final class Requests {

    private Requests() {}

    static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidRequestException(field, field + " must be positive, got " + plain(value));
        }
    }

    static BigDecimal zeroOrPositive(String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0) {
            throw new InvalidRequestException(field, field + " must be zero (none) or positive, got " + plain(value));
        }
        return value;
    }

    static void leverage(int leverage) {
        if (leverage < 1) {
            throw new InvalidRequestException("leverage", "leverage is 1 or more, got " + leverage);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
