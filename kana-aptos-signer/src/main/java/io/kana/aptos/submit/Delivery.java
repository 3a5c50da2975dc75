package io.kana.aptos.submit;

import io.kana.aptos.node.SubmitRefusal;
import io.kana.aptos.submit.Order.Submission;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.trading.TradeListener;
import java.math.BigInteger;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signed transaction's sends and what their answers mean. The same bytes are sent again while the answer
 * is lost or the mempool is full, never a re-signed order; when no send is answered, or a repeat is refused,
 * the transaction is looked up by its hash.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    /** Longest wait between re-sends of the same bytes: a node drains its mempool as fast as blocks commit. */
    private static final long MAX_RESEND_DELAY_MS = 1_000;

    private final NumberingLane lane;
    private final AccountAddress sender;
    private final NodeGateway node;
    private final SubmitterSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final JournalHooks journal;
    private final TradeListener listener;

    Delivery(NumberingLane lane, AccountAddress sender, NodeGateway node, SubmitterSettings settings,
            ScheduledExecutorService scheduler,
            Clock clock, JournalHooks journal, TradeListener listener) {
        this.lane = lane;
        this.sender = sender;
        this.node = node;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.journal = journal;
        this.listener = listener;
    }

    void send(Submission submission, int attempt) {
        Futures.call(() -> node.submit(submission.signed()))
                .whenComplete((ignored, error) -> answered(submission, attempt, error));
    }

    private void answered(Submission submission, int attempt, Throwable error) {
        if (error == null) {
            accepted(submission);
            return;
        }
        Throwable cause = Futures.unwrap(error);
        SubmitRefusal refusal = cause instanceof TransactionRejectedException rejected
                ? SubmitRefusal.of(rejected) : SubmitRefusal.LOST;
        boolean beforeExpiry = nowSecs() < submission.expiry();
        // The account's mempool is full: these bytes were not taken, and releasing their number would strand
        // the accepted transactions behind it. Send the same bytes again once some have committed.
        if (refusal == SubmitRefusal.MEMPOOL_FULL && beforeExpiry && resend(submission, attempt, "mempool_full")) {
            return;
        }
        if (refusal.provesNotTaken()) {
            TransactionRejectedException rejection = (TransactionRejectedException) cause;
            if (attempt == 1) {
                refused(submission, refusal, rejection);
            } else {
                // An earlier attempt may have been accepted; the refusal of a repeat proves nothing.
                settleByHash(submission, attempt, rejection);
            }
            return;
        }
        if (attempt < settings.submitAttempts() && beforeExpiry && resend(submission, attempt, "unanswered")) {
            return;
        }
        settleByHash(submission, attempt, cause);
    }

    /** Schedules the next send of the same bytes; false when the scheduler refuses. */
    private boolean resend(Submission submission, int attempt, String why) {
        long delay = Math.min(settings.retryBackoff().toMillis() << Math.min(attempt - 1, 16), MAX_RESEND_DELAY_MS);
        try {
            scheduler.schedule(() -> send(submission, attempt + 1), delay, TimeUnit.MILLISECONDS);
            listener.retried(why);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: scheduler refused a re-send of {}", sender, submission.hash());
            return false;
        }
    }

    /** The node took exactly this transaction (the node client checked that its answer names it). */
    private void accepted(Submission submission) {
        lane.accepted(submission);
        submission.order().result.complete(new SubmittedTransaction(submission.hash(), sender,
                BigInteger.valueOf(submission.number()), submission.expiry()));
    }

    /** The node refused the first and only send: these bytes are not in the mempool. */
    private void refused(Submission submission, SubmitRefusal refusal, TransactionRejectedException rejection) {
        boolean resign = lane.refused(submission, refusal, rejection);
        LOG.info("{}: sequence number {} refused ({}){}", sender, submission.number(),
                rejection.errorCode(), resign ? ", signing the order again with a fresh number" : "");
        journal.settled(submission.hash(), Settlement.REFUSED);
        if (resign) {
            listener.retried(rejection.errorCode());
        } else {
            submission.order().fail(rejection);
        }
        lane.drain();
    }

    private void settleByHash(Submission submission, int attempts, Throwable lastError) {
        String hash = submission.hash();
        Futures.call(() -> node.isKnown(hash)).whenComplete((known, lookupError) -> {
            if (lookupError == null && Boolean.TRUE.equals(known)) {
                accepted(submission);
                return;
            }
            // Its number stays live until the account's count passes it or a read proves it expired on chain.
            String why = lastError instanceof TransactionRejectedException rejection
                    ? "a repeated send was refused (" + rejection.errorCode() + ")"
                    : "no answer to " + attempts + " sends";
            String lookup = lookupError == null ? "the node does not know it yet" : "looking it up failed too";
            submission.order().fail(new TransactionOutcomeUnknownException(hash, why + " and " + lookup
                    + "; it may still commit until " + submission.expiry() + " (epoch seconds): await it by hash "
                    + "before placing the order again", lastError));
        });
    }

    private long nowSecs() {
        return clock.millis() / 1000;
    }
}
