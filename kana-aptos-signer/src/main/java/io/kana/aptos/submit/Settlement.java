package io.kana.aptos.submit;

import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.TransactionOutcome;

/** What became of a journaled transaction. */
public enum Settlement {
    /** Committed and executed successfully. */
    SUCCEEDED,
    /** Committed, but its execution failed (e.g. a Move abort): it had no effect but the gas paid. */
    FAILED,
    /** Proven never to execute: a node whose chain time passed its expiration does not know it. */
    EXPIRED,
    /** The node refused it outright at its first and only send: it was never in the mempool. */
    REFUSED;

    /**
     * What one wait on the node gateway proved: a commit (success or not), or expiry (the gateway fails a wait
     * with a rejection only when a node whose chain time passed the expiration does not know the transaction);
     * null when it proved nothing. The one reading of an await's answer: the journal, its recovery and
     * {@link OutcomeWatch} all ask it.
     */
    static Settlement provenBy(TransactionOutcome outcome, Throwable awaitFailure) {
        if (outcome != null) {
            return outcome.success() ? SUCCEEDED : FAILED;
        }
        return Futures.unwrap(awaitFailure) instanceof TransactionRejectedException ? EXPIRED : null;
    }

    /** Whether the transaction's effect exists (only a successful commit has one). */
    public boolean executed() {
        return this == SUCCEEDED;
    }
}
