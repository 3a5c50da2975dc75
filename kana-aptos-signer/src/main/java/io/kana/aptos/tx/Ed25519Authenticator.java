package io.kana.aptos.tx;

import io.kana.aptos.bcs.BcsWriter;

/** {@code TransactionAuthenticator::Ed25519}: variant 0, then public key and signature as byte vectors. */
final class Ed25519Authenticator {

    static final int VARIANT = 0;

    private Ed25519Authenticator() {
    }

    static void write(BcsWriter writer, byte[] publicKey, byte[] signature) {
        writer.variant(VARIANT);
        writer.bytes(publicKey);
        writer.bytes(signature);
    }
}
