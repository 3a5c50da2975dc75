package io.kana.aptos.keys;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.port.WalletSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A {@link WalletSigner} with an in-memory Ed25519 private key (Bouncy Castle, RFC 8032).
 *
 * <p>Build it from the 32-byte seed as AIP-80 text ({@code ed25519-priv-0x...}) or hex (with or without
 * {@code 0x}), read from an environment variable or a file. Its {@code toString} shows the address
 * only; errors about key text never repeat the text. Thread-safe.
 */
public final class Ed25519WalletSigner implements WalletSigner {

    /** The AIP-80 prefix of an Ed25519 private key. */
    public static final String AIP80_PREFIX = "ed25519-priv-";

    private static final int SEED_LENGTH = 32;
    private static final byte SINGLE_ED25519_SCHEME = 0x00;

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKeyParameters;
    private final byte[] publicKey;
    private final byte[] authenticationKey;
    private final AccountAddress address;

    private Ed25519WalletSigner(byte[] seed) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKeyParameters = privateKey.generatePublicKey();
        this.publicKey = publicKeyParameters.getEncoded();
        this.authenticationKey = sha3(publicKey, SINGLE_ED25519_SCHEME);
        this.address = AccountAddress.ofBytes(authenticationKey);
    }

    /** The signer of the 32-byte {@code seed} (the Ed25519 private key); the array is not retained. */
    public static Ed25519WalletSigner fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_LENGTH) {
            throw new InvalidRequestException("privateKey", "an Ed25519 private key has 32 bytes, got "
                    + (seed == null ? "null" : seed.length));
        }
        return new Ed25519WalletSigner(seed);
    }

    /**
     * Parses AIP-80 ({@code ed25519-priv-0x} + 64 hex) or plain hex (64 digits, optional {@code 0x});
     * surrounding whitespace is ignored.
     */
    public static Ed25519WalletSigner fromText(String keyText) {
        if (keyText == null) {
            throw new InvalidRequestException("privateKey", "a private key is required, got null");
        }
        byte[] seed = parseSeed(keyText.strip());
        try {
            return new Ed25519WalletSigner(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Reads the key text ({@link #fromText}) from the environment variable {@code variableName}. */
    public static Ed25519WalletSigner fromEnvironment(String variableName) {
        Objects.requireNonNull(variableName, "variableName");
        String value = System.getenv(variableName);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("privateKey", "environment variable " + variableName
                    + " is not set; set it to the wallet's private key (ed25519-priv-0x... or hex)");
        }
        return fromText(value);
    }

    /** Reads the key text ({@link #fromText}) from the file at {@code path}. */
    public static Ed25519WalletSigner fromFile(Path path) {
        Objects.requireNonNull(path, "path");
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidRequestException("privateKey", "cannot read the private key file " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return fromText(new String(content, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code sha3_256(publicKey || 0x00)}, the single-Ed25519 authentication key (a fresh copy). */
    public byte[] authenticationKey() {
        return authenticationKey.clone();
    }

    /** The address of the account this key created: its authentication key (until the key is rotated). */
    @Override
    public AccountAddress address() {
        return address;
    }

    // Deprecated in Bouncy Castle only in favour of the overload that re-derives the public key on every call.
    @SuppressWarnings("deprecation")
    @Override
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKeyParameters, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public String toString() {
        return "Ed25519WalletSigner[address=" + address + "]";
    }

    private static byte[] parseSeed(String text) {
        String hex = text;
        if (hex.regionMatches(true, 0, AIP80_PREFIX, 0, AIP80_PREFIX.length())) {
            hex = hex.substring(AIP80_PREFIX.length());
            if (!(hex.startsWith("0x") || hex.startsWith("0X"))) {
                throw invalid("an AIP-80 key is ed25519-priv-0x followed by 64 hex digits");
            }
        }
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.length() != 2 * SEED_LENGTH) {
            throw invalid("an Ed25519 private key is 64 hex digits (32 bytes), got " + hex.length() + " characters");
        }
        byte[] seed = new byte[SEED_LENGTH];
        for (int i = 0; i < SEED_LENGTH; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                Arrays.fill(seed, (byte) 0);
                throw invalid("a private key is hex, but the text contains a non-hex character at position "
                        + (2 * i + (high < 0 ? 0 : 1)));
            }
            seed[i] = (byte) ((high << 4) | low);
        }
        return seed;
    }

    private static InvalidRequestException invalid(String problem) {
        return new InvalidRequestException("privateKey", problem
                + " (expected ed25519-priv-0x<64 hex> or 0x<64 hex>; the key text is not shown)");
    }

    private static byte[] sha3(byte[] data, byte suffix) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA3-256");
            digest.update(data);
            digest.update(suffix);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides SHA3-256 since Java 9", e);
        }
    }
}
