package io.kana.aptos.node;

import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.TransactionOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a transaction to commit: straight to one server long poll (wait_by_hash), which answers
 * a just-accepted transaction's commit in one request; only where the poll cannot answer (still
 * pending after the node's own wait, not found, an error) by_hash follows, with a backoff that starts
 * at {@code initialPoll} and grows 1.5x up to {@code maxPoll}. 404 (not yet known), 408, 429 and 5xx
 * answers and I/O errors mean "not yet". The deadline cancels whatever call is in flight.
 */
final class TransactionAwaiter {

    static final String BY_HASH = "transactionByHash";
    static final String WAIT_BY_HASH = "waitTransactionByHash";

    private final NodeApi api;
    private final NodeCalls calls;
    private final Delayer delayer;
    private final long initialPollMillis;
    private final long maxPollMillis;

    TransactionAwaiter(NodeApi api, NodeCalls calls, Delayer delayer, Duration initialPoll, Duration maxPoll) {
        this.api = api;
        this.calls = calls;
        this.delayer = delayer;
        this.initialPollMillis = initialPoll.toMillis();
        this.maxPollMillis = maxPoll.toMillis();
    }

    /**
     * @param expirationTimestampSecs the transaction's expiration (chain clock), or -1 when unknown;
     *                                known, it lets a 404 past that time end the wait as definitely
     *                                not executed
     * @param failedCommitIsOutcome whether a committed but failed transaction completes normally with its
     *                              outcome rather than with {@link TransactionFailedException}
     */
    CompletableFuture<TransactionOutcome> await(String hash, long expirationTimestampSecs, Duration timeout,
            boolean failedCommitIsOutcome) {
        Wait wait = new Wait(hash, expirationTimestampSecs, timeout, failedCommitIsOutcome);
        wait.start();
        return wait.result;
    }

    private enum Step { LONG_POLL, POLL }

    /** One wait; at most one HTTP call in flight at a time. */
    private final class Wait {

        final String hash;
        final long expirationTimestampSecs;
        final Duration timeout;
        final boolean failedCommitIsOutcome;
        final CompletableFuture<TransactionOutcome> result = new CompletableFuture<>();
        volatile CompletableFuture<NodeResponse> inFlight;
        volatile String lastSeen = "no answer yet";
        volatile Throwable lastProblem;
        long pollMillis = initialPollMillis;
        final long deadlineNanos;

        Wait(String hash, long expirationTimestampSecs, Duration timeout, boolean failedCommitIsOutcome) {
            this.hash = hash;
            this.expirationTimestampSecs = expirationTimestampSecs;
            this.timeout = timeout;
            this.failedCommitIsOutcome = failedCommitIsOutcome;
            this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        void start() {
            Runnable cancelDeadline = delayer.schedule(timeout.toMillis(), this::expire);
            result.whenComplete((outcome, failure) -> {
                cancelDeadline.run();
                CompletableFuture<NodeResponse> call = inFlight;
                if (call != null) {
                    call.cancel(false);
                }
            });
            ask(Step.LONG_POLL);
        }

        void ask(Step step) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<NodeResponse> call =
                    calls.send(step == Step.LONG_POLL ? api.waitByHash(hash) : api.byHash(hash));
            inFlight = call;
            if (result.isDone()) {
                call.cancel(false);
                return;
            }
            call.whenComplete((response, failure) -> handle(step, response, failure));
        }

        void handle(Step step, NodeResponse response, Throwable failure) {
            if (result.isDone()) {
                return;
            }
            String endpoint = step == Step.LONG_POLL ? WAIT_BY_HASH : BY_HASH;
            long retryAfterMillis = -1;
            Throwable problem = failure == null ? null : NodeCalls.unwrap(failure);
            if (problem != null) {
                if (!(problem instanceof IOException)) {
                    giveUp("the lookup failed: " + problem, problem);
                    return;
                }
                lastSeen = "no answer (" + problem + ")";
                lastProblem = problem;
            } else if (response.successful()) {
                TransactionStatus status;
                try {
                    status = NodeCalls.decode(endpoint, response, NodeJson::transaction);
                } catch (KanaDecodingException e) {
                    giveUp("the node's answer could not be decoded", e);
                    return;
                }
                if (status.phase() == TransactionStatus.Phase.COMMITTED) {
                    finish(status.outcome());
                    return;
                }
                lastSeen = "pending in mempool";
                lastProblem = null;
            } else if (response.status() == 404) {
                if (expiredOnChain(response)) {
                    return;
                }
                lastSeen = "not found (not yet seen by this node, or dropped from mempool)";
                lastProblem = null;
            } else if (response.retryable()) {
                lastSeen = "HTTP " + response.status();
                lastProblem = response.error(endpoint);
                retryAfterMillis = response.retryAfterMillis();
            } else {
                giveUp("the node refused the lookup", response.error(endpoint));
                return;
            }
            long delay = Math.max(pollMillis, retryAfterMillis);
            pollMillis = Math.min(maxPollMillis, pollMillis + pollMillis / 2);
            if (System.nanoTime() + delay * 1_000_000L - deadlineNanos < 0) {
                delayer.schedule(delay, () -> ask(Step.POLL));
            }
            // Otherwise expire() ends the wait at the deadline; another lookup could not land in time.
        }

        /**
         * A node whose ledger has reached the expiration time holds every version the transaction
         * could have committed at, and no later block can include it (the prologue requires chain
         * time below the expiration). So "not found" from it is final.
         */
        boolean expiredOnChain(NodeResponse notFound) {
            long chainMicros = notFound.ledgerTimestampMicros();
            if (!ChainTime.hasPassed(chainMicros, expirationTimestampSecs)) {
                return false;
            }
            result.completeExceptionally(new TransactionRejectedException(notFound.status(),
                    AptosErrorCode.TRANSACTION_NOT_FOUND.wireName(), VmStatusCode.TRANSACTION_EXPIRED.code(),
                    "transaction " + hash + " expired at " + expirationTimestampSecs + " s (chain time is "
                            + chainMicros / 1_000_000L + " s) without being committed: it was not executed"
                            + " and never will be"));
            return true;
        }

        void finish(TransactionOutcome outcome) {
            if (outcome.success() || failedCommitIsOutcome) {
                result.complete(outcome);
            } else {
                result.completeExceptionally(new TransactionFailedException(outcome));
            }
        }

        void expire() {
            result.completeExceptionally(new TransactionOutcomeUnknownException(hash,
                    "not committed within " + timeout.toMillis() + " ms, last seen: " + lastSeen
                            + ". It may still commit until its expiration time: look it up by hash"
                            + " before sending it again", lastProblem));
        }

        void giveUp(String why, Throwable cause) {
            result.completeExceptionally(new TransactionOutcomeUnknownException(hash,
                    why + " while waiting; look it up by hash before sending it again", cause));
        }
    }
}
