package io.kana.sandbox.exchange;

import java.math.BigInteger;

/**
 * An order while it lives (in the book or being matched) and, frozen, once it is filled or cancelled.
 * Mutable; copied with the rest of the state for each transaction.
 */
public final class LiveOrder {

    static final String OPEN = "Open";
    static final String FILLED = "Filled";
    static final String PARTIALLY_FILLED = "Partially Filled";
    static final String CANCELLED = "Cancelled";
    static final int LIMIT_LONG = 3;
    static final int LIMIT_SHORT = 4;
    static final int MARKET_LONG = 8;
    static final int MARKET_SHORT = 9;

    public final BigInteger id;
    public final long marketId;
    public final String owner;
    public final boolean tradeSide;
    public final boolean close;
    public final boolean market;
    public final long priceTicks;
    public final long lots;
    public final int leverage;
    final long takeProfitTicks;
    final long stopLossTicks;
    public final long createdAt;
    /** Time priority within a price level. */
    public final long sequence;

    public long remaining;
    public long filled;
    /** Sum of the notional of this order's fills, quote subunits. */
    public long filledNotional;
    /** Quote subunits reserved for the unfilled part of a resting opening order. */
    public long reserved;
    public boolean open = true;
    public long updatedAt;
    public String tradeId;
    public long version;

    public LiveOrder(BigInteger id, long marketId, String owner, boolean tradeSide, boolean close, boolean market,
            long priceTicks, long lots, int leverage, long takeProfitTicks, long stopLossTicks, long createdAt,
            long sequence, String tradeId, long version) {
        this.id = id;
        this.marketId = marketId;
        this.owner = owner;
        this.tradeSide = tradeSide;
        this.close = close;
        this.market = market;
        this.priceTicks = priceTicks;
        this.lots = lots;
        this.leverage = leverage;
        this.takeProfitTicks = takeProfitTicks;
        this.stopLossTicks = stopLossTicks;
        this.createdAt = createdAt;
        this.sequence = sequence;
        this.remaining = lots;
        this.updatedAt = createdAt;
        this.tradeId = tradeId;
        this.version = version;
    }

    /** Buys when opening a long or closing a short. */
    public boolean isBuy() {
        return tradeSide != close;
    }

    /**
     * The API's order_type: 3 limit long and 4 limit short, as resting orders show on chain
     * (kana-evidence A1); 8 market long and 9 market short are the sandbox's own choice (no public
     * source shows a market order's code).
     */
    public int orderType() {
        if (market) {
            return tradeSide ? MARKET_LONG : MARKET_SHORT;
        }
        return tradeSide ? LIMIT_LONG : LIMIT_SHORT;
    }

    public String status() {
        if (open) {
            return filled > 0 ? PARTIALLY_FILLED : OPEN;
        }
        return remaining == 0 ? FILLED : CANCELLED;
    }

    /** Puts back the mutable fields of {@code saved}, a copy of this order. */
    void restore(LiveOrder saved) {
        remaining = saved.remaining;
        filled = saved.filled;
        filledNotional = saved.filledNotional;
        reserved = saved.reserved;
        open = saved.open;
        updatedAt = saved.updatedAt;
        tradeId = saved.tradeId;
        version = saved.version;
    }

    LiveOrder copy() {
        LiveOrder c = new LiveOrder(id, marketId, owner, tradeSide, close, market, priceTicks, lots, leverage,
                takeProfitTicks, stopLossTicks, createdAt, sequence, tradeId, version);
        c.remaining = remaining;
        c.filled = filled;
        c.filledNotional = filledNotional;
        c.reserved = reserved;
        c.open = open;
        c.updatedAt = updatedAt;
        return c;
    }
}
