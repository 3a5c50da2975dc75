package io.kana.core.model;

/** The side of an order or position. On the wire this is the boolean {@code tradeSide}. */
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
