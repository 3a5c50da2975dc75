package io.kana.core.stream;

import java.math.BigInteger;
import java.time.Duration;

/** What happened to the stream connection and its feeds: events a bot can act on. */
public sealed interface ConnectionEvent {

    /** The first connection is up and every feed subscribed. */
    record Connected() implements ConnectionEvent {}

    /** The connection is down; it is being re-established. */
    record Disconnected(String reason) implements ConnectionEvent {}

    /** The connection is up again after {@code attempts} tries and every feed resubscribed. */
    record Reconnected(int attempts, Duration downtime) implements ConnectionEvent {}

    /** A feed may have missed messages; a reconcilable feed is bridged next (see {@link GapBridged}). */
    record Gap(Feed<?> feed, Cause cause, String detail) implements ConnectionEvent {}

    /**
     * A gap was bridged through the REST API: {@code recovered} items newer than {@code afterVersion}
     * (null when no version had been seen yet) were delivered, up to {@code upToVersion}.
     */
    record GapBridged(Feed<?> feed, int recovered, BigInteger afterVersion, BigInteger upToVersion)
            implements ConnectionEvent {}

    /** Why a gap opened. */
    enum Cause {
        /** The connection dropped; anything sent meanwhile is lost. */
        DISCONNECTED,
        /** A message's sequence number skipped one or more. */
        MESSAGE_LOST,
        /** A subscriber's buffer was full; see {@link KanaStreams}. */
        SLOW_CONSUMER,
        /** The order-book mirror disagreed with the REST best prices. */
        BOOK_MISMATCH
    }
}
