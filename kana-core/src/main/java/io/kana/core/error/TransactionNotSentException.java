package io.kana.core.error;

/**
 * Nothing was signed or sent, so the operation certainly has no effect and trying again cannot
 * duplicate it: the trader was closed, the caller cancelled, its time ran out, too many operations
 * were waiting, or preparing the transaction failed (reading the chain id, gas price, account or
 * module ABI, a node on another chain), or the signer failed ({@link SignerException}).
 */
public sealed class TransactionNotSentException extends KanaException permits SignerException {

    private final String stage;

    public TransactionNotSentException(String stage, String message, Throwable cause) {
        super("nothing was sent (" + stage + "): " + message, cause);
        this.stage = stage;
    }

    /** Where it stopped, e.g. {@code closed}, {@code timeout}, {@code read chain id}, {@code sign}. */
    public String stage() {
        return stage;
    }

    @Override
    public boolean effectMayExist() {
        return false;
    }
}
