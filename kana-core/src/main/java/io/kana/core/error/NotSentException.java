package io.kana.core.error;

/**
 * The operation stopped before anything was signed, so nothing reached the chain and trying again
 * cannot duplicate it: the trader was closed, the caller cancelled, its time ran out, too many
 * operations were waiting, or a read needed to build the transaction failed.
 */
public final class NotSentException extends KanaException {

    private final String stage;

    public NotSentException(String stage, String message, Throwable cause) {
        super(stage + ": not sent: " + message, cause);
        this.stage = stage;
    }

    /** Where it stopped, e.g. {@code closed}, {@code timeout}, {@code sequence_number}. */
    public String stage() {
        return stage;
    }
}
