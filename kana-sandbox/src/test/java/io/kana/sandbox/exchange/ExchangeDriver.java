package io.kana.sandbox.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives an {@link Exchange} the way the chain does: typed arguments, one block second and one ledger
 * version per transaction, transactions one at a time (as the chain's committer runs them).
 */
public final class ExchangeDriver {

    public static final String MODULE = "0x" + "0".repeat(60) + "cafe";
    public static final long APT = 1338;
    static final long BTC = 1339;
    public static final boolean LONG = true;
    public static final boolean SHORT = false;
    public static final boolean OPEN = false;
    static final boolean CLOSE = true;

    public final Exchange exchange;
    private final AtomicLong clockMicros;
    /** Guards the ledger version, so that versions reach the exchange in increasing order. */
    private final Object committer;
    private long ledgerVersion;
    private final boolean dryRun;

    public ExchangeDriver() {
        this(7);
    }

    public ExchangeDriver(long seed) {
        this(seed, PerpsContract.standard());
    }

    /** A driver over an exchange that follows {@code contract} (e.g. a drifted one). */
    public ExchangeDriver(long seed, PerpsContract contract) {
        exchange = new Exchange(MODULE, seed, Map.of(), contract);
        clockMicros = new AtomicLong(1_700_000_000_000_000L);
        committer = new Object();
        dryRun = false;
    }

    private ExchangeDriver(ExchangeDriver base) {
        exchange = base.exchange;
        clockMicros = base.clockMicros;
        committer = base.committer;
        dryRun = true;
    }

    /** A driver over the same exchange whose transactions are simulations: run, then undone. */
    public ExchangeDriver simulating() {
        return new ExchangeDriver(this);
    }

    public static String wallet(int n) {
        return String.format("0x%064x", 0xa11ce000L + n);
    }

    public static String profile(String wallet) {
        return Addresses.profileOf(wallet);
    }

    /** Runs an entry function; ints and longs become the BigIntegers the chain decodes. */
    public ExecutionResult run(String wallet, String function, Object... args) {
        List<Object> typed = args(args);
        return dryRun ? simulate(wallet, function, List.of(), typed) : commit(wallet, function, List.of(), typed);
    }

    /** Executes a transaction at the next block time and ledger version. */
    public ExecutionResult commit(String wallet, String function, List<String> typeArguments, List<Object> args) {
        synchronized (committer) {
            return exchange.execute(wallet, function, typeArguments, args, nextBlockMicros(), ++ledgerVersion);
        }
    }

    /** Simulates a transaction as the next block would run it. */
    public ExecutionResult simulate(String wallet, String function, List<String> typeArguments, List<Object> args) {
        return exchange.simulate(wallet, function, typeArguments, args, clockMicros.get() + 1_000_000);
    }

    /** The ledger version of the latest transaction executed. */
    public long ledgerVersion() {
        synchronized (committer) {
            return ledgerVersion;
        }
    }

    /** Dry-runs an entry function, typed as {@link #run}. */
    public ExecutionResult simulate(String wallet, String function, Object... args) {
        List<Object> typed = new ArrayList<>();
        for (Object arg : args) {
            typed.add(typed(arg));
        }
        return exchange.simulate(wallet, function, List.of(), typed, nextBlockMicros());
    }

    /** The next block's time: one second after the previous one. */
    long nextBlockMicros() {
        return clockMicros.addAndGet(1_000_000);
    }

    public long nowSeconds() {
        return clockMicros.get() / 1_000_000;
    }

    public void ok(String wallet, String function, Object... args) {
        ExecutionResult result = run(wallet, function, args);
        assertThat(result.success()).as("%s should succeed but aborted with %s: %s", function, result.codeName(),
                result.reason()).isTrue();
    }

    public ExecutionResult limit(String wallet, long market, boolean side, boolean close, long lots, long ticks, int leverage) {
        return limit(wallet, market, side, close, lots, ticks, leverage, 0);
    }

    public ExecutionResult limit(String wallet, long market, boolean side, boolean close, long lots, long ticks, int leverage,
            int restriction) {
        return run(wallet, "place_limit_order", market, side, close, lots, ticks, leverage, restriction, 0, 0);
    }

    public ExecutionResult marketOrder(String wallet, long market, boolean side, boolean close, long lots, int leverage) {
        return run(wallet, "place_market_order", market, side, close, lots, leverage, 0, 0);
    }

    /** Faucet plus deposit of {@code usdc} quote coins into the wallet's trading account. */
    public void funded(String wallet, long usdc) {
        exchange.fundWallet(wallet, BigDecimal.valueOf(usdc));
        ok(wallet, "deposit", wallet, usdc * 1_000_000);
    }

    public long balance(String wallet) {
        return exchange.read((s, h) -> {
            ProfileAccount a = s.accounts.get(profile(wallet));
            return a == null ? 0L : a.balance;
        });
    }

    public long pending(String wallet, long market) {
        return exchange.read((s, h) -> {
            ProfileAccount a = s.accounts.get(profile(wallet));
            return a == null ? 0L : a.pendingPnl.getOrDefault(market, 0L);
        });
    }

    long walletCoins(String wallet) {
        return exchange.read((s, h) -> s.wallets.getOrDefault(wallet, 0L));
    }

    /** A copy of the position, or null. */
    public PositionState position(String wallet, long market, boolean side) {
        return exchange.read((s, h) -> {
            PositionState p = s.markets.get(market).position(profile(wallet), side);
            return p == null ? null : p.copy();
        });
    }

    /** Copies of the wallet's resting orders in placement order. */
    public List<LiveOrder> openOrders(String wallet, long market) {
        return exchange.read((s, h) -> s.markets.get(market).book.orders().stream()
                .filter(o -> o.owner.equals(profile(wallet))).map(LiveOrder::copy).toList());
    }

    /** Copies of every resting order of the market. */
    List<LiveOrder> bookOrders(long market) {
        return exchange.read((s, h) -> s.markets.get(market).book.orders().stream().map(LiveOrder::copy).toList());
    }

    List<LiveOrder> closedOrders() {
        return exchange.read((s, h) -> List.copyOf(h.closedOrders));
    }

    /** The most recently placed order (open or closed), a copy. */
    public LiveOrder lastOrder() {
        return exchange.read((s, h) -> {
            LiveOrder latest = null;
            for (MarketState m : s.markets.values()) {
                for (LiveOrder o : m.book.orders()) {
                    latest = later(latest, o);
                }
            }
            for (LiveOrder o : h.closedOrders) {
                latest = later(latest, o);
            }
            return latest == null ? null : latest.copy();
        });
    }

    /** The order's current state, open or closed, a copy. */
    LiveOrder order(long market, BigInteger id) {
        return exchange.read((s, h) -> {
            LiveOrder o = s.markets.get(market).book.get(id);
            return (o != null ? o : h.closedById.get(id)).copy();
        });
    }

    Long bestBid(long market) {
        return exchange.read((s, h) -> s.markets.get(market).book.bestBid());
    }

    Long bestAsk(long market) {
        return exchange.read((s, h) -> s.markets.get(market).book.bestAsk());
    }

    public List<History.Execution> executions() {
        return exchange.read((s, h) -> List.copyOf(h.executions));
    }

    List<History.Transfer> transfers() {
        return exchange.read((s, h) -> List.copyOf(h.transfers));
    }

    long fees() {
        return exchange.read((s, h) -> s.fees);
    }

    public void assertConserved() {
        exchange.read((s, h) -> {
            assertThat(s.ledgerTotal()).as("quote coins conserved").isEqualTo(s.funded);
            return null;
        });
    }

    private static LiveOrder later(LiveOrder a, LiveOrder b) {
        return a == null || b.sequence > a.sequence ? b : a;
    }

    /** Arguments as the chain decodes them: ints and longs become BigIntegers. */
    static List<Object> args(Object... args) {
        List<Object> typed = new ArrayList<>();
        for (Object arg : args) {
            typed.add(typed(arg));
        }
        return typed;
    }

    /**
     * Every value the exchange holds (state with books, positions, accounts and id counters; history;
     * clock) as text, read field by field so that nothing added later escapes: equal fingerprints
     * mean equal exchanges.
     */
    public String fingerprint() {
        return exchange.read((s, h) -> dump(s) + "\n" + dump(h)) + "\nnow=" + exchange.now();
    }

    private static String dump(Object value) {
        StringBuilder out = new StringBuilder();
        dump(value, out);
        return out.toString();
    }

    private static void dump(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            map.forEach((k, v) -> {
                dump(k, out);
                out.append('=');
                dump(v, out);
                out.append(", ");
            });
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            items.forEach(item -> {
                dump(item, out);
                out.append(", ");
            });
            out.append(']');
        } else if (value != null && value.getClass().getPackageName().startsWith("io.kana.sandbox")
                && !value.getClass().isRecord() && !value.getClass().isEnum()) {
            out.append(value.getClass().getSimpleName()).append('(');
            for (Field field : value.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                out.append(field.getName()).append('=');
                try {
                    dump(field.get(value), out);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
                out.append(' ');
            }
            out.append(')');
        } else {
            out.append(value);
        }
    }

    private static Object typed(Object arg) {
        if (arg instanceof Integer i) {
            return BigInteger.valueOf(i);
        }
        if (arg instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(ExchangeDriver::typed).toList();
        }
        return arg;
    }
}
