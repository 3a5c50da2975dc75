package io.kana.core.stream;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.FundingRate;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.Order;
import io.kana.core.model.Position;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import java.util.Objects;

/**
 * One subscription target: a topic and what it is keyed by, typed by the records its messages carry.
 * Account feeds take the <em>wallet</em> address (the one the REST reads take); the stream subscribes
 * to the wallet's profile address, which Kana's WebSocket API keys them by.
 *
 * @param topic  the topic
 * @param wallet the wallet, for account topics; null otherwise
 * @param market the market, for market topics; null otherwise
 * @param type   the record each message item decodes to
 * @param <T>    that record
 */
public record Feed<T>(Topic topic, WalletAddress wallet, MarketId market, Class<T> type) {

    public Feed {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        boolean keyed = switch (topic.key()) {
            case ACCOUNT -> wallet != null && market == null;
            case MARKET -> market != null && wallet == null;
            case NONE -> wallet == null && market == null;
        };
        if (!keyed) {
            throw new IllegalArgumentException(topic.wireName() + " is keyed by " + topic.key()
                    + ", got wallet " + wallet + " and market " + market);
        }
    }

    public static Feed<Order> orderHistory(WalletAddress wallet) {
        return new Feed<>(Topic.ORDER_HISTORY, wallet, null, Order.class);
    }

    public static Feed<BalanceTransfer> depositWithdrawHistory(WalletAddress wallet) {
        return new Feed<>(Topic.DEPOSIT_WITHDRAW_HISTORY, wallet, null, BalanceTransfer.class);
    }

    /** The account's executions: every fill of its orders, delivered exactly once (see {@link KanaStreams}). */
    public static Feed<Trade> tradeHistory(WalletAddress wallet) {
        return new Feed<>(Topic.TRADE_HISTORY, wallet, null, Trade.class);
    }

    public static Feed<Position> positions(WalletAddress wallet) {
        return new Feed<>(Topic.POSITIONS, wallet, null, Position.class);
    }

    /** Every message is the account's whole set of open orders. */
    public static Feed<Order> openOrders(WalletAddress wallet) {
        return new Feed<>(Topic.OPEN_ORDERS, wallet, null, Order.class);
    }

    public static Feed<Order> liveOrderHistory(WalletAddress wallet) {
        return new Feed<>(Topic.LIVE_ORDER_HISTORY, wallet, null, Order.class);
    }

    public static Feed<Trade> liveTradeHistory(WalletAddress wallet) {
        return new Feed<>(Topic.LIVE_TRADE_HISTORY, wallet, null, Trade.class);
    }

    /** Every message is the market's whole book. */
    public static Feed<BookSnapshot> orderBook(MarketId market) {
        return new Feed<>(Topic.ORDERBOOK, null, market, BookSnapshot.class);
    }

    public static Feed<Trade> recentTrades(MarketId market) {
        return new Feed<>(Topic.RECENT_TRADES, null, market, Trade.class);
    }

    public static Feed<MarketPrice> bestPrice(MarketId market) {
        return new Feed<>(Topic.BEST_PRICE, null, market, MarketPrice.class);
    }

    public static Feed<FundingRate> fundingRates() {
        return new Feed<>(Topic.LIVE_FUNDING_RATE, null, null, FundingRate.class);
    }

    @Override
    public String toString() {
        return topic.wireName() + (wallet != null ? "[" + wallet + "]" : market != null ? "[" + market + "]" : "");
    }
}
