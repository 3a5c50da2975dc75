package io.kana.aptos.submit;

import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Waits for submitted transactions and says what became of them: committed (success, or
 * {@link TransactionFailedException}), proven expired on the node's chain time ({@link TransactionRejectedException},
 * or the wait follows the order's later signing), or unknown. Each proof is written to the journal.
 */
final class OutcomeWatch {

    private final NodeGateway node;
    private final NumberingLane lane;
    private final JournalHooks journal;

    OutcomeWatch(NodeGateway node, NumberingLane lane, JournalHooks journal) {
        this.node = node;
        this.lane = lane;
        this.journal = journal;
    }

    CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout) {
        return await(transaction, timeout, System.nanoTime() + timeout.toNanos());
    }

    private CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout,
            long deadlineNanos) {
        CompletableFuture<SubmittedTransaction> replacement = lane.replacementOf(transaction.hash());
        if (replacement != null) {
            return followReplacement(replacement, deadlineNanos);
        }
        return Futures.call(() -> node.await(transaction, timeout))
                .handle((outcome, error) -> {
                    Settlement proven = Settlement.provenBy(outcome, error);
                    if (proven != null) {
                        journal.settled(transaction.hash(), proven);
                    }
                    if (proven == Settlement.EXPIRED) {
                        return expired(transaction, deadlineNanos, Futures.unwrap(error));
                    }
                    return proven != null ? committed(outcome) : unknown(transaction, timeout, Futures.unwrap(error));
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<TransactionOutcome> followReplacement(CompletableFuture<SubmittedTransaction> replacement,
            long deadlineNanos) {
        return replacement.thenCompose(next -> {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return CompletableFuture.failedFuture(new TransactionOutcomeUnknownException(next.hash(),
                        "signed again after its first transaction expired unexecuted, not committed in time", null));
            }
            return await(next, Duration.ofNanos(left));
        });
    }

    /** The one place a committed failure becomes an exception: the gateway and the node client report it as a value. */
    private static CompletableFuture<TransactionOutcome> committed(TransactionOutcome outcome) {
        return outcome.success()
                ? CompletableFuture.completedFuture(outcome)
                : CompletableFuture.failedFuture(new TransactionFailedException(outcome));
    }

    /**
     * Only the node's proof (its chain time past the expiry while it does not know the hash) says the
     * transaction was not executed; the gateway's awaiter applies that rule.
     */
    private CompletableFuture<TransactionOutcome> expired(SubmittedTransaction tx, long deadlineNanos, Throwable proof) {
        CompletableFuture<SubmittedTransaction> replacement = lane.provenExpired(tx);
        return replacement != null ? followReplacement(replacement, deadlineNanos) : CompletableFuture.failedFuture(proof);
    }

    /** Anything but a commit or the node's proof of expiry leaves the transaction's fate unknown. */
    private static CompletableFuture<TransactionOutcome> unknown(SubmittedTransaction tx, Duration timeout,
            Throwable cause) {
        return CompletableFuture.failedFuture(cause instanceof TransactionOutcomeUnknownException known
                ? known
                : new TransactionOutcomeUnknownException(tx.hash(), "not committed within " + timeout, cause));
    }
}
