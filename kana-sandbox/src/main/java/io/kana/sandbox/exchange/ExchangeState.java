package io.kana.sandbox.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a transaction may change, apart from the append-only history. A transaction runs on a
 * {@link #fork()} that replaces the committed state only when it succeeds, which makes every entry
 * function atomic. A fork shares markets and accounts with its parent until a transaction touches
 * them through {@link #market} or {@link #account}, which copy them first; the order books are shared
 * and undone through a {@link Journal} instead. Maps are sorted so that every result is deterministic.
 */
public final class ExchangeState {

    /** Wallet address to quote subunits held in the wallet (not deposited). */
    public final Map<String, Long> wallets = new TreeMap<>();
    /** Profile address to trading account. */
    public final Map<String, ProfileAccount> accounts = new TreeMap<>();
    public final Map<Long, MarketState> markets = new TreeMap<>();
    /**
     * The counterparty of realised PnL and funding (profits are paid from it, losses paid into it).
     * Unbounded in the sandbox, so it may go negative.
     */
    long vault;
    /** Fees collected, quote subunits. */
    long fees;
    /** Quote subunits ever credited by the faucet: the ledger's constant total. */
    long funded;
    long orderSequence;
    long tradeSequence;
    private final Set<Long> ownMarkets = new HashSet<>();
    private final Set<String> ownAccounts = new HashSet<>();

    /** A working copy for one transaction. */
    ExchangeState fork() {
        ExchangeState c = new ExchangeState();
        c.wallets.putAll(wallets);
        c.accounts.putAll(accounts);
        c.markets.putAll(markets);
        c.vault = vault;
        c.fees = fees;
        c.funded = funded;
        c.orderSequence = orderSequence;
        c.tradeSequence = tradeSequence;
        return c;
    }

    /** The market, copied before this state's first change to it; null for an unknown id. */
    MarketState market(long marketId) {
        MarketState market = markets.get(marketId);
        if (market != null && ownMarkets.add(marketId)) {
            market = market.copy();
            markets.put(marketId, market);
        }
        return market;
    }

    /** The profile's account, created or copied before this state's first change to it. */
    ProfileAccount account(String profile) {
        ProfileAccount account = accounts.get(profile);
        if (ownAccounts.add(profile)) {
            account = account == null ? new ProfileAccount() : account.copy();
            accounts.put(profile, account);
        }
        return account;
    }

    /** The sum of every place quote coins can be; equals {@link #funded} after every transaction. */
    long ledgerTotal() {
        long total = Math.addExact(vault, fees);
        for (long w : wallets.values()) {
            total = Math.addExact(total, w);
        }
        for (ProfileAccount a : accounts.values()) {
            total = Math.addExact(total, Math.addExact(a.balance, a.totalPending()));
        }
        for (MarketState m : markets.values()) {
            for (LiveOrder o : m.book.orders()) {
                total = Math.addExact(total, o.reserved);
            }
            for (PositionState p : m.positions.values()) {
                total = Math.addExact(total, p.margin);
            }
        }
        return total;
    }

    /** A market's live state: book, positions and prices. */
    public static final class MarketState {
        public final MarketSpec spec;
        public final OrderBook book;
        /** {@link PositionState#key} to position; only non-empty positions. */
        public final Map<String, PositionState> positions = new TreeMap<>();
        public long markTicks;
        /** Ticks of the last execution, 0 before the first. */
        public long lastTradeTicks;
        /** Orders ever placed in the market (the market object's {@code counter}). */
        public long ordersPlaced;

        public MarketState(MarketSpec spec, OrderBook book, long markTicks) {
            this.spec = spec;
            this.book = book;
            this.markTicks = markTicks;
        }

        /** A copy sharing the order book (see {@link Journal}). */
        MarketState copy() {
            MarketState c = new MarketState(spec, book, markTicks);
            positions.forEach((k, v) -> c.positions.put(k, v.copy()));
            c.lastTradeTicks = lastTradeTicks;
            c.ordersPlaced = ordersPlaced;
            return c;
        }

        PositionState position(String owner, boolean tradeSide) {
            return positions.get(PositionState.key(owner, tradeSide));
        }

        public List<PositionState> positionsOf(String owner) {
            List<PositionState> result = new ArrayList<>(2);
            for (boolean side : new boolean[] {true, false}) {
                PositionState p = position(owner, side);
                if (p != null) {
                    result.add(p);
                }
            }
            return result;
        }
    }
}
