package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;

/**
 * A Kana market id (a Move {@code u64}), e.g. 1338 for APT on testnet, 14 on mainnet.
 *
 * @param value the id, never negative
 */
public record MarketId(long value) {

    public MarketId {
        if (value < 0) {
            throw new InvalidRequestException("marketId", "a market id is not negative, got " + value);
        }
    }

    public static MarketId of(long value) {
        return new MarketId(value);
    }

    /** Parses the decimal form the API uses ({@code "1338"}). */
    public static MarketId parse(String text) {
        try {
            return new MarketId(Long.parseLong(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidRequestException("marketId", "a market id is a decimal integer, got '" + SafeText.snippet(text) + "'");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
