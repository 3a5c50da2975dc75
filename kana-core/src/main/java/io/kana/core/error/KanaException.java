package io.kana.core.error;

/**
 * Root of every error the SDK raises. Messages say what went wrong and, where possible, what to do;
 * they never contain a private key or an API key.
 */
public abstract class KanaException extends RuntimeException {

    protected KanaException(String message) {
        super(message);
    }

    protected KanaException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the requested on-chain effect (an order, a deposit...) may exist despite this error.
     * False means it certainly does not, so retrying cannot duplicate it; true means look it up
     * (for example by transaction hash) before trying again.
     */
    public boolean effectMayExist() {
        return false;
    }
}
