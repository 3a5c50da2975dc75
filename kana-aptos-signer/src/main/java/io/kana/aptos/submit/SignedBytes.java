package io.kana.aptos.submit;

import java.util.Objects;

/**
 * A signed transaction ready to send.
 *
 * @param bytes BCS {@code SignedTransaction}; never modified after signing
 * @param hash  {@code 0x} + 64 hex: {@code sha3_256(sha3_256("APTOS::Transaction") || 0x00 || bytes)}
 */
record SignedBytes(byte[] bytes, String hash) {

    SignedBytes {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(hash, "hash");
    }
}
