package io.kana.core.model;

/** Limit or market. On the wire ({@code orderTypes} of the batch endpoints): {@code true} is limit. */
public enum OrderType {
    LIMIT(true),
    MARKET(false);

    private final boolean wireValue;

    OrderType(boolean wireValue) {
        this.wireValue = wireValue;
    }

    public boolean wireValue() {
        return wireValue;
    }

    public static OrderType fromWireValue(boolean isLimit) {
        return isLimit ? LIMIT : MARKET;
    }
}
