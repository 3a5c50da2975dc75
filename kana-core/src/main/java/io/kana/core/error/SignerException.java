package io.kana.core.error;

/**
 * The wallet's signer (the configured key, an HSM, a KMS, a remote signer) failed or gave malformed
 * output: no transaction was signed, so nothing was sent and trying again cannot duplicate anything.
 * The message names what failed but never quotes key material.
 */
public final class SignerException extends TransactionNotSentException {

    public SignerException(String message, Throwable cause) {
        super("sign", message, cause);
    }
}
