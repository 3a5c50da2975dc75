package io.kana.core.stream;

import java.util.List;

/**
 * The port to a streaming connection (implemented by the WebSocket adapter): it keeps one connection
 * up, reconnecting on its own, resubscribes everything after each reconnect and decodes messages into
 * kana-core records. Its callbacks arrive on its own thread, one at a time; they must not block.
 */
public interface StreamTransport extends AutoCloseable {

    /** Starts connecting; from now on every event goes to {@code listener}. Called once. */
    void start(Listener listener);

    /**
     * Subscribes now if connected and after every reconnect.
     *
     * @param key the profile address (long hex), the market id, or null for a topic without a key
     */
    void subscribe(Topic topic, String key);

    /** Stops resubscribing the feed and asks the server to stop sending it. */
    void unsubscribe(Topic topic, String key);

    /** Closes the connection and stops every thread the transport started. */
    @Override
    void close();

    /** Receives the transport's events. */
    interface Listener {

        /** A connection is up and every subscription was sent; {@code attempts} tries it took (0 for the first). */
        void connected(boolean reconnect, int attempts);

        void disconnected(String reason);

        /**
         * A message.
         *
         * @param key  the subscription it answers (profile address, market id), or null when neither the
         *             message nor its items say
         * @param data its items, decoded into the topic's record ({@link Feed#type()})
         */
        void message(Topic topic, String key, List<?> data);

        /** Messages of a subscription were lost (a sequence number was skipped). */
        void lost(Topic topic, String key, String detail);
    }
}
