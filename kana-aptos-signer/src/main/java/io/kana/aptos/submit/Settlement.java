package io.kana.aptos.submit;

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

    /** Whether the transaction's effect exists (only a successful commit has one). */
    public boolean executed() {
        return this == SUCCEEDED;
    }
}
