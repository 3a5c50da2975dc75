package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.node.AptosNodeClient;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.TradeListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

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
 * with {@link io.kana.core.error.TransactionRejectedException}.
 *
 * <p><b>No duplicates.</b> When the answer to a submit is lost (timeout, reset, 5xx, 429) the same signed
 * bytes are sent again, never a re-signed order. If no attempt is answered, or a repeat is refused, the
 * transaction is looked up by its hash: known means submitted, otherwise the order fails with
 * {@link io.kana.core.error.TransactionOutcomeUnknownException}; it may still commit until it expires.
 *
 * <p><b>Journal.</b> With a {@link TransactionJournal}, each signed transaction is written to it, durably,
 * before its first send. A submitter started on a journal first settles every entry a previous process left
 * unsettled (committed, or proven expired on chain time; see {@link #recovered()}) and numbers no new
 * transaction before that is done.
 *
 * <p>Thread-safe. {@link #close()} stops the background gas price refresh; the scheduler stays the caller's.
 *
 * <p>Inside, one job per class: {@code NumberingLane} numbers and signs, {@code Delivery} sends one signed
 * transaction and reads the answers, {@code OutcomeWatch} waits for outcomes, {@code JournalHooks} writes the
 * journal; {@link io.kana.aptos.node.SubmitRefusal} is the one reading of a node's refusal.
 */
public final class AptosTransactionSubmitter implements TransactionSubmitter, AutoCloseable {

    private final WalletSigner wallet;
    private final AccountAddress sender;
    private final NodeGateway node;
    private final TransactionSigning signing;
    private final NodeCaches caches;
    private final NumberingLane lane;
    private final OutcomeWatch outcomes;
    private final Memo<List<RecoveredTransaction>> recovery;

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
        return new AptosTransactionSubmitter(wallet, new NodeClientGateway(node, scheduler),
                new FactorySigning(new TransactionFactory()), settings, scheduler, Clock.systemUTC(), journal,
                Objects.requireNonNull(listener, "listener"));
    }

    AptosTransactionSubmitter(WalletSigner wallet, NodeGateway node, TransactionSigning signing,
            SubmitterSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this(wallet, node, signing, settings, scheduler, clock, TransactionJournal.NONE);
    }

    AptosTransactionSubmitter(WalletSigner wallet, NodeGateway node, TransactionSigning signing,
            SubmitterSettings settings, ScheduledExecutorService scheduler, Clock clock, TransactionJournal journal) {
        this(wallet, node, signing, settings, scheduler, clock, journal, TradeListener.NONE);
    }

    private AptosTransactionSubmitter(WalletSigner wallet, NodeGateway node, TransactionSigning signing,
            SubmitterSettings settings, ScheduledExecutorService scheduler, Clock clock, TransactionJournal journal,
            TradeListener listener) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.sender = Objects.requireNonNull(wallet.address(), "wallet.address()");
        this.node = Objects.requireNonNull(node, "node");
        this.signing = Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(journal, "journal");
        this.caches = new NodeCaches(node, scheduler, settings.gasPriceRefreshInterval(), settings.expectedChainId());
        JournalHooks hooks = new JournalHooks(journal, sender);
        this.lane = new NumberingLane(wallet, node, signing, settings, scheduler, clock, caches, hooks, listener);
        this.outcomes = new OutcomeWatch(node, lane, hooks);
        List<JournalEntry> leftOver = journal.unsettled();
        JournalRecovery settler = new JournalRecovery(node, journal, clock);
        this.recovery = new Memo<>(() -> settler.settleAll(leftOver).whenComplete((settled, error) -> {
            if (error == null && !settled.isEmpty()) {
                lane.resyncBeforeNext(); // the settled transactions moved the account's count
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
            return CompletableFuture.failedFuture(Futures.notSent(abi.handle((ignored, error) -> error).join(), "prepare"));
        }
        CompletableFuture<Integer> chainId = caches.chainId();
        CompletableFuture<List<RecoveredTransaction>> settled = recovery.get();
        CompletableFuture<Void> ready = CompletableFuture.allOf(abi, chainId, caches.gasUnitPriceKnown(), settled);
        return lane.enqueue(payload, abi, chainId, ready, settled).result.copy();
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
        return outcomes.await(transaction, timeout);
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload) {
        CompletableFuture<ModuleAbi> abi = abiOf(payload);
        if (abi.isCompletedExceptionally()) {
            return abi.thenApply(ignored -> null);
        }
        CompletableFuture<Integer> chainId = caches.chainId();
        Long next = lane.peekNumber();
        CompletableFuture<Long> number = next != null ? CompletableFuture.completedFuture(next)
                : Futures.call(() -> node.account(sender)).thenApply(account -> account.sequenceNumber().longValueExact());
        return CompletableFuture.allOf(abi, chainId, number, caches.gasUnitPriceKnown())
                .thenCompose(ignored -> node.simulate(signing.simulation(payload, abi.join(),
                        lane.header(number.join(), lane.newExpiry(), chainId.join()), wallet.publicKey())))
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
}
