package io.kana.sandbox.chain;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Aptos chain: accounts with sequence numbers and APT for gas, a mempool that
 * validates submissions as a node does, and one committer thread that runs transactions in order
 * through the {@link PerpsModule}.
 *
 * <p>Locking: {@code lock} guards the mempool, the ready queue and the ledger counters. The module
 * is never called while {@code lock} is held, so the exchange may call back into {@link
 * ChainAccounts} from any thread without a lock-order deadlock.
 */
public final class SandboxNode implements ChainAccounts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxNode.class);

    /** Localnet's minimum gas unit price, also the price the node suggests. */
    public static final long MIN_GAS_UNIT_PRICE = 100;
    public static final long PRIORITIZED_GAS_UNIT_PRICE = 150;
    /** aptos-core's default mempool {@code capacity_per_user}. */
    public static final int CAPACITY_PER_ACCOUNT = 100;
    /** wait_by_hash's default long-poll timeout. */
    public static final Duration WAIT_BY_HASH_TIMEOUT = Duration.ofMillis(1000);


    /**
     * How the node behaves.
     *
     * @param commitDelay        how long an accepted transaction stays pending before it can commit
     * @param capacityPerAccount how many transactions of one account the mempool holds
     */
    public record Config(int chainId, Clock clock, Duration commitDelay, int capacityPerAccount) {
        public Config {
            if (capacityPerAccount < 1) {
                throw new IllegalArgumentException("the mempool must hold at least 1 transaction per account");
            }
            if (chainId < 1 || chainId > 255) {
                throw new IllegalArgumentException("a chain id is 1..255, got " + chainId);
            }
            if (commitDelay.isNegative()) {
                throw new IllegalArgumentException("the commit delay must not be negative, got " + commitDelay);
            }
        }
    }

    /** What the node knows under a transaction hash. */
    public sealed interface Known {
        SignedTransaction transaction();

        ModuleInterface.Resolution resolution();
    }

    /** Accepted into the mempool, not yet committed. */
    record Pending(SignedTransaction transaction, ModuleInterface.Resolution resolution, long arrival,
            long eligibleAtNanos) implements Known {
    }

    /** Committed on chain, successfully or not. */
    public record Committed(SignedTransaction transaction, ModuleInterface.Resolution resolution, long version,
            boolean success, String vmStatus, long gasUsed, long timestampMicros) implements Known {
    }

    /** The outcome of a submission: accepted (possibly idempotently) or an error answer. */
    public sealed interface Submission {
    }

    public record Accepted(Pending pending) implements Submission {
    }

    public record Rejected(NodeError error) implements Submission {
    }

    /** The outcome of a simulation: a would-be committed transaction or an error answer. */
    public record Simulation(Committed result, NodeError error) {
    }

    /** The ledger as {@code GET /v1} reports it. */
    public record LedgerInfo(int chainId, long ledgerVersion, long timestampMicros, long blockHeight) {
    }

    private static final class Account {
        final AtomicLong aptOctas = new AtomicLong();
        /** Written by the committer under {@code lock}; read anywhere. */
        public volatile long sequenceNumber;
    }

    private final Config config;
    private final PerpsModule module;
    private final ModuleInterface moduleInterface;
    private final Vm vm;
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Known> byHash = new ConcurrentHashMap<>();
    private final ScheduledExecutorService committer;

    private final Object lock = new Object();
    private final Map<String, NavigableMap<Long, Pending>> mempool = new HashMap<>();
    private final TreeSet<Pending> ready = new TreeSet<>(Comparator.comparingLong(Pending::arrival));
    /** The transaction the committer is running, still in the mempool until recorded. */
    private Pending executing;
    private long arrivals;
    private long ledgerVersion;
    private long lastBlockMicros;

    /**
     * Creates the node and its module. The module receives this node's {@link ChainAccounts}, so
     * it can fund and read APT balances.
     */
    public SandboxNode(Function<ChainAccounts, PerpsModule> moduleFactory, Config config) {
        this.config = config;
        // The module comes first: if it cannot be built, no committer thread is left behind.
        this.module = moduleFactory.apply(this);
        this.moduleInterface = new ModuleInterface(module);
        this.vm = new Vm(config, moduleInterface);
        this.committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kana-sandbox-committer");
            thread.setDaemon(true);
            return thread;
        });
    }

    public PerpsModule module() {
        return module;
    }

    public ModuleInterface moduleInterface() {
        return moduleInterface;
    }

    public int chainId() {
        return config.chainId();
    }

    // ---- ChainAccounts -------------------------------------------------------------------------

    @Override
    public void fundApt(String address, long octas) {
        if (octas < 0) {
            throw new IllegalArgumentException("octas must not be negative, got " + octas);
        }
        accounts.computeIfAbsent(Hex.longAddress(address), a -> new Account()).aptOctas.addAndGet(octas);
    }

    @Override
    public long aptBalanceOctas(String address) {
        Account account = accounts.get(Hex.longAddress(address));
        return account == null ? 0 : account.aptOctas.get();
    }

    /** The committed sequence number of an existing account. */
    public Optional<Long> sequenceNumber(String address) {
        Account account = accounts.get(Hex.longAddress(address));
        return account == null ? Optional.empty() : Optional.of(account.sequenceNumber);
    }

    public LedgerInfo ledgerInfo() {
        synchronized (lock) {
            return new LedgerInfo(config.chainId(), ledgerVersion, Math.max(lastBlockMicros, nowMicros()),
                    ledgerVersion);
        }
    }

    // ---- submission ----------------------------------------------------------------------------

    /** Validates a signed transaction as mempool and the VM's validator do, and queues it. */
    public Submission submit(byte[] body) {
        SignedTransaction tx;
        try {
            tx = SignedTransaction.decode(body);
        } catch (BcsReader.BcsException e) {
            return new Rejected(NodeError.invalidInput(
                    "Failed to deserialize input into SignedTransaction: " + e.getMessage()));
        }
        boolean signatureValid = tx.signatureValid();
        ModuleInterface.Resolution resolution = moduleInterface.resolve(tx.payload());
        Pending pending;
        synchronized (lock) {
            Account account = accounts.get(tx.sender());
            long current = account == null ? 0 : account.sequenceNumber;
            if (Long.compareUnsigned(tx.sequenceNumber(), current) < 0) {
                return new Rejected(new NodeError(400, "sequence_number_too_old",
                        "transaction sequence number is " + Long.toUnsignedString(tx.sequenceNumber())
                                + ", current sequence number is  " + current, null));
            }
            if (!signatureValid) {
                return new Rejected(NodeError.vm(StatusCode.INVALID_SIGNATURE));
            }
            StatusCode prologue = prologue(tx, account, false);
            if (prologue != null) {
                return new Rejected(NodeError.vm(prologue));
            }
            NavigableMap<Long, Pending> queue = mempool.computeIfAbsent(tx.sender(), s -> new TreeMap<>());
            dropExpired(queue);
            Pending existing = queue.get(tx.sequenceNumber());
            if (existing != null) {
                Submission update = Vm.update(existing, tx);
                if (update != null) {
                    return update;
                }
                if (existing == executing) {
                    return new Rejected(new NodeError(400, "invalid_transaction_update",
                            "Transaction already in mempool and being committed", null));
                }
                ready.remove(existing);
            } else if (queue.size() >= config.capacityPerAccount()) {
                return new Rejected(new NodeError(507, "mempool_is_full",
                        "Mempool over capacity for account. Number of transactions from account: " + queue.size()
                                + " Capacity per account: " + config.capacityPerAccount(), null));
            }
            pending = new Pending(tx, resolution, arrivals++, System.nanoTime() + config.commitDelay().toNanos());
            if (existing != null) {
                byHash.remove(existing.transaction().hash());
            }
            queue.put(tx.sequenceNumber(), pending);
            byHash.put(tx.hash(), pending);
            if (tx.sequenceNumber() == current) {
                ready.add(pending);
            }
        }
        scheduleCommit(config.commitDelay().toNanos());
        return new Accepted(pending);
    }

    private StatusCode prologue(SignedTransaction tx, Account account, boolean execution) {
        return account == null ? vm.prologue(tx, null, 0, execution)
                : vm.prologue(tx, account.sequenceNumber, account.aptOctas.get(), execution);
    }

    private boolean expired(SignedTransaction tx) {
        return vm.expired(tx);
    }

    /** Drops transactions that expired while they waited; a node forgets them (by_hash 404). */
    private void dropExpired(NavigableMap<Long, Pending> queue) {
        queue.values().removeIf(p -> {
            if (p != executing && expired(p.transaction())) {
                ready.remove(p);
                byHash.remove(p.transaction().hash(), p);
                return true;
            }
            return false;
        });
    }

    // ---- committing ----------------------------------------------------------------------------

    private void scheduleCommit(long delayNanos) {
        if (!committer.isShutdown()) {
            try {
                committer.schedule(this::commitReady, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("node closed; not committing");
            }
        }
    }

    /** Commits every ready transaction whose delay has passed, oldest first. Runs on the committer. */
    private void commitReady() {
        while (true) {
            Pending next;
            long version;
            synchronized (lock) {
                next = ready.isEmpty() ? null : ready.first();
                if (next == null) {
                    return;
                }
                long wait = next.eligibleAtNanos() - System.nanoTime();
                if (wait > 0) {
                    scheduleCommit(wait);
                    return;
                }
                ready.remove(next);
                if (expired(next.transaction())) {
                    forget(next);
                    lock.notifyAll();
                    continue;
                }
                executing = next;
                // Only this thread advances the ledger, so the transaction commits at the next version.
                version = ledgerVersion + 1;
            }
            Committed committed = execute(next, version);
            synchronized (lock) {
                record(committed);
                executing = null;
                lock.notifyAll();
            }
        }
    }

    private void forget(Pending pending) {
        SignedTransaction tx = pending.transaction();
        NavigableMap<Long, Pending> queue = mempool.get(tx.sender());
        if (queue != null) {
            queue.remove(tx.sequenceNumber(), pending);
        }
        byHash.remove(tx.hash(), pending);
    }

    /**
     * Runs one transaction at ledger {@code version}. Outside {@code lock}: the module may call back
     * into the accounts.
     */
    private Committed execute(Pending pending, long version) {
        SignedTransaction tx = pending.transaction();
        long timestamp = nextBlockMicros();
        Committed committed = vm.outcome(tx, pending.resolution(), version, timestamp, call -> module.execute(
                tx.sender(), call.function(), call.typeArguments(), call.arguments(), timestamp, version));
        charge(tx.sender(), unsigned(committed.gasUsed()).multiply(unsigned(tx.gasUnitPrice())));
        return committed;
    }

    private void charge(String sender, BigInteger fee) {
        Account account = accounts.get(sender);
        long octas = fee.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        account.aptOctas.getAndUpdate(balance -> Math.max(0, balance - octas));
    }

    private void record(Committed committed) {
        SignedTransaction tx = committed.transaction();
        ledgerVersion = committed.version();
        lastBlockMicros = committed.timestampMicros();
        Account account = accounts.get(tx.sender());
        account.sequenceNumber = tx.sequenceNumber() + 1;
        NavigableMap<Long, Pending> queue = mempool.get(tx.sender());
        queue.remove(tx.sequenceNumber());
        byHash.put(tx.hash(), committed);
        Pending successor = queue.get(account.sequenceNumber);
        if (successor != null) {
            ready.add(successor);
        }
        if (queue.isEmpty()) {
            mempool.remove(tx.sender());
        }
    }

    private long nextBlockMicros() {
        synchronized (lock) {
            return Math.max(lastBlockMicros + 1, nowMicros());
        }
    }

    private long nowMicros() {
        java.time.Instant now = config.clock().instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    // ---- simulation and lookup -----------------------------------------------------------------

    /**
     * Simulates a transaction with an invalid signature against the current state, changing
     * nothing: the prologue as at execution, then the module's dry run, with the gas a commit would
     * charge. Runs on the caller's thread, concurrently with the committer; the module serialises
     * its dry runs with its transactions.
     */
    public Simulation simulate(byte[] body, boolean estimateGasUnitPrice, boolean estimateMaxGasAmount) {
        SignedTransaction tx;
        try {
            tx = SignedTransaction.decode(body);
        } catch (BcsReader.BcsException e) {
            return new Simulation(null, NodeError.invalidInput(
                    "Failed to deserialize input into SignedTransaction: " + e.getMessage()));
        }
        if (tx.signatureValid()) {
            return new Simulation(null, NodeError.invalidInput("Simulated transactions must not have a valid signature"));
        }
        Account account = accounts.get(tx.sender());
        ModuleInterface.Resolution resolution = moduleInterface.resolve(tx.payload());
        long gasUnitPrice = estimateGasUnitPrice ? MIN_GAS_UNIT_PRICE : tx.gasUnitPrice();
        long maxGas = tx.maxGasAmount();
        if (estimateMaxGasAmount && account != null) {
            maxGas = Math.min(Vm.MAX_GAS_UNITS, account.aptOctas.get() / Math.max(1, gasUnitPrice));
        }
        SignedTransaction priced = new SignedTransaction(tx.sender(), tx.sequenceNumber(), tx.payload(),
                tx.payloadBytes(), maxGas, gasUnitPrice, tx.expirationSecs(), tx.chainId(), tx.publicKey(),
                tx.signature(), tx.rawBytes(), tx.signedBytes(), tx.hash());
        long timestamp = Math.max(lastBlockMicrosSnapshot() + 1, nowMicros());
        long version = ledgerInfo().ledgerVersion() + 1;
        StatusCode prologue = prologue(priced, account, true);
        if (prologue != null) {
            return new Simulation(new Committed(priced, resolution, version, false, prologue.name(), 0, timestamp),
                    null);
        }
        return new Simulation(vm.outcome(priced, resolution, version, timestamp, call -> module.simulate(
                priced.sender(), call.function(), call.typeArguments(), call.arguments(), timestamp)), null);
    }

    private long lastBlockMicrosSnapshot() {
        synchronized (lock) {
            return lastBlockMicros;
        }
    }

    /** What the node knows under this hash right now; an expired pending transaction is forgotten. */
    public Optional<Known> byHash(String hash) {
        Known known = byHash.get(hash.toLowerCase(java.util.Locale.ROOT));
        if (known instanceof Pending pending && expired(pending.transaction())) {
            synchronized (lock) {
                if (pending != executing) {
                    ready.remove(pending);
                    forget(pending);
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(known);
    }

    /** Waits up to {@code timeout} for a pending transaction to commit (or be dropped). */
    public Optional<Known> waitByHash(String hash, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<Known> known = byHash(hash);
                long remaining = deadline - System.nanoTime();
                if (known.isEmpty() || known.get() instanceof Committed || remaining <= 0) {
                    return known;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
        }
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    @Override
    public void close() {
        committer.shutdownNow();
    }
}
