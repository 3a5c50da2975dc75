package io.kana.core.error;

/**
 * An order would break a pre-trade risk limit (or trading is halted): it was refused locally before
 * any request, so nothing was sent.
 */
public final class RiskLimitException extends KanaException {

    private final String limit;

    public RiskLimitException(String limit, String message) {
        super("risk limit " + limit + ": " + message + "; nothing was sent");
        this.limit = limit;
    }

    /** Which limit, e.g. {@code maxOrderNotional}, {@code priceBand}, {@code halted}. */
    public String limit() {
        return limit;
    }

    @Override
    public boolean effectMayExist() {
        return false;
    }
}
