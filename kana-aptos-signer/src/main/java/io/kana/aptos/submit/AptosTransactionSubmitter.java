package io.kana.aptos.submit;

import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.node.AptosNodeClient;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.error.SafeText;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.trading.TradeListener;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs entry-function payloads with one wallet and submits them to an Aptos node, many at a time.
 *
 * <p><b>Cost.</b> The chain id, each module's ABI and the account's sequence number are read once; the gas
 * price once and then refreshed in the background. After the first order, an order costs one request:
 * the submit.
 *
 * <p><b>Numbering.</b> Orders are numbered and signed in the order {@code submit} was called and sent
 * without waiting for each other. A number is never used for two transactions that could both be in the
 * mempool. After the node refuses a transaction outright, the numbers are re-read from the node: a refused
 * number is handed to the next order, which unblocks the orders queued behind it (so that next order may
 * execute before them). An order refused only for its number ({@code sequence_number_too_old},
 * {@code invalid_transaction_update}, VM {@code SEQUENCE_NUMBER_TOO_OLD/NEW}) is signed again with a
 * fresh number, at most {@link SubmitterSettings#maxResigns()} times; any other refusal fails the order
 * with {@link TransactionRejectedException}.
 *
 * <p><b>No duplicates.</b> When the answer to a submit is lost (timeout, reset, 5xx, 429) the same signed
 * bytes are sent again, never a re-signed order. If no attempt is answered, or a repeat is refused, the
 * transaction is looked up by its hash: known means submitted, otherwise the order fails with
 * {@link TransactionOutcomeUnknownException}; it may still commit until it expires.
 *
 * <p><b>Journal.</b> With a {@link TransactionJournal}, each signed transaction is written to it, durably,
 * before its first send. A submitter started on a journal first settles every entry a previous process left
 * unsettled (committed, or proven expired on chain time; see {@link #recovered()}) and numbers no new
 * transaction before that is done.
 *
 * <p>Thread-safe. {@link #close()} stops the background gas price refresh; the scheduler stays the caller's.
 */
public final class AptosTransactionSubmitter implements TransactionSubmitter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AptosTransactionSubmitter.class);
    private static final long VM_SEQUENCE_NUMBER_TOO_OLD = 3;
    /** Pause before re-reading the committed count while {@link SubmitterSettings#maxUncommitted()} are out. */
    private static final long THROTTLE_DELAY_MS = 20;
    /** Longest wait between re-sends of the same bytes: a node drains its mempool as fast as blocks commit. */
    private static final long MAX_RESEND_DELAY_MS = 1_000;
    private static final long VM_SEQUENCE_NUMBER_TOO_NEW = 4;

    private final WalletSigner wallet;
    private final AccountAddress sender;
    private final NodeGateway node;
    private final TransactionSigning signing;
    private final SubmitterSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final NodeCaches caches;
    private final TransactionJournal journal;
    private final Memo<List<RecoveredTransaction>> recovery;

    private final Object lock = new Object();
    // Guarded by lock. Orders wait in ticket (= call) order; re-signed ones keep their old ticket.
    private final SequenceNumbers numbers;
    private final PriorityQueue<Order> queue = new PriorityQueue<>(Comparator.comparingLong(order -> order.ticket));
    private long nextTicket;
    /** Accepted transactions by number, until the node counts them or they are proven expired. */
    private final TreeMap<Long, Submission> accepted = new TreeMap<>();
    /** Orders signed again after their accepted transaction was proven expired: old hash → the new signing. */
    private final Map<String, CompletableFuture<SubmittedTransaction>> replacedBy = new HashMap<>();
    private boolean resyncNeeded = true;
    private boolean resyncRunning;
    private boolean draining;
    /** Set once, before the submitter is shared. */
    private TradeListener listener = TradeListener.NONE;

    /**
     * A submitter that signs with {@code wallet} and talks to {@code node}.
     *
     * @param scheduler runs the background gas price refresh and the node's few blocking reads
     *                  (chain id, ABI, gas price, simulate); it stays the caller's to shut down
     */
    public static AptosTransactionSubmitter create(WalletSigner wallet, AptosNodeClient node, SubmitterSettings settings,
            ScheduledExecutorService scheduler) {
        return create(wallet, node, settings, scheduler, TransactionJournal.NONE);
    }

    /**
     * A submitter that also journals every signed transaction before sending it, and starts by settling what
     * {@code journal} holds unsettled; the journal stays the caller's to close.
     */
    public static AptosTransactionSubmitter create(WalletSigner wallet, AptosNodeClient node, SubmitterSettings settings,
            ScheduledExecutorService scheduler, TransactionJournal journal) {
        return create(wallet, node, settings, scheduler, journal, TradeListener.NONE);
    }

    /** {@link #create(WalletSigner, AptosNodeClient, SubmitterSettings, ScheduledExecutorService, TransactionJournal)} telling {@code listener} of resyncs and retries. */
    public static AptosTransactionSubmitter create(WalletSigner wallet, AptosNodeClient node, SubmitterSettings settings,
            ScheduledExecutorService scheduler, TransactionJournal journal, TradeListener listener) {
        AptosTransactionSubmitter submitter = new AptosTransactionSubmitter(wallet, new NodeClientGateway(node, scheduler),
                new FactorySigning(new TransactionFactory()), settings, scheduler, Clock.systemUTC(), journal);
        submitter.listener = Objects.requireNonNull(listener, "listener");
        return submitter;
    }

    AptosTransactionSubmitter(WalletSigner wallet, NodeGateway node, TransactionSigning signing,
            SubmitterSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this(wallet, node, signing, settings, scheduler, clock, TransactionJournal.NONE);
    }

    AptosTransactionSubmitter(WalletSigner wallet, NodeGateway node, TransactionSigning signing,
            SubmitterSettings settings, ScheduledExecutorService scheduler, Clock clock, TransactionJournal journal) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.sender = Objects.requireNonNull(wallet.address(), "wallet.address()");
        this.node = Objects.requireNonNull(node, "node");
        this.signing = Objects.requireNonNull(signing, "signing");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.caches = new NodeCaches(node, scheduler, settings.gasPriceRefreshInterval(), settings.expectedChainId());
        this.numbers = new SequenceNumbers();
        this.journal = Objects.requireNonNull(journal, "journal");
        List<JournalEntry> leftOver = journal.unsettled();
        JournalRecovery settler = new JournalRecovery(node, journal, clock);
        this.recovery = new Memo<>(() -> settler.settleAll(leftOver).whenComplete((settled, error) -> {
            if (error == null && !settled.isEmpty()) {
                synchronized (lock) {
                    resyncNeeded = true; // the settled transactions moved the account's count
                }
            }
        }));
        recovery.get();
    }

    @Override
    public AccountAddress sender() {
        return sender;
    }

    /** The modules' functions as this submitter's cached ABIs describe them, for the contract's drift guard. */
    public ModuleInterfaces moduleInterfaces() {
        return new CachedModuleInterfaces(caches);
    }

    /**
     * The transactions a previous process journaled and left unsettled, each with its fate on chain; empty
     * without a journal. Completes once all are settled (new orders wait for that); when some could not be
     * settled yet it fails, and the next submit tries again.
     */
    public CompletableFuture<List<RecoveredTransaction>> recovered() {
        return recovery.get().copy();
    }

    @Override
    public CompletableFuture<SubmittedTransaction> submit(EntryFunctionPayload payload) {
        CompletableFuture<ModuleAbi> abi = abiOf(payload);
        if (abi.isCompletedExceptionally()) {
            return CompletableFuture.failedFuture(notSent(abi.handle((ignored, error) -> error).join(), "prepare"));
        }
        CompletableFuture<Integer> chainId = caches.chainId();
        CompletableFuture<List<RecoveredTransaction>> settled = recovery.get();
        CompletableFuture<Void> ready = CompletableFuture.allOf(abi, chainId, caches.gasUnitPriceKnown(), settled);
        Order order;
        synchronized (lock) {
            order = new Order(nextTicket++, payload, abi, chainId, ready, settled);
            queue.add(order);
        }
        drain();
        return order.result.copy();
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the transaction was accepted and then proven expired on chain with its number still unused (a
     * node lost it), its order was signed again; the wait follows that transaction, whose outcome carries its
     * own hash.
     */
    @Override
    public CompletableFuture<TransactionOutcome> awaitOutcome(SubmittedTransaction transaction, Duration timeout) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<SubmittedTransaction> replacement;
        synchronized (lock) {
            replacement = replacedBy.get(transaction.hash());
        }
        if (replacement != null) {
            return followReplacement(replacement, deadline);
        }
        return Futures.call(() -> node.await(transaction, timeout))
                .handle((outcome, error) -> {
                    settleInJournal(transaction.hash(), outcome, error);
                    return error == null
                            ? committed(outcome)
                            : notCommitted(transaction, timeout, deadline, Futures.unwrap(error));
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
            return awaitOutcome(next, Duration.ofNanos(left));
        });
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload) {
        CompletableFuture<ModuleAbi> abi = abiOf(payload);
        if (abi.isCompletedExceptionally()) {
            return abi.thenApply(ignored -> null);
        }
        CompletableFuture<Integer> chainId = caches.chainId();
        CompletableFuture<Long> sequenceNumber;
        synchronized (lock) {
            sequenceNumber = numbers.isSynchronised() ? CompletableFuture.completedFuture(numbers.peek()) : null;
        }
        if (sequenceNumber == null) {
            sequenceNumber = Futures.call(() -> node.account(sender)).thenApply(account -> account.sequenceNumber().longValueExact());
        }
        CompletableFuture<Long> number = sequenceNumber;
        return CompletableFuture.allOf(abi, chainId, number, caches.gasUnitPriceKnown())
                .thenCompose(ignored -> {
                    TransactionHeader header = header(number.join(), nowSecs() + expirationSecs(), chainId.join());
                    byte[] unsigned = signing.simulation(payload, abi.join(), header, wallet.publicKey());
                    return node.simulate(unsigned);
                })
                .handle((outcome, error) -> {
                    if (error != null) {
                        throw Futures.asKana(error, "simulate");
                    }
                    return outcome;
                });
    }

    /** Stops the background gas price refresh. Transactions already submitted are not affected. */
    @Override
    public void close() {
        caches.close();
    }

    @Override
    public String toString() {
        return "AptosTransactionSubmitter[sender=" + sender + "]";
    }

    // ---- the lane: numbers orders, signs them in number order, starts their sends ----

    private enum Step { STOP, RESYNC, THROTTLE, WAIT, FAIL, SEND }

    /**
     * Moves queued orders forward. Any thread may call it; one at a time does the work (the others return
     * at once), so numbers are reserved and signed strictly in order without blocking callers.
     */
    private void drain() {
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
                        expiry = nowSecs() + expirationSecs();
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
                    order.fail(notSent(order.ready.handle((ignored, error) -> error).join(), "prepare"));
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
                KanaException failure = notSent(error, "read sequence number");
                LOG.warn("{}: could not read the sequence number, failing {} waiting orders: {}", sender,
                        stranded.size(), failure.getMessage());
                stranded.forEach(order -> order.fail(failure));
            }
            drain();
        });
    }

    /**
     * Fills the hole with the same order, signed again: its transaction is proven never to execute, and the
     * caller, who holds only its hash, is led to the new one by {@link #awaitOutcome}. Guarded by lock.
     */
    private void resignExpired(Submission expired) {
        if (expired == null) {
            return;
        }
        Order first = expired.order;
        Order again = new Order(first.ticket, first.payload, first.abi, first.chainId, first.ready, first.journalSettled);
        again.intentId = first.intentId;
        replacedBy.put(expired.signed.hash(), again.result);
        settleInJournal(expired.signed.hash(), Settlement.EXPIRED);
        queue.add(again);
        LOG.warn("{}: transaction {} (number {}) was accepted but expired on chain unexecuted; signing its order again",
                sender, expired.signed.hash(), expired.number);
    }

    private void signAndSend(Order order, long number, long expiry) {
        SignedBytes signed;
        try {
            TransactionHeader header = header(number, expiry, order.chainId.join());
            signed = signing.sign(order.payload, order.abi.join(), header, wallet);
        } catch (RuntimeException e) {
            synchronized (lock) {
                numbers.rollBack(number);
            }
            order.fail(notSent(e, "sign"));
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
            synchronized (lock) {
                numbers.rollBack(number);
            }
            order.fail(notSent(e, "journal"));
            return;
        }
        send(new Submission(order, number, expiry, signed), 1);
    }

    // ---- one signed transaction: its sends and what their answers mean ----

    private void send(Submission submission, int attempt) {
        Futures.call(() -> node.submit(submission.signed.bytes()))
                .whenComplete((hash, error) -> answered(submission, attempt, hash, error));
    }

    private void answered(Submission submission, int attempt, String nodeHash, Throwable error) {
        if (error == null) {
            accepted(submission, nodeHash);
            return;
        }
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof TransactionRejectedException rejection && isMempoolFull(rejection)
                && nowSecs() < submission.expiry) {
            // The account's mempool is full: these bytes were not taken, and releasing their number would
            // strand the accepted transactions behind it. Send the same bytes again once some have committed.
            long delay = Math.min(settings.retryBackoff().toMillis() << Math.min(attempt - 1, 16), MAX_RESEND_DELAY_MS);
            try {
                scheduler.schedule(() -> send(submission, attempt + 1), delay, TimeUnit.MILLISECONDS);
                listener.retried("mempool_full");
                return;
            } catch (RejectedExecutionException e) {
                LOG.warn("{}: scheduler refused a re-send of {}", sender, submission.signed.hash());
            }
        }
        if (cause instanceof TransactionRejectedException rejection && isDefinite(rejection)) {
            if (attempt == 1) {
                refused(submission, rejection);
            } else {
                // An earlier attempt may have been accepted; the refusal of a repeat proves nothing.
                settleByHash(submission, attempt, rejection);
            }
            return;
        }
        if (attempt < settings.submitAttempts() && nowSecs() < submission.expiry) {
            long delay = Math.min(settings.retryBackoff().toMillis() << Math.min(attempt - 1, 16), MAX_RESEND_DELAY_MS);
            try {
                scheduler.schedule(() -> send(submission, attempt + 1), delay, TimeUnit.MILLISECONDS);
                listener.retried("unanswered");
                return;
            } catch (RejectedExecutionException e) {
                LOG.warn("{}: scheduler refused a re-send of {}", sender, submission.signed.hash());
            }
        }
        settleByHash(submission, attempt, cause);
    }

    private void accepted(Submission submission, String nodeHash) {
        String hash = submission.signed.hash();
        if (nodeHash != null && !nodeHash.equalsIgnoreCase(hash)) {
            // Only the hash of the bytes we signed identifies our transaction; an answer naming another one
            // says nothing about ours. The number stays live: ours may be in the mempool.
            LOG.error("{}: the node answered a submission naming hash {} for the transaction hashed locally as {}",
                    sender, SafeText.snippet(nodeHash), hash);
            submission.order.fail(new TransactionOutcomeUnknownException(hash, "the node's acceptance names another"
                    + " transaction (" + SafeText.snippet(nodeHash) + "); it may still commit until "
                    + submission.expiry + " (epoch seconds): await it by hash before placing the order again", null));
            return;
        }
        synchronized (lock) {
            accepted.put(submission.number, submission);
        }
        submission.order.result.complete(
                new SubmittedTransaction(hash, sender, BigInteger.valueOf(submission.number), submission.expiry));
    }

    /** The node refused the first and only send: these bytes are not in the mempool. */
    private void refused(Submission submission, TransactionRejectedException rejection) {
        Order order = submission.order;
        boolean resign;
        synchronized (lock) {
            resign = isNumberingProblem(rejection) && order.resigns < settings.maxResigns();
            if (!"invalid_transaction_update".equals(rejection.errorCode())) {
                numbers.release(submission.number);
            } // else another transaction holds this number in the mempool: leave it live so nobody reuses it
            resyncNeeded = true;
            if (resign) {
                order.resigns++;
                queue.add(order);
            }
        }
        LOG.info("{}: sequence number {} refused ({}){}", sender, submission.number, rejection.errorCode(),
                resign ? ", signing the order again with a fresh number" : "");
        settleInJournal(submission.signed.hash(), Settlement.REFUSED);
        if (resign) {
            listener.retried(rejection.errorCode());
        } else {
            order.fail(rejection);
        }
        drain();
    }

    private void settleByHash(Submission submission, int attempts, Throwable lastError) {
        String hash = submission.signed.hash();
        Futures.call(() -> node.isKnown(hash)).whenComplete((known, lookupError) -> {
            if (lookupError == null && Boolean.TRUE.equals(known)) {
                accepted(submission, null);
                return;
            }
            // Its number stays live until the account's count passes it or a read proves it expired on chain.
            String why = lastError instanceof TransactionRejectedException
                    ? "a repeated send was refused (" + ((TransactionRejectedException) lastError).errorCode() + ")"
                    : "no answer to " + attempts + " sends";
            String lookup = lookupError == null ? "the node does not know it yet" : "looking it up failed too";
            submission.order.fail(new TransactionOutcomeUnknownException(hash, why + " and " + lookup
                    + "; it may still commit until " + submission.expiry + " (epoch seconds): await it by hash "
                    + "before placing the order again", lastError));
        });
    }

    // ---- awaiting ----

    private void settleInJournal(String hash, TransactionOutcome outcome, Throwable error) {
        Throwable cause = error == null ? null : Futures.unwrap(error);
        Settlement settlement = outcome != null ? (outcome.success() ? Settlement.SUCCEEDED : Settlement.FAILED)
                : cause instanceof TransactionFailedException ? Settlement.FAILED
                : cause instanceof TransactionRejectedException ? Settlement.EXPIRED
                : null;
        if (settlement != null) {
            settleInJournal(hash, settlement);
        }
    }

    private void settleInJournal(String hash, Settlement settlement) {
        try {
            journal.settled(hash, settlement);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not mark {} settled in the journal ({}); the next start looks it up again",
                    sender, hash, e.getMessage());
        }
    }

    private static CompletableFuture<TransactionOutcome> committed(TransactionOutcome outcome) {
        return outcome.success()
                ? CompletableFuture.completedFuture(outcome)
                : CompletableFuture.failedFuture(new TransactionFailedException(outcome));
    }

    /**
     * Only the node's proof (its chain time past the expiry while it does not know the hash) says the
     * transaction was not executed; the gateway's awaiter applies that rule. Anything else leaves it unknown.
     */
    private CompletableFuture<TransactionOutcome> notCommitted(SubmittedTransaction tx, Duration timeout,
            long deadlineNanos, Throwable cause) {
        if (cause instanceof TransactionFailedException) {
            return CompletableFuture.failedFuture(cause);
        }
        if (cause instanceof TransactionRejectedException expired) {
            CompletableFuture<SubmittedTransaction> replacement;
            synchronized (lock) {
                replacement = replacedBy.get(tx.hash());
                if (replacement == null) {
                    // The caller learns it did not execute and may place it again: never sign it again ourselves.
                    Submission mine = accepted.get(tx.sequenceNumber().longValue());
                    if (mine != null && mine.signed.hash().equals(tx.hash())) {
                        accepted.remove(mine.number);
                    }
                }
                // Its number is free, and later transactions may be parked behind it.
                resyncNeeded = true;
            }
            return replacement != null
                    ? followReplacement(replacement, deadlineNanos)
                    : CompletableFuture.failedFuture(expired);
        }
        return CompletableFuture.failedFuture(cause instanceof TransactionOutcomeUnknownException known
                ? known
                : new TransactionOutcomeUnknownException(tx.hash(), "not committed within " + timeout, cause));
    }

    // ---- small things ----

    /** The ABI of the payload's module; failed at once when the payload is missing or names no valid module. */
    private CompletableFuture<ModuleAbi> abiOf(EntryFunctionPayload payload) {
        if (payload == null) {
            return CompletableFuture.failedFuture(new InvalidRequestException("payload", "a payload is required, got null"));
        }
        try {
            return caches.abi(payload.moduleAddress(), payload.moduleName());
        } catch (KanaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A failure before anything was signed: bad input keeps its own type, anything else (a node read, the
     * chain id, the signer) becomes {@link TransactionNotSentException}.
     */
    private static KanaException notSent(Throwable error, String step) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof InvalidRequestException || cause instanceof PayloadRejectedException
                || cause instanceof TransactionNotSentException) {
            return (KanaException) cause;
        }
        return new TransactionNotSentException(step, SafeText.snippet(String.valueOf(cause.getMessage())), cause);
    }

    /** HTTP 507 {@code mempool_is_full}: the node holds as many of the account's transactions as it will. */
    private static boolean isMempoolFull(TransactionRejectedException rejection) {
        return rejection.httpStatus() == 507 || "mempool_is_full".equals(rejection.errorCode());
    }

    /** A refusal that proves the node did not take the transaction; 408, 429 and 5xx (but 507) prove nothing. */
    private static boolean isDefinite(TransactionRejectedException rejection) {
        int status = rejection.httpStatus();
        return status == 507 || (status >= 400 && status < 500 && status != 408 && status != 429);
    }

    private static boolean isNumberingProblem(TransactionRejectedException rejection) {
        String code = rejection.errorCode();
        Long vmCode = rejection.vmErrorCode();
        return "sequence_number_too_old".equals(code)
                || "invalid_transaction_update".equals(code)
                || ("vm_error".equals(code) && vmCode != null
                        && (vmCode == VM_SEQUENCE_NUMBER_TOO_OLD || vmCode == VM_SEQUENCE_NUMBER_TOO_NEW));
    }

    private TransactionHeader header(long sequenceNumber, long expirySecs, int chainId) {
        return new TransactionHeader(sender, sequenceNumber, settings.maxGasAmount(), caches.gasUnitPrice(),
                expirySecs, chainId);
    }

    private long expirationSecs() {
        return settings.expirationWindow().toSeconds();
    }

    private long nowSecs() {
        return clock.millis() / 1000;
    }

    /** A submit call waiting for, or going through, the lane. */
    private static final class Order {
        final long ticket;
        final EntryFunctionPayload payload;
        final CompletableFuture<ModuleAbi> abi;
        final CompletableFuture<Integer> chainId;
        final CompletableFuture<Void> ready;
        /** The journal's left-over transactions settled; part of {@link #ready}. */
        final CompletableFuture<?> journalSettled;
        final CompletableFuture<SubmittedTransaction> result = new CompletableFuture<>();
        int resigns; // guarded by lock
        boolean waiting; // guarded by lock
        /** The hash of its first signing; set in the lane. */
        String intentId;

        Order(long ticket, EntryFunctionPayload payload, CompletableFuture<ModuleAbi> abi,
                CompletableFuture<Integer> chainId, CompletableFuture<Void> ready, CompletableFuture<?> journalSettled) {
            this.ticket = ticket;
            this.payload = payload;
            this.abi = abi;
            this.chainId = chainId;
            this.ready = ready;
            this.journalSettled = journalSettled;
        }

        void fail(KanaException error) {
            result.completeExceptionally(error);
        }
    }

    /** An order signed with one number; its bytes are sent as they are, however often. */
    private record Submission(Order order, long number, long expiry, SignedBytes signed) {}
}
