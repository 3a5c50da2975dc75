package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;

/** Argument checks the trading entry points share. */
final class Checks {

    private Checks() {}

    /** {@code value}, or an {@link InvalidRequestException} on {@code field} if it is null. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }
}
