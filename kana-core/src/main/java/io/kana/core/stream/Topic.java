package io.kana.core.stream;

/**
 * The eleven topics of Kana's WebSocket API (reference §6), with what a subscription to each is keyed by.
 */
public enum Topic {
    ORDER_HISTORY("order_history", Key.ACCOUNT),
    DEPOSIT_WITHDRAW_HISTORY("deposit_withdraw_history", Key.ACCOUNT),
    TRADE_HISTORY("trade_history", Key.ACCOUNT),
    POSITIONS("positions", Key.ACCOUNT),
    OPEN_ORDERS("open_orders", Key.ACCOUNT),
    ORDERBOOK("orderbook", Key.MARKET),
    RECENT_TRADES("recent_trades", Key.MARKET),
    LIVE_FUNDING_RATE("live_funding_rate", Key.NONE),
    /** The latest changed order only. */
    LIVE_ORDER_HISTORY("live_order_history", Key.ACCOUNT),
    /** The latest trade only. */
    LIVE_TRADE_HISTORY("live_trade_history", Key.ACCOUNT),
    BEST_PRICE("best_price", Key.MARKET);

    /** What a subscription names: a profile address ({@code address}), a market ({@code market_id}) or nothing. */
    public enum Key {
        ACCOUNT, MARKET, NONE
    }

    private final String wireName;
    private final Key key;

    Topic(String wireName, Key key) {
        this.wireName = wireName;
        this.key = key;
    }

    /** The name in subscribe messages and in a message's {@code message} field. */
    public String wireName() {
        return wireName;
    }

    public Key key() {
        return key;
    }

    /** The topic called {@code wireName}, or null when there is none. */
    public static Topic ofWireName(String wireName) {
        for (Topic topic : values()) {
            if (topic.wireName.equals(wireName)) {
                return topic;
            }
        }
        return null;
    }
}
