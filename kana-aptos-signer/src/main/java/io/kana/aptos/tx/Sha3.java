package io.kana.aptos.tx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/** SHA3-256 with one digest per thread: {@code MessageDigest.getInstance} costs more than hashing 300 bytes. */
final class Sha3 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha3::newDigest);

    private Sha3() {
    }

    static byte[] hash(byte[] first, byte[] second, int secondOffset, int secondLength) {
        MessageDigest digest = DIGEST.get();
        digest.update(first);
        digest.update(second, secondOffset, secondLength);
        return digest.digest();
    }

    /** {@code sha3_256(salt)}: the domain-separation prefix Aptos puts before what it signs or hashes. */
    static byte[] salt(String domain) {
        return DIGEST.get().digest(domain.getBytes(StandardCharsets.US_ASCII));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA3-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides SHA3-256 since Java 9", e);
        }
    }
}
