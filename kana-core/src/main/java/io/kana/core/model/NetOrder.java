package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;

/**
 * An order in net-inventory terms: buy or sell {@code size} coins. The SDK turns it into Kana's
 * hedge-mode orders: a buy first closes the short position (as far as it is free to close) and opens
 * a long for the rest; a sell mirrors that. With {@code reduceOnly} only the closing part is placed.
 *
 * @param action     buy or sell
 * @param size       coins, positive
 * @param price      limit price (quote per coin); null for a market order
 * @param leverage   leverage of the orders placed, 1 or more
 * @param reduceOnly never open a position: place only what closes the opposite one
 * @param tag        the caller's client order id, or null; the SDK maps it to the order ids once known
 */
public record NetOrder(Action action, BigDecimal size, BigDecimal price, int leverage, boolean reduceOnly, String tag) {

    /** Longest tag accepted. */
    public static final int MAX_TAG_LENGTH = 64;

    public NetOrder {
        Requests.required("action", action);
        Requests.positive("size", size);
        if (price != null) {
            Requests.positive("price", price);
        }
        Requests.leverage(leverage);
        if (tag != null && (tag.isBlank() || tag.length() > MAX_TAG_LENGTH)) {
            throw new InvalidRequestException("tag", "a tag is 1 to " + MAX_TAG_LENGTH + " characters, not blank; got "
                    + (tag.isBlank() ? "a blank one" : tag.length() + " characters"));
        }
    }

    /** A limit buy at leverage 1. */
    public static NetOrder buy(BigDecimal size, BigDecimal price) {
        return new NetOrder(Action.BUY, size, Requests.required("price", price), 1, false, null);
    }

    /** A limit sell at leverage 1. */
    public static NetOrder sell(BigDecimal size, BigDecimal price) {
        return new NetOrder(Action.SELL, size, Requests.required("price", price), 1, false, null);
    }

    /** A market buy at leverage 1. */
    public static NetOrder buyAtMarket(BigDecimal size) {
        return new NetOrder(Action.BUY, size, null, 1, false, null);
    }

    /** A market sell at leverage 1. */
    public static NetOrder sellAtMarket(BigDecimal size) {
        return new NetOrder(Action.SELL, size, null, 1, false, null);
    }

    public NetOrder withLeverage(int value) {
        return new NetOrder(action, size, price, value, reduceOnly, tag);
    }

    /** This order, never opening a position. */
    public NetOrder asReduceOnly() {
        return new NetOrder(action, size, price, leverage, true, tag);
    }

    /** This order under the caller's client id {@code value}. */
    public NetOrder tagged(String value) {
        return new NetOrder(action, size, price, leverage, reduceOnly, Requests.required("tag", value));
    }

    /** Whether this is a market order (no price). */
    public boolean isMarket() {
        return price == null;
    }
}
