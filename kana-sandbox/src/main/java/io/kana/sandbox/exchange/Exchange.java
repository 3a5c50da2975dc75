package io.kana.sandbox.exchange;

import io.kana.sandbox.chain.ChainAccounts;
import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.chain.PerpsModule;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A simulated Kana Perps exchange: the {@code perpetual_scripts} module that the simulated chain runs,
 * and the trade API that reads its state and builds its payloads.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Units.</b> Sizes are held in lots, prices in ticks, money in quote subunits (USDC has 6
 *       decimals), all {@code long} with overflow checks (an overflow aborts the transaction). The
 *       notional of {@code n} lots at {@code t} ticks is {@code n * t * tick_size} subunits. APT: one
 *       lot is 0.001 APT, one tick 0.001 USDC.
 *   <li><b>Accounts.</b> A wallet holds quote coins (credited by {@link #fundWallet}). Its trading
 *       account is the profile address {@code sha3-256(wallet's 32 bytes || "kana-profile")}.
 *       {@code deposit} moves coins from the sending wallet to the profile of the wallet argument;
 *       {@code withdraw_specific_market(wallet, market, amount)}, where the wallet must be the signer,
 *       first settles that market's pending PnL, then moves coins from the free trading balance back to
 *       the sender's wallet. Entry functions and their parameters are those of the contract file
 *       ({@link PerpsContract}); arguments are read by source, not position.
 *   <li><b>Orders.</b> One book per market with price-time priority; a taker executes at the resting
 *       order's price. Limit orders cross then rest; market orders take what the book has and the
 *       rest is cancelled. FILL_OR_ABORT aborts unless the whole size can fill at once; POST_OR_ABORT
 *       aborts if the order would take. Order ids are {@code (marketId << 64) + base + n}, where
 *       {@code base} is a 40-bit value derived from the seed and {@code n} counts orders; trade ids
 *       likewise. Self-matching is allowed (hedge mode makes it well defined).
 *   <li><b>Positions</b> (hedge mode): at most one long and one short per market and profile. Opening
 *       orders (direction false) add to the same-side position at a weighted-average entry price;
 *       closing orders (direction true) reduce it and may not exceed its size minus what other resting
 *       closing orders already cover.
 *   <li><b>Margin.</b> A taker fill of an opening order pays {@code ceil(notional / leverage)} margin
 *       plus the taker fee from the free balance, else the transaction aborts with
 *       {@code E_INSUFFICIENT_MARGIN}. A resting opening order reserves {@code ceil(notional /
 *       leverage) + ceil(notional * maker fee)} for its unfilled lots; each fill moves its share of
 *       that reservation into the position's margin and the fee; a cancel refunds the rest. Closing
 *       releases margin in proportion to the lots closed. {@code add_margin} moves free balance to a
 *       position's margin.
 *   <li><b>Fees.</b> Taker 0.05 %, maker 0.02 % of the notional, rounded up to a subunit (for a resting
 *       order, rounded on its cumulative fill); paid into the fee account.
 *   <li><b>PnL.</b> Realised profit goes to the market's pending PnL, which {@code settle_pnl} (or a
 *       withdrawal from that market) moves into the free balance; a realised loss is taken from the
 *       free balance at once (what cannot be paid is bad debt). The counterparty of PnL and funding
 *       is an unbounded vault, so quote coins are conserved: wallets + free balances + pending PnL +
 *       reservations + margins + fees + vault always equals what the faucet credited.
 *   <li><b>Liquidation price</b> (reported, not enforced): long {@code (cost - margin) / (size * (1 -
 *       mm))}, short {@code (cost + margin) / (size * (1 + mm))}, {@code mm = maintenance_margin /
 *       10000}. Take-profit and stop-loss prices are stored, not triggered.
 *   <li><b>Collapse</b> closes every position of the profile in the market at the mark price against
 *       the vault, as a market closing order paying the taker fee, after cancelling its resting
 *       closing orders.
 *   <li><b>Funding</b> happens only when asked ({@link #applyFunding}): every position pays (longs when
 *       the rate is positive) or receives {@code rate * notional at mark}, rounded toward zero, out of
 *       or into its margin (a payment never takes margin below zero).
 *   <li><b>Time and versions.</b> Timestamps are the block time in seconds. A record's
 *       {@code transaction_version} is the chain's ledger version of the transaction that last changed
 *       it (funding, which is no transaction, carries the latest version).
 *   <li><b>Atomicity and determinism.</b> Each transaction runs on a copy-on-write fork of the state
 *       that replaces it only on success (order books are changed in place and undone from a journal
 *       on abort); a simulation runs the same way and is always undone. One lock serialises
 *       transactions and simulations and lets readers see committed states only.
 *       No clock, no randomness besides the seed, sorted maps: the same seed and calls give the same
 *       results.
 * </ul>
 */
public final class Exchange implements PerpsModule {

    private final String moduleAddress;
    private final PerpsContract contract;
    private final long idBase;
    private final Map<Long, MarketSpec> specs = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final History history = new History();
    private ExchangeState state = new ExchangeState();
    /** The ledger version of the latest transaction executed, successful or not. */
    private long version;
    private long lastTimestamp;
    private volatile ChainAccounts chain;
    private volatile CommitListener commitListener = (committed, delta, version, sender) -> { };

    /**
     * Told of every change as it commits, under the exchange's lock (so it sees exactly the committed
     * state and must not block): the WebSocket server's hook.
     */
    public interface CommitListener {
        /**
         * @param state   the state just committed
         * @param delta   what the change appended to the history
         * @param version the version its records carry
         * @param sender  the sending wallet's profile address, or null for the sandbox's own changes
         */
        void committed(ExchangeState state, History delta, long version, String sender);
    }

    public Exchange(String moduleAddress, long seed) {
        this(moduleAddress, seed, Map.of());
    }

    /** @param initialMarkPrices mark prices by market id; markets not named keep their default */
    public Exchange(String moduleAddress, long seed, Map<Long, BigDecimal> initialMarkPrices) {
        this(moduleAddress, seed, initialMarkPrices, PerpsContract.standard());
    }

    /** @param contract the write contract the module publishes and the trade API builds payloads for */
    public Exchange(String moduleAddress, long seed, Map<Long, BigDecimal> initialMarkPrices, PerpsContract contract) {
        if (moduleAddress == null || !moduleAddress.matches("0x[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the module address is 0x followed by 64 lower-case hex digits, got "
                    + moduleAddress);
        }
        this.moduleAddress = moduleAddress;
        this.contract = contract;
        this.idBase = mix(seed) >>> 24;
        for (MarketSpec spec : MarketSpec.testnet()) {
            specs.put(spec.marketId(), spec);
            BigDecimal mark = initialMarkPrices.getOrDefault(spec.marketId(), spec.initialMarkPrice());
            state.markets.put(spec.marketId(), new MarketState(spec, new OrderBook(), markTicks(spec, mark)));
        }
        for (Long id : initialMarkPrices.keySet()) {
            if (!specs.containsKey(id)) {
                throw new IllegalArgumentException("no market " + id + "; markets are " + specs.keySet());
            }
        }
    }

    public void onCommit(CommitListener listener) {
        this.commitListener = listener;
    }

    /** Connects the chain whose accounts hold APT; until then APT balances read as 0. */
    public void attachChain(ChainAccounts chain) {
        this.chain = chain;
    }

    @Override
    public String moduleId() {
        return moduleAddress + "::perpetual_scripts";
    }

    @Override
    public List<EntryFunctionAbi> entryFunctions() {
        return EntryFunctions.abi(contract);
    }

    @Override
    public ExecutionResult execute(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros, long version) {
        return call(Run.TRANSACTION, sender, function, typeArguments, args, timestampMicros, version);
    }

    @Override
    public ExecutionResult simulate(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros) {
        return call(Run.DRY_RUN, sender, function, typeArguments, args, timestampMicros, 0);
    }

    private ExecutionResult call(Run run, String sender, String function, List<String> typeArguments,
            List<Object> args, long timestampMicros, long txVersion) {
        String profile = Addresses.isValid(sender) ? Addresses.profileOf(Addresses.longForm(sender)) : null;
        return commit(run, timestampMicros / 1_000_000, txVersion, profile, clearing -> {
            if (!Addresses.isValid(sender)) {
                throw new ExecutionAbort(ExecutionAbort.Code.E_INVALID_ARGUMENT, "the sender is not an address: " + sender);
            }
            if (!typeArguments.isEmpty()) {
                throw new ExecutionAbort(ExecutionAbort.Code.E_INVALID_ARGUMENT, function + " takes no type arguments");
            }
            EntryFunctions.run(clearing, contract, moduleId(), Addresses.longForm(sender), function, args);
        });
    }

    @Override
    public void fundWallet(String wallet, BigDecimal quoteAmount) {
        if (!Addresses.isValid(wallet)) {
            throw new IllegalArgumentException("a wallet is 0x followed by 1 to 64 hex digits, got " + wallet);
        }
        long units = wholeUnits(quoteAmount, quoteDecimals(), "the amount");
        lock.writeLock().lock();
        try {
            state.wallets.merge(Addresses.longForm(wallet), units, Math::addExact);
            state.funded = Math.addExact(state.funded, units);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Credits a wallet's chain account with APT for gas (the faucet's {@code apt} field). */
    public void fundApt(String wallet, BigDecimal apt) {
        ChainAccounts accounts = chain;
        if (accounts == null) {
            throw new IllegalStateException("no chain is attached to the exchange, so it cannot hold APT");
        }
        accounts.fundApt(Addresses.longForm(wallet), wholeUnits(apt, 8, "the APT amount"));
    }

    public BigDecimal aptBalance(String wallet) {
        ChainAccounts accounts = chain;
        long octas = accounts == null ? 0 : accounts.aptBalanceOctas(Addresses.longForm(wallet));
        return MarketSpec.plain(BigDecimal.valueOf(octas, 8));
    }

    @Override
    public void setMarkPrice(long marketId, BigDecimal price) {
        MarketSpec spec = spec(marketId);
        long ticks = markTicks(spec, price);
        lock.writeLock().lock();
        try {
            state.markets.get(marketId).markTicks = ticks;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Pays funding at {@code rate} (e.g. 0.0001) on every position of the market; see the model above. */
    public void applyFunding(long marketId, BigDecimal rate) {
        spec(marketId);
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a funding rate is between -1 and 1, got " + rate.toPlainString());
        }
        ExecutionResult result = commit(Run.ADMIN, 0, 0, null, clearing -> clearing.applyFunding(marketId, rate));
        if (!result.success()) {
            throw new IllegalStateException("funding failed: " + result.reason());
        }
    }

    /** Runs {@code reader} on the committed state and history, consistently. */
    public <T> T read(BiFunction<ExchangeState, History, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(state, history);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The time of the latest transaction, epoch seconds. */
    long now() {
        lock.readLock().lock();
        try {
            return lastTimestamp;
        } finally {
            lock.readLock().unlock();
        }
    }

    public PerpsContract contract() {
        return contract;
    }

    public Map<Long, MarketSpec> specs() {
        return specs;
    }

    public int quoteDecimals() {
        return specs.values().iterator().next().quoteDecimals();
    }

    public MarketSpec spec(long marketId) {
        MarketSpec spec = specs.get(marketId);
        if (spec == null) {
            throw new IllegalArgumentException("no market " + marketId + "; markets are " + specs.keySet());
        }
        return spec;
    }

    /** How a piece of work meets the committed state. */
    private enum Run {
        /** A chain transaction: kept when it succeeds; its version must exceed the last one. */
        TRANSACTION,
        /** A simulation: runs like a transaction and is always undone. */
        DRY_RUN,
        /** The sandbox's own change (funding): kept when it succeeds, under the latest version. */
        ADMIN
    }

    /**
     * Runs {@code work} on a fork of the state under the write lock: simulations change the shared
     * books in place too, so they must exclude transactions and readers just as transactions do.
     */
    private ExecutionResult commit(Run run, long timestamp, long txVersion, String sender, Consumer<Clearing> work) {
        lock.writeLock().lock();
        try {
            if (run == Run.TRANSACTION && txVersion <= version) {
                throw new IllegalArgumentException("transactions execute in ledger order: version " + txVersion
                        + " must be greater than the previous version " + version);
            }
            long recordVersion = run == Run.ADMIN ? version : txVersion;
            if (run == Run.TRANSACTION) {
                // A failed transaction still consumes its version on the chain.
                version = txVersion;
            }
            long time = Math.max(timestamp, lastTimestamp);
            ExchangeState working = state.fork();
            History delta = new History();
            Journal journal = new Journal();
            try {
                work.accept(new Clearing(working, delta, journal, time, recordVersion, idBase));
            } catch (ExecutionAbort e) {
                journal.rollback();
                return abort(e.code, e.getMessage());
            } catch (ArithmeticException e) {
                journal.rollback();
                return abort(ExecutionAbort.Code.E_ARITHMETIC_OVERFLOW, "an amount overflowed: " + e.getMessage());
            } catch (RuntimeException e) {
                journal.rollback();
                throw e;
            }
            if (run == Run.DRY_RUN) {
                journal.rollback();
                return ExecutionResult.ok();
            }
            state = working;
            history.append(delta);
            lastTimestamp = time;
            try {
                commitListener.committed(state, delta, recordVersion, sender);
            } catch (RuntimeException e) {
                // A stream fault must never undo or fail a committed transaction.
                org.slf4j.LoggerFactory.getLogger(Exchange.class).warn("stream listener failed", e);
            }
            return ExecutionResult.ok();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static ExecutionResult abort(ExecutionAbort.Code code, String reason) {
        return ExecutionResult.abort(code.name(), code.number, reason);
    }

    private static long markTicks(MarketSpec spec, BigDecimal price) {
        BigInteger ticks = price == null || price.signum() <= 0 ? null : spec.ticksOf(price);
        if (ticks == null || ticks.bitLength() > 62) {
            throw new IllegalArgumentException("a mark price of market " + spec.marketId()
                    + " is a positive multiple of the tick size " + spec.tickValue().toPlainString() + ", got "
                    + (price == null ? null : price.toPlainString()));
        }
        return ticks.longValueExact();
    }

    private static long wholeUnits(BigDecimal amount, int decimals, String what) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be above 0, got " + amount);
        }
        BigDecimal scaled = amount.movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0 || scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " must have at most "
                    + decimals + " decimals and fit in a u63");
        }
        return scaled.longValueExact();
    }

    /** SplitMix64's finaliser: spreads a seed over 64 bits. */
    private static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
