package io.kana.core.model;

/**
 * Whether an order opens (adds to) the position of its {@link Side} or closes (reduces) it. On the
 * wire this is the boolean {@code direction}: {@code false} opens, {@code true} closes. It is not buy
 * or sell: see {@link Action#of(Side, Direction)}.
 */
public enum Direction {
    OPEN(false),
    CLOSE(true);

    private final boolean wireValue;

    Direction(boolean wireValue) {
        this.wireValue = wireValue;
    }

    /** The API's {@code direction}: {@code false} opens, {@code true} closes. */
    public boolean wireValue() {
        return wireValue;
    }

    public static Direction fromWireValue(boolean direction) {
        return direction ? CLOSE : OPEN;
    }
}
