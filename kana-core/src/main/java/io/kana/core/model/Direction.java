package io.kana.core.model;

/** Whether an order opens (or adds to) a position or closes (reduces) it. On the wire: {@code direction}. */
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
