package io.kana.core.model;

/**
 * The <em>position</em> side an order belongs to, not whether it buys or sells: Kana runs in hedge
 * mode, with a long and a short position per market. On the wire this is the boolean {@code tradeSide}
 * ({@code true} = long). With {@link Direction} it makes the trade's {@link Action}: a long that opens
 * buys, a long that closes sells; a short that opens sells, a short that closes buys.
 */
public enum Side {
    LONG(true),
    SHORT(false);

    private final boolean tradeSide;

    Side(boolean tradeSide) {
        this.tradeSide = tradeSide;
    }

    /** The API's {@code tradeSide}: {@code true} for long, {@code false} for short. */
    public boolean tradeSide() {
        return tradeSide;
    }

    public static Side fromTradeSide(boolean tradeSide) {
        return tradeSide ? LONG : SHORT;
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }
}
