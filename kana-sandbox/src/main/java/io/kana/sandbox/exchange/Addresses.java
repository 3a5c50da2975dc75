package io.kana.sandbox.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Account addresses: long-form normalisation and the sandbox's profile derivation. */
public final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{1,64}");
    private static final byte[] PROFILE_SUFFIX = "kana-profile".getBytes(StandardCharsets.US_ASCII);

    private Addresses() {}

    /** True when {@code text} is {@code 0x} followed by 1 to 64 hex digits. */
    public static boolean isValid(String text) {
        return text != null && ADDRESS.matcher(text).matches();
    }

    /** The long form ({@code 0x} + 64 lower-case hex digits); the caller checked {@link #isValid}. */
    public static String longForm(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("an address is 0x followed by 1 to 64 hex digits, got '" + text + "'");
        }
        String hex = text.substring(2).toLowerCase(Locale.ROOT);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }

    /**
     * The trading (profile) account of a wallet: {@code sha3-256(wallet's 32 address bytes || "kana-profile")}.
     * The real exchange creates a resource account per wallet; the sandbox only needs a stable,
     * collision-free mapping that clients can recompute.
     */
    public static String profileOf(String wallet) {
        byte[] walletBytes = HexFormat.of().parseHex(longForm(wallet).substring(2));
        MessageDigest sha3 = sha3();
        sha3.update(walletBytes);
        sha3.update(PROFILE_SUFFIX);
        return "0x" + HexFormat.of().formatHex(sha3.digest());
    }

    /** A fixed address derived from a label, for the sandbox's made-up market addresses. */
    static String derived(String label) {
        return "0x" + HexFormat.of().formatHex(sha3().digest(label.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha3() {
        try {
            return MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides SHA3-256 since Java 9", e);
        }
    }
}
