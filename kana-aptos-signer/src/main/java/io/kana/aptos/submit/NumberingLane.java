package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.node.AptosErrorCode;
import io.kana.aptos.node.SubmitRefusal;
import io.kana.aptos.submit.Order.Submission;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.TradeListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers orders, signs them in number order and hands them to {@link Delivery}; keeps the account's numbers
 * in step with the node ({@link SequenceNumbers}: resync, throttle, healing numbers lost by a node).
 *
 * <p>Orders wait in ticket (= call) order; a re-signed one keeps its old ticket. All state is guarded by
 * {@link #lock}; node calls and sends happen outside it.
 */
final class NumberingLane {

    private static final Logger LOG = LoggerFactory.getLogger(NumberingLane.class);
    /** Pause before re-reading the committed count while {@link SubmitterSettings#maxUncommitted()} are out. */
    private static final long THROTTLE_DELAY_MS = 20;

    private final WalletSigner wallet;
    private final AccountAddress sender;
    private final NodeGateway node;
    private final TransactionSigning signing;
    private final SubmitterSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final NodeCaches caches;
    private final JournalHooks journal;
    private final TradeListener listener;
    private final Delivery delivery;

    private final Object lock = new Object();
    private final SequenceNumbers numbers = new SequenceNumbers();
    private final PriorityQueue<Order> queue = new PriorityQueue<>(Comparator.comparingLong(order -> order.ticket));
    private long nextTicket;
    /** Accepted transactions by number, until the node counts them or they are proven expired. */
    private final TreeMap<Long, Submission> accepted = new TreeMap<>();
    /** Orders signed again after their accepted transaction was proven expired: old hash → the new signing. */
    private final Map<String, CompletableFuture<SubmittedTransaction>> replacedBy = new HashMap<>();
    private boolean resyncNeeded = true;
    private boolean resyncRunning;
    private boolean draining;

    NumberingLane(WalletSigner wallet, NodeGateway node, TransactionSigning signing, SubmitterSettings settings,
            ScheduledExecutorService scheduler, Clock clock, NodeCaches caches, JournalHooks journal,
            TradeListener listener) {
        this.wallet = wallet;
        this.sender = wallet.address();
        this.node = node;
        this.signing = signing;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.caches = caches;
        this.journal = journal;
        this.listener = listener;
        this.delivery = new Delivery(this, sender, node, settings, scheduler, clock, journal, listener);
    }

    /** Queues a submit call and moves the lane; the order's result completes once it is accepted or failed. */
    Order enqueue(EntryFunctionPayload payload, CompletableFuture<ModuleAbi> abi, CompletableFuture<Integer> chainId,
            CompletableFuture<Void> ready, CompletableFuture<?> journalSettled) {
        Order order;
        synchronized (lock) {
            order = new Order(nextTicket++, payload, abi, chainId, ready, journalSettled);
            queue.add(order);
        }
        drain();
        return order;
    }

    /** The number the next order would get, for a simulation; null before the first read of the node's count. */
    Long peekNumber() {
        synchronized (lock) {
            return numbers.isSynchronised() ? numbers.peek() : null;
        }
    }

    /** The node's count must be read again before the next number (e.g. journaled transactions settled). */
    void resyncBeforeNext() {
        synchronized (lock) {
            resyncNeeded = true;
        }
    }

    /** The transaction's header: everything but its payload. */
    TransactionParameters header(long sequenceNumber, long expirySecs, int chainId) {
        return new TransactionParameters(sender, sequenceNumber, settings.maxGasAmount(), caches.gasUnitPrice(),
                expirySecs, chainId);
    }

    long newExpiry() {
        return nowSecs() + settings.expirationWindow().toSeconds();
    }

    // ---- moving orders: number, sign, hand to delivery ----

    private enum Step { STOP, RESYNC, THROTTLE, WAIT, FAIL, SEND }

    /**
     * Moves queued orders forward. Any thread may call it; one at a time does the work (the others return
     * at once), so numbers are reserved and signed strictly in order without blocking callers.
     */
    void drain() {
        while (true) {
            Step step;
            Order order;
            long number = 0;
            long expiry = 0;
            synchronized (lock) {
                order = queue.peek();
                if (draining || resyncRunning || order == null) {
                    step = Step.STOP;
                } else if (!order.journalSettled.isDone()) {
                    // The count the resync reads means nothing while journaled transactions may still commit.
                    step = order.waiting ? Step.STOP : Step.WAIT;
                    order.waiting = true;
                } else if (order.journalSettled.isCompletedExceptionally()) {
                    queue.poll();
                    step = Step.FAIL;
                } else if (resyncNeeded || !numbers.isSynchronised() || numbers.takeDueCheck(nowSecs())) {
                    resyncNeeded = false;
                    resyncRunning = true;
                    step = Step.RESYNC;
                } else if (numbers.aheadOfCommitted() >= settings.maxUncommitted()) {
                    // The node's mempool holds only so many of an account's transactions: wait for commits.
                    resyncRunning = true;
                    step = Step.THROTTLE;
                } else if (!order.ready.isDone()) {
                    step = order.waiting ? Step.STOP : Step.WAIT;
                    order.waiting = true;
                } else {
                    queue.poll();
                    if (order.ready.isCompletedExceptionally()) {
                        step = Step.FAIL;
                    } else {
                        step = Step.SEND;
                        draining = true;
                        expiry = newExpiry();
                        number = numbers.reserve(expiry);
                    }
                }
            }
            switch (step) {
                case STOP:
                    return;
                case RESYNC:
                    resync();
                    return;
                case THROTTLE:
                    try {
                        scheduler.schedule(this::resync, THROTTLE_DELAY_MS, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException e) {
                        resync();
                    }
                    return;
                case WAIT:
                    order.ready.whenComplete((ignored, error) -> drain());
                    return;
                case FAIL:
                    order.fail(Futures.notSent(order.ready.handle((ignored, error) -> error).join(), "prepare"));
                    break;
                default:
                    try {
                        signAndSend(order, number, expiry);
                    } finally {
                        synchronized (lock) {
                            draining = false;
                        }
                    }
            }
        }
    }

    private void resync() {
        listener.sequenceResynced();
        Futures.call(() -> node.account(sender)).whenComplete((account, readError) -> {
            Throwable error = readError;
            long committed = -1;
            if (error == null) {
                try {
                    committed = account.sequenceNumber().longValueExact();
                } catch (ArithmeticException hostile) {
                    error = new KanaTransportException("read sequence number",
                            "the node reports sequence number " + account.sequenceNumber() + ", beyond any usable", hostile);
                }
            }
            List<Order> stranded = List.of();
            int freed = 0;
            synchronized (lock) {
                resyncRunning = false;
                if (error == null) {
                    // A live number past its expiry on the node's chain time, unused by the account, can never
                    // commit: it is a hole (e.g. accepted and then lost by the node) parking the ones behind it.
                    List<Long> neverCommit = numbers.resync(committed, account::provesNeverCommits, nowSecs());
                    accepted.headMap(committed).clear();
                    freed = neverCommit.size();
                    for (long number : neverCommit) {
                        resignExpired(accepted.remove(number));
                    }
                } else {
                    // Fail what waits rather than retry in a loop against a node that does not answer; none of
                    // these orders is in the mempool. The next submit tries again.
                    resyncNeeded = true;
                    stranded = new ArrayList<>(queue);
                    queue.clear();
                }
            }
            if (error == null) {
                LOG.debug("{}: next sequence number from the node's count {} ({} numbers done or proven expired)",
                        sender, committed, freed);
            } else {
                KanaException failure = Futures.notSent(error, "read sequence number");
                LOG.warn("{}: could not read the sequence number, failing {} waiting orders: {}", sender,
                        stranded.size(), failure.getMessage());
                stranded.forEach(order -> order.fail(failure));
            }
            drain();
        });
    }

    /**
     * Fills the hole with the same order, signed again: its transaction is proven never to execute, and the
     * caller, who holds only its hash, is led to the new one by {@link OutcomeWatch}. Guarded by lock.
     */
    private void resignExpired(Submission expired) {
        if (expired == null) {
            return;
        }
        Order again = expired.order().again();
        replacedBy.put(expired.hash(), again.result);
        journal.settled(expired.hash(), Settlement.EXPIRED);
        queue.add(again);
        LOG.warn("{}: transaction {} (number {}) was accepted but expired on chain unexecuted; signing its order again",
                sender, expired.hash(), expired.number());
    }

    private void signAndSend(Order order, long number, long expiry) {
        SignedTransaction signed;
        try {
            signed = signing.sign(order.payload, order.abi.join(), header(number, expiry, order.chainId.join()), wallet);
        } catch (RuntimeException e) {
            rollBack(number);
            order.fail(Futures.notSent(e, "sign"));
            return;
        }
        try {
            if (order.intentId == null) {
                order.intentId = signed.hash();
            }
            journal.signed(new JournalEntry(order.intentId, signed.hash(), sender, number, expiry,
                    order.payload.function(), String.valueOf(order.payload.functionArguments()), signed.bytes()));
        } catch (RuntimeException e) {
            // Nothing sends these bytes, not even a recovery: the number can go to the next order.
            rollBack(number);
            order.fail(Futures.notSent(e, "journal"));
            return;
        }
        delivery.send(new Submission(order, number, expiry, signed), 1);
    }

    private void rollBack(long number) {
        synchronized (lock) {
            numbers.rollBack(number);
        }
    }

    // ---- what delivery and awaiting learned ----

    /** The node took the transaction: its number stays live until the node counts it or it is proven expired. */
    void accepted(Submission submission) {
        synchronized (lock) {
            accepted.put(submission.number(), submission);
        }
    }

    /**
     * The node refused the first and only send, so these bytes are not in the mempool: frees the number (unless
     * another transaction holds it in the mempool) and queues the order again when {@code refusal} is a
     * numbering problem it may sign its way out of. Returns whether it was queued again.
     */
    boolean refused(Submission submission, SubmitRefusal refusal, TransactionRejectedException rejection) {
        Order order = submission.order();
        boolean resign;
        synchronized (lock) {
            resign = refusal == SubmitRefusal.NUMBERING && order.resigns < settings.maxResigns();
            if (AptosErrorCode.fromWire(rejection.errorCode()) != AptosErrorCode.INVALID_TRANSACTION_UPDATE) {
                numbers.release(submission.number());
            } // else another transaction holds this number in the mempool: leave it live so nobody reuses it
            resyncNeeded = true;
            if (resign) {
                order.resigns++;
                queue.add(order);
            }
        }
        return resign;
    }

    /** The later signing of the order whose transaction {@code hash} was proven expired; null when none. */
    CompletableFuture<SubmittedTransaction> replacementOf(String hash) {
        synchronized (lock) {
            return replacedBy.get(hash);
        }
    }

    /**
     * An await proved {@code transaction} expired unexecuted. The caller learns so and may place it again, so
     * it is never signed again here; its number is free, and later transactions may be parked behind it.
     *
     * @return the later signing when a resync already signed its order again, else null
     */
    CompletableFuture<SubmittedTransaction> provenExpired(SubmittedTransaction transaction) {
        synchronized (lock) {
            CompletableFuture<SubmittedTransaction> replacement = replacedBy.get(transaction.hash());
            if (replacement == null) {
                Submission mine = accepted.get(transaction.sequenceNumber().longValue());
                if (mine != null && mine.hash().equals(transaction.hash())) {
                    accepted.remove(mine.number());
                }
            }
            resyncNeeded = true;
            return replacement;
        }
    }

    long nowSecs() {
        return clock.millis() / 1000;
    }
}
