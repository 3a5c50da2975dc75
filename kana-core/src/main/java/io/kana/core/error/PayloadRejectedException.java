package io.kana.core.error;

/**
 * The transaction payload returned by the trade API is not what the caller asked for (wrong module,
 * a framework function, different market or order ids...). Nothing was signed or sent.
 */
public final class PayloadRejectedException extends KanaException {

    private final String function;

    public PayloadRejectedException(String function, String reason) {
        super("refusing to sign payload " + function + ": " + reason);
        this.function = function;
    }

    /** The payload's function id. */
    public String function() {
        return function;
    }
}
