package io.kana.core.model;

/**
 * Buy or sell: what a trade does to the account's <em>net</em> inventory (long size minus short size).
 * Kana's wire has no such field; it is a {@link Side} and a {@link Direction}:
 * <table>
 *   <caption>buy and sell on the wire</caption>
 *   <tr><th></th><th>{@code OPEN}</th><th>{@code CLOSE}</th></tr>
 *   <tr><td>{@code LONG}</td><td>BUY</td><td>SELL</td></tr>
 *   <tr><td>{@code SHORT}</td><td>SELL</td><td>BUY</td></tr>
 * </table>
 */
public enum Action {
    BUY,
    SELL;

    /** What an order on {@code side} that {@code direction}s its position does. */
    public static Action of(Side side, Direction direction) {
        boolean opensLong = side == Side.LONG;
        return (direction == Direction.OPEN) == opensLong ? BUY : SELL;
    }

    /** The side whose position this action closes: a buy closes a short, a sell a long. */
    public Side closes() {
        return this == BUY ? Side.SHORT : Side.LONG;
    }

    /** The side whose position this action opens: a buy opens a long, a sell a short. */
    public Side opens() {
        return closes().opposite();
    }

    /** {@code +1} for a buy, {@code -1} for a sell: the sign of the change to net inventory. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Action opposite() {
        return this == BUY ? SELL : BUY;
    }
}
