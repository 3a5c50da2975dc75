package io.kana.core.trading;

import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.SubmittedTransaction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One operation: whether it may still be stopped (nothing signed) and the caller's future. The
 * change from preparing to signing is atomic, so a stop and a signature never both happen.
 */
final class Flight {

    private static final int PREPARING = 0;
    private static final int SIGNING = 1;
    private static final int STOPPED = 2;

    final TradeFuture result = new TradeFuture(this);
    private final AtomicInteger stage = new AtomicInteger(PREPARING);
    private final Duration timeout;
    private final long deadline;
    private volatile SubmittedTransaction submitted;

    /** {@code timeout} bounds the whole operation; null for none (submit only). */
    Flight(Duration timeout) {
        this.timeout = timeout;
        this.deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    void startTimer() {
        if (timeout == null) {
            return;
        }
        ScheduledFuture<?> timer = Timers.INSTANCE.schedule(() -> stop("no outcome within the commit timeout of "
                + timeout, new TransactionNotSentException("timeout", "the commit timeout of " + timeout
                + " passed before the transaction was signed", null)), timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((value, failure) -> timer.cancel(false));
    }

    /** The commit timeout left, at least a millisecond. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    void checkNotStopped() {
        if (stage.get() == STOPPED) {
            throw stopped();
        }
    }

    /** Runs {@code step} only while the operation may still be stopped. */
    <T> CompletableFuture<T> beforeSigning(Supplier<CompletableFuture<T>> step) {
        if (stage.get() != PREPARING) {
            return CompletableFuture.failedFuture(stopped());
        }
        return step.get();
    }

    /** Submits unless the operation was stopped first; from here on it cannot be stopped. */
    CompletableFuture<SubmittedTransaction> sign(Supplier<CompletableFuture<SubmittedTransaction>> submit) {
        if (!stage.compareAndSet(PREPARING, SIGNING)) {
            return CompletableFuture.failedFuture(stopped());
        }
        return submit.get().whenComplete((transaction, failure) -> submitted = transaction);
    }

    /** Completes the result with {@code notSent} if nothing is signed yet; true if so. */
    boolean stopBeforeSigning(KanaException notSent) {
        if (stage.compareAndSet(PREPARING, STOPPED)) {
            result.completeExceptionally(notSent);
            return true;
        }
        return false;
    }

    /** Completes the result now: not sent, or (once signing began) outcome unknown because of {@code why}. */
    void stop(String why, KanaException notSent) {
        if (!stopBeforeSigning(notSent)) {
            SubmittedTransaction transaction = submitted;
            result.completeExceptionally(new TransactionOutcomeUnknownException(
                    transaction == null ? null : transaction.hash(), why + " after the transaction was handed to "
                    + "the submitter; look it up (by hash, or the wallet's transactions) before trying again", null));
        }
    }

    private static TransactionNotSentException stopped() {
        return new TransactionNotSentException("stopped", "the operation was stopped before it was signed", null);
    }

    /**
     * The caller's future. Cancelling it stops the operation only while nothing is signed; after
     * that {@code cancel} returns false and the future still reports the outcome.
     */
    static final class TradeFuture extends CompletableFuture<TradeResult> {

        private final Flight flight;

        TradeFuture(Flight flight) {
            this.flight = flight;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return flight.stage.compareAndSet(PREPARING, STOPPED) && super.cancel(mayInterruptIfRunning);
        }
    }

    /** Created on first use only: ends the operations whose commit timeout passed. */
    private static final class Timers {

        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "kana-trader-timer");
                thread.setDaemon(true);
                return thread;
            });
            timers.setRemoveOnCancelPolicy(true);
            return timers;
        }
    }
}
