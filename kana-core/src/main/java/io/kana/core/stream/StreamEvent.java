package io.kana.core.stream;

import java.util.List;
import java.util.Objects;

/**
 * One message of a feed.
 *
 * @param feed   the feed
 * @param data   the message's items; for a snapshot topic ({@code open_orders}, {@code positions},
 *               {@code orderbook}, {@code best_price}) the whole current state, else new items only
 * @param origin whether the items came over the socket or were fetched through REST to bridge a gap
 * @param <T>    the item record
 */
public record StreamEvent<T>(Feed<T> feed, List<T> data, Origin origin) {

    /** Where a message's items came from. */
    public enum Origin {
        /** Pushed over the WebSocket. */
        LIVE,
        /** Fetched through the REST API after a reconnect, a lost message or a buffer overflow. */
        RECONCILED
    }

    public StreamEvent {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(origin, "origin");
        data = List.copyOf(data);
    }
}
