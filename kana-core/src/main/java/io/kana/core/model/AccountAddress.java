package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A 32-byte Aptos account address: a wallet, a profile (trading account) or a module publisher.
 *
 * <p>{@link #parse(String)} accepts {@code 0x}-prefixed hex in long (64 digits) or short form
 * ({@code 0x1}) and normalizes to the long form, so two addresses are equal exactly when their
 * bytes are.
 *
 * @param hex the long form: {@code 0x} followed by 64 lowercase hex digits
 */
public record AccountAddress(String hex) {

    /** Number of bytes in an address. */
    public static final int LENGTH = 32;

    public AccountAddress {
        hex = normalize(hex);
    }

    /** Parses {@code 0x}-prefixed hex, short or long form; rejects anything else with a clear message. */
    public static AccountAddress parse(String text) {
        return new AccountAddress(text);
    }

    /** The address whose 32 bytes are {@code bytes}. */
    public static AccountAddress ofBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new InvalidRequestException("address",
                    "an address has exactly 32 bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new AccountAddress("0x" + HexFormat.of().formatHex(bytes));
    }

    /** The 32 raw bytes (a fresh copy). */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex, 2, hex.length());
    }

    /** The short form used by Aptos for special addresses {@code 0x0..0xf}; the long form otherwise. */
    public String toShortString() {
        String digits = hex.substring(2).replaceFirst("^0+", "");
        if (digits.length() <= 1) {
            return "0x" + (digits.isEmpty() ? "0" : digits);
        }
        return hex;
    }

    @Override
    public String toString() {
        return hex;
    }

    private static String normalize(String text) {
        if (text == null) {
            throw new InvalidRequestException("address", "an address is required, got null");
        }
        String trimmed = text.strip();
        if (!(trimmed.startsWith("0x") || trimmed.startsWith("0X"))) {
            throw new InvalidRequestException("address",
                    "an address must start with 0x, got '" + abbreviate(trimmed) + "'");
        }
        String digits = trimmed.substring(2).toLowerCase(Locale.ROOT);
        if (digits.isEmpty() || digits.length() > 2 * LENGTH) {
            throw new InvalidRequestException("address",
                    "an address has 1 to 64 hex digits after 0x, got " + digits.length() + " in '"
                            + abbreviate(trimmed) + "'");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new InvalidRequestException("address",
                        "an address is hex, but '" + abbreviate(trimmed) + "' contains '" + c + "'");
            }
        }
        return "0x" + "0".repeat(2 * LENGTH - digits.length()) + digits;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
