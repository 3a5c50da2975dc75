package io.kana.sandbox.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of what happened: executions, closed orders, transfers and funding. A
 * transaction writes into its own {@code History} that is appended to the exchange's on commit only.
 */
public final class History {

    /**
     * One side of one execution.
     *
     * @param bookTrade   true for a match in the book, false for a collapse against the vault at mark price
     * @param pnl         realised PnL, quote subunits (0 when opening)
     * @param entryPrice  the position's entry price before a closing execution, null when opening
     */
    public record Execution(String profile, long marketId, BigInteger orderId, int orderType, boolean tradeSide,
            long ticks, long lots, int leverage, long fee, boolean maker, boolean bookTrade, long pnl,
            BigDecimal entryPrice, String tradeId, long timestamp, long version) {}

    /** A deposit into or a withdrawal from a profile's trading account (quote subunits). */
    public record Transfer(String profile, long units, boolean deposit, long timestamp, long version) {}

    /** A funding payment: negative when the position paid (quote subunits). */
    public record Funding(String profile, long marketId, boolean tradeSide, BigDecimal rate, long amount, long lots,
            long timestamp, long version) {}

    public final List<Execution> executions = new ArrayList<>();
    /** Orders in the order they were filled or cancelled; frozen copies. */
    public final List<LiveOrder> closedOrders = new ArrayList<>();
    public final Map<BigInteger, LiveOrder> closedById = new HashMap<>();
    public final List<Transfer> transfers = new ArrayList<>();
    public final List<Funding> funding = new ArrayList<>();

    void closed(LiveOrder order) {
        LiveOrder frozen = order.copy();
        closedOrders.add(frozen);
        closedById.put(frozen.id, frozen);
    }

    void append(History delta) {
        executions.addAll(delta.executions);
        delta.closedOrders.forEach(this::closed);
        transfers.addAll(delta.transfers);
        funding.addAll(delta.funding);
    }
}
