package io.kana.core.error;

/**
 * The transaction was signed and possibly accepted, but its outcome could not be learned (the
 * submit answer was lost, or waiting timed out). It may still commit: look it up by {@link #hash()}
 * before placing it again.
 */
public final class TransactionOutcomeUnknownException extends KanaException {

    private final String hash;

    public TransactionOutcomeUnknownException(String hash, String message, Throwable cause) {
        super((hash == null ? "outcome of the submitted transaction" : "outcome of transaction " + hash)
                + " unknown: " + message, cause);
        this.hash = hash;
    }

    /** The locally computed transaction hash, or null when it was never computed. */
    public String hash() {
        return hash;
    }

    @Override
    public boolean effectMayExist() {
        return true;
    }
}
