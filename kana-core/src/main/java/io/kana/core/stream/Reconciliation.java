package io.kana.core.stream;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.Order;
import io.kana.core.model.PageRequest;
import io.kana.core.model.SortOrder;
import io.kana.core.model.Trade;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How each topic is recovered through the REST API after a gap. Snapshot topics are fetched whole;
 * history topics are fetched newest first, page by page, down to the last version a subscriber is
 * known to hold, and de-duplicated by {@link #key}; the order book and funding rates have no REST
 * counterpart and heal with their next message.
 */
final class Reconciliation {

    /** How a topic's messages relate to each other. */
    enum Kind {
        /** Every message is the whole state: nothing to de-duplicate. */
        SNAPSHOT,
        /** Every message holds new items only: de-duplicated by key, recovered since a version. */
        HISTORY,
        /** Neither: not recoverable through REST. */
        NONE
    }

    /** Rows per REST page; newest-first paging only ever repeats rows when new ones arrive, never skips. */
    static final int PAGE = 100;

    private final Orders orders;
    private final Positions positions;
    private final Accounts accounts;
    private final Markets markets;

    Reconciliation(Orders orders, Positions positions, Accounts accounts, Markets markets) {
        this.orders = orders;
        this.positions = positions;
        this.accounts = accounts;
        this.markets = markets;
    }

    Markets markets() {
        return markets;
    }

    static Kind kind(Topic topic) {
        return switch (topic) {
            case OPEN_ORDERS, POSITIONS, BEST_PRICE -> Kind.SNAPSHOT;
            case ORDER_HISTORY, LIVE_ORDER_HISTORY, TRADE_HISTORY, LIVE_TRADE_HISTORY, DEPOSIT_WITHDRAW_HISTORY,
                    RECENT_TRADES -> Kind.HISTORY;
            case ORDERBOOK, LIVE_FUNDING_RATE -> Kind.NONE;
        };
    }

    /** Whether {@code topic} can be recovered with the ports this instance was given. */
    boolean canRecover(Topic topic) {
        return switch (topic) {
            case OPEN_ORDERS, ORDER_HISTORY, LIVE_ORDER_HISTORY, TRADE_HISTORY, LIVE_TRADE_HISTORY -> orders != null;
            case POSITIONS -> positions != null;
            case DEPOSIT_WITHDRAW_HISTORY -> accounts != null;
            case BEST_PRICE, RECENT_TRADES -> markets != null;
            case ORDERBOOK, LIVE_FUNDING_RATE -> false;
        };
    }

    /**
     * The feed's items through REST, oldest first: for a history topic those newer than {@code after}
     * (all of them when {@code after} is null), for a snapshot topic the current state.
     */
    List<?> fetch(Feed<?> feed, BigInteger after) {
        return switch (feed.topic()) {
            case OPEN_ORDERS -> orders.openOrders(feed.wallet(), null);
            case POSITIONS -> positions.positions(feed.wallet(), null);
            case BEST_PRICE -> List.of(markets.marketPrice(feed.market()));
            case TRADE_HISTORY, LIVE_TRADE_HISTORY -> newerThan(after,
                    offset -> orders.tradeHistory(feed.wallet(), null, PageRequest.of(offset, PAGE, SortOrder.DESC)));
            case ORDER_HISTORY, LIVE_ORDER_HISTORY -> newerThan(after,
                    offset -> orders.orderHistory(feed.wallet(), null, PageRequest.of(offset, PAGE, SortOrder.DESC)));
            case DEPOSIT_WITHDRAW_HISTORY -> {
                List<BalanceTransfer> all = new ArrayList<>(accounts.depositAndWithdrawHistory(feed.wallet()));
                all.removeIf(t -> !newer(t.transactionVersion(), after));
                all.sort((a, b) -> compare(a.transactionVersion(), b.transactionVersion()));
                yield all;
            }
            case RECENT_TRADES -> {
                List<Trade> all = new ArrayList<>(markets.recentTrades(feed.market()));
                all.removeIf(t -> !newer(t.transactionVersion(), after));
                Collections.reverse(all);
                yield all;
            }
            case ORDERBOOK, LIVE_FUNDING_RATE -> throw new IllegalArgumentException(feed + " has no REST counterpart");
        };
    }

    /**
     * What identifies one history item: a fill is its trade and order (a self-match gives both sides
     * one trade id), an order-history row its order at a version, a transfer its version and amount.
     */
    static String key(Object item) {
        if (item instanceof Trade t) {
            return t.tradeId() + "/" + t.orderId() + (t.tradeId() == null ? "@" + t.transactionVersion() : "");
        }
        if (item instanceof Order o) {
            return o.orderId() + "@" + o.transactionVersion() + "/" + o.status() + "/" + o.remainingSize();
        }
        if (item instanceof BalanceTransfer b) {
            return b.transactionVersion() + "/" + b.deposit() + "/" + b.amount().stripTrailingZeros().toPlainString();
        }
        return String.valueOf(item);
    }

    /**
     * The version after which to fetch so that every one of {@code behind} gets what it misses: the
     * oldest version any of them surely holds, or null (fetch everything) when one of them holds none.
     */
    static BigInteger oldestSafeVersion(List<FeedSink<?>> behind) {
        BigInteger after = null;
        for (FeedSink<?> sink : behind) {
            BigInteger safe = sink.safeVersion();
            if (safe == null) {
                return null;
            }
            if (after == null || safe.compareTo(after) < 0) {
                after = safe;
            }
        }
        return after;
    }

    /** The newest ledger version among {@code items}, or null when none carries one. */
    static BigInteger newestVersion(List<?> items) {
        BigInteger upTo = null;
        for (Object item : items) {
            BigInteger v = version(item);
            if (v != null && (upTo == null || v.compareTo(upTo) > 0)) {
                upTo = v;
            }
        }
        return upTo;
    }

    /** The ledger version an item reflects, or null. */
    static BigInteger version(Object item) {
        if (item instanceof Trade t) {
            return t.transactionVersion();
        }
        if (item instanceof Order o) {
            return o.transactionVersion();
        }
        if (item instanceof BalanceTransfer b) {
            return b.transactionVersion();
        }
        return null;
    }

    private static <T> List<T> newerThan(BigInteger after, IntFunction<List<T>> page) {
        List<T> found = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<T> rows = page.apply(offset);
            boolean reachedKnown = false;
            for (T row : rows) {
                if (newer(version(row), after)) {
                    found.add(row);
                } else {
                    reachedKnown = true;
                }
            }
            if (rows.size() < PAGE || reachedKnown) {
                break;
            }
        }
        Collections.reverse(found);
        return found;
    }

    private static boolean newer(BigInteger version, BigInteger after) {
        return after == null || version == null || version.compareTo(after) > 0;
    }

    private static int compare(BigInteger a, BigInteger b) {
        return a == null || b == null ? 0 : a.compareTo(b);
    }
}
