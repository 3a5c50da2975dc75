package io.kana.core.error;

import io.kana.core.model.TransactionOutcome;

/**
 * The transaction was committed but failed (a Move abort): the sequence number and gas were
 * consumed, the requested effect did not happen.
 */
public final class TransactionFailedException extends KanaException {

    private final transient TransactionOutcome outcome;

    public TransactionFailedException(TransactionOutcome outcome) {
        super("transaction " + outcome.hash() + " failed on chain: " + outcome.vmStatus());
        this.outcome = outcome;
    }

    public TransactionOutcome outcome() {
        return outcome;
    }
}
