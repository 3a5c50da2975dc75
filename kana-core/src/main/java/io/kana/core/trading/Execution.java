package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How far an operation goes once its payload passed the check: submit only, or submit and wait
 * for the commit; and whether to simulate first, so that a transaction that would abort is never
 * submitted (costing a node round trip, saving the gas and the sequence number of a failure).
 *
 * @param awaitCommit   whether to wait until the transaction commits
 * @param timeout       how long the whole operation may take, counted from the call: by then its
 *                      future completes, with the outcome unknown if the transaction was submitted;
 *                      null when {@code awaitCommit} is false
 * @param simulateFirst whether to simulate before submitting
 */
public record Execution(boolean awaitCommit, Duration timeout, boolean simulateFirst) {

    /** Submit and return once the node accepted the transaction into its mempool. */
    public static final Execution SUBMIT_ONLY = new Execution(false, null, false);

    public Execution {
        if (awaitCommit) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidRequestException("timeout", "the commit timeout is positive, got " + timeout);
            }
        } else if (timeout != null) {
            throw new InvalidRequestException("timeout", "a timeout only applies when awaiting the commit");
        }
    }

    /** Submit and wait up to {@code timeout} for the commit. */
    public static Execution awaitCommit(Duration timeout) {
        return new Execution(true, timeout, false);
    }

    /** This execution, simulating each transaction before submitting it. */
    public Execution simulatingFirst() {
        return new Execution(awaitCommit, timeout, true);
    }
}
