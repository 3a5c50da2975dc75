package io.kana.core.port;

import io.kana.core.model.AccountAddress;

/**
 * Custody of a wallet's Ed25519 key: the only thing that can sign. Implement it to keep the key in
 * an HSM, a KMS or a remote signer; the SDK never needs the private key itself.
 *
 * <p>Implementations must be thread-safe and must never expose key material in
 * {@code toString}, logs or exception messages.
 */
public interface WalletSigner {

    /** The 32-byte Ed25519 public key (a fresh copy). */
    byte[] publicKey();

    /** The 64-byte Ed25519 signature (RFC 8032) of {@code message}. */
    byte[] sign(byte[] message);

    /**
     * The account this key signs for. For an account whose key was never rotated this is its
     * authentication key, {@code sha3_256(publicKey || 0x00)}.
     */
    AccountAddress address();
}
