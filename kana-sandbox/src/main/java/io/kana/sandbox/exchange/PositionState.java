package io.kana.sandbox.exchange;

/** One side of a profile's position in a market (hedge mode: a long and a short may coexist). */
public final class PositionState {

    public final String owner;
    public final long marketId;
    public final boolean tradeSide;

    public long lots;
    /** Entry cost, quote subunits: the notional paid for the lots still held. */
    public long cost;
    /** Margin held, quote subunits. */
    public long margin;
    /** Lots committed to resting closing orders. */
    public long closingLots;
    public int leverage;
    public long takeProfitTicks;
    public long stopLossTicks;
    public String tradeId;
    public long updatedAt;
    public long version;

    public PositionState(String owner, long marketId, boolean tradeSide) {
        this.owner = owner;
        this.marketId = marketId;
        this.tradeSide = tradeSide;
    }

    PositionState copy() {
        PositionState c = new PositionState(owner, marketId, tradeSide);
        c.lots = lots;
        c.cost = cost;
        c.margin = margin;
        c.closingLots = closingLots;
        c.leverage = leverage;
        c.takeProfitTicks = takeProfitTicks;
        c.stopLossTicks = stopLossTicks;
        c.tradeId = tradeId;
        c.updatedAt = updatedAt;
        c.version = version;
        return c;
    }

    public static String key(String owner, boolean tradeSide) {
        return owner + (tradeSide ? "/long" : "/short");
    }
}
