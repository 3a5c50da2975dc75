package io.kana.sandbox.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** SHA3-256 and Ed25519 from the JDK's own providers: the node's cryptography. */
public final class Crypto {

    /** sha3_256("APTOS::RawTransaction"): the signing-message prefix. */
    public static final byte[] RAW_TRANSACTION_SALT = sha3("APTOS::RawTransaction".getBytes(StandardCharsets.US_ASCII));
    /** sha3_256("APTOS::Transaction"): the transaction-hash prefix. */
    public static final byte[] TRANSACTION_SALT = sha3("APTOS::Transaction".getBytes(StandardCharsets.US_ASCII));

    private static final byte ED25519_SCHEME = 0x00;
    private static final byte USER_TRANSACTION_VARIANT = 0x00;

    private Crypto() {
    }

    public static byte[] sha3(byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA3-256", e);
        }
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** The user-transaction hash the node reports for these signed-transaction bytes. */
    static byte[] transactionHash(byte[] signedTransaction) {
        return sha3(TRANSACTION_SALT, new byte[] {USER_TRANSACTION_VARIANT}, signedTransaction);
    }

    /** sha3_256(pubkey || 0x00): the single-Ed25519 authentication key, and a fresh account's address. */
    static byte[] authenticationKey(byte[] publicKey) {
        return sha3(publicKey, new byte[] {ED25519_SCHEME});
    }

    /** True when {@code signature} is a valid Ed25519 signature of the raw transaction by {@code publicKey}. */
    static boolean verifyTransaction(byte[] publicKey, byte[] signature, byte[] rawTransaction) {
        if (publicKey.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(ed25519PublicKey(publicKey));
            verifier.update(RAW_TRANSACTION_SALT);
            verifier.update(rawTransaction);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key that is not a curve point or a malformed signature: simply not valid.
            return false;
        }
    }

    /**
     * Decodes RFC 8032's 32-byte public key: little-endian y with the x parity in bit 7 of the last
     * byte.
     */
    static PublicKey ed25519PublicKey(byte[] encoded) throws GeneralSecurityException {
        byte[] bigEndianY = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndianY[i] = encoded[31 - i];
        }
        boolean xOdd = (bigEndianY[0] & 0x80) != 0;
        bigEndianY[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndianY));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    /**
     * The 32-byte public key of an Ed25519 private-key seed. The JDK has no API for this, so its
     * key-pair generator is handed a "random" source that yields exactly the seed.
     */
    static byte[] publicKeyFromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            EdECPoint point = ((EdECPublicKey) generator.generateKeyPair().getPublic()).getPoint();
            byte[] bigEndianY = point.getY().toByteArray();
            byte[] encoded = new byte[32];
            for (int i = 0; i < 32 && i < bigEndianY.length; i++) {
                encoded[i] = bigEndianY[bigEndianY.length - 1 - i];
            }
            if (point.isXOdd()) {
                encoded[31] |= (byte) 0x80;
            }
            return encoded;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    /** A source of "randomness" that repeats fixed bytes: only for deriving a key from its seed. */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes[i % bytes.length];
            }
        }
    }
}
