package io.kana.aptos.abi;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** Verifies Ed25519 with the JDK's own implementation, independent of Bouncy Castle. */
final class JdkEd25519 {

    private JdkEd25519() {
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            // RFC 8032 encoding: little-endian y with the x parity in the top bit of the last byte.
            byte[] y = publicKey.clone();
            boolean xOdd = (y[31] & 0x80) != 0;
            y[31] &= 0x7F;
            byte[] bigEndian = new byte[32];
            for (int i = 0; i < 32; i++) {
                bigEndian[i] = y[31 - i];
            }
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
