package io.kana.core.error;

/**
 * Nothing was signed or sent: preparing the transaction failed (reading the chain id, gas price, account or
 * module ABI, a node on another chain, or the signer). The order certainly does not exist, so trying again
 * cannot duplicate it.
 */
public final class TransactionNotSentException extends KanaException {

    private final String step;

    public TransactionNotSentException(String step, String message, Throwable cause) {
        super("nothing was sent (" + step + " failed): " + message, cause);
        this.step = step;
    }

    /** What was being prepared, e.g. {@code read chain id}, {@code sign}. */
    public String step() {
        return step;
    }

    @Override
    public boolean effectMayExist() {
        return false;
    }
}
