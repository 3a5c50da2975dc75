package io.kana.sandbox;

/** One side of a profile's position in a market (hedge mode: a long and a short may coexist). */
final class PositionState {

    final String owner;
    final long marketId;
    final boolean tradeSide;

    long lots;
    /** Entry cost, quote subunits: the notional paid for the lots still held. */
    long cost;
    /** Margin held, quote subunits. */
    long margin;
    /** Lots committed to resting closing orders. */
    long closingLots;
    int leverage;
    long takeProfitTicks;
    long stopLossTicks;
    String tradeId;
    long updatedAt;
    long version;

    PositionState(String owner, long marketId, boolean tradeSide) {
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

    static String key(String owner, boolean tradeSide) {
        return owner + (tradeSide ? "/long" : "/short");
    }
}
