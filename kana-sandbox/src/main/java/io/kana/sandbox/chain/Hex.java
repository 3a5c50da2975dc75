package io.kana.sandbox.chain;

import java.util.HexFormat;

/** Hex text forms of bytes and account addresses, as the Aptos node prints them. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    /** {@code 0x} followed by lowercase hex. */
    public static String of(byte[] bytes) {
        return "0x" + LOWER.formatHex(bytes);
    }

    /** Decodes {@code 0x}-prefixed (or bare) hex of even length. */
    public static byte[] decode(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return LOWER.parseHex(digits);
    }

    /**
     * Parses an address given in long or short form ({@code 0x1}, {@code 0xa11ce}) into 32 bytes.
     *
     * @throws IllegalArgumentException when it is not hex or longer than 32 bytes
     */
    public static byte[] address(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 64) {
            throw new IllegalArgumentException("an address is 1 to 64 hex digits, got '" + text + "'");
        }
        String padded = "0".repeat(64 - digits.length()) + digits;
        try {
            return LOWER.parseHex(padded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an address is hex, got '" + text + "'", e);
        }
    }

    /** The long form: {@code 0x} and 64 hex digits. */
    public static String longAddress(byte[] address) {
        return of(address);
    }

    /** The long form of an address given in any form. */
    public static String longAddress(String address) {
        return longAddress(address(address));
    }

    /**
     * AIP-40 standard form, which the node's JSON uses: special addresses {@code 0x0}..{@code 0xf}
     * short, every other address long.
     */
    public static String standardAddress(byte[] address) {
        for (int i = 0; i < 31; i++) {
            if (address[i] != 0) {
                return longAddress(address);
            }
        }
        return (address[31] & 0xff) < 16 ? "0x" + Integer.toHexString(address[31] & 0xff) : longAddress(address);
    }

    /** Leading zeros dropped ({@code to_hex_literal}), as in a Move abort location. */
    static String literalAddress(byte[] address) {
        String digits = LOWER.formatHex(address).replaceFirst("^0+", "");
        return "0x" + (digits.isEmpty() ? "0" : digits);
    }
}
