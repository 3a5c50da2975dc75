package io.kana.core.stream;

import io.kana.core.stream.StreamEvent.Origin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A feed subscriber's buffer plus what reconciliation needs to know about it: the history items it
 * has been given (to de-duplicate), the version up to which it surely holds everything, and whether
 * it has a gap. Offers come from the transport thread and the recovery thread, serialised by this
 * object's lock.
 */
final class FeedSink<T> extends Sink<StreamEvent<T>> {

    /** What an offer did. */
    enum Outcome {
        DELIVERED, DUPLICATE, OVERFLOW, SKIPPED
    }

    private final Feed<T> feed;
    private final boolean history;
    private final Map<String, Boolean> seen;
    private final Consumer<FeedSink<T>> caughtUp;
    private BigInteger safeVersion;
    private boolean gapOpen;
    private boolean lagging;
    private long gapEpoch;

    FeedSink(Feed<T> feed, Flow.Subscriber<? super StreamEvent<T>> subscriber, Executor executor, int capacity,
            int dedupeCapacity, Runnable onCancel, Consumer<FeedSink<T>> caughtUp) {
        super(subscriber, executor, capacity, onCancel);
        this.feed = feed;
        this.history = Reconciliation.kind(feed.topic()) == Reconciliation.Kind.HISTORY;
        this.caughtUp = caughtUp;
        this.seen = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > dedupeCapacity;
            }
        };
    }

    Feed<T> feed() {
        return feed;
    }

    /** A message from the socket. While the subscriber lags, live items wait for the catch-up fetch. */
    synchronized Outcome offerLive(List<?> items) {
        if (cancelled() || lagging) {
            // A lagging subscriber gets what it missed from REST (or the next snapshot) once it drains.
            return Outcome.SKIPPED;
        }
        List<T> fresh = fresh(items);
        if (history && fresh.isEmpty()) {
            if (safeVersion == null && !gapOpen && items.isEmpty()) {
                // An empty first history message: the account has no history yet.
                safeVersion = BigInteger.ZERO;
            }
            return items.isEmpty() ? Outcome.SKIPPED : Outcome.DUPLICATE;
        }
        if (!offer(new StreamEvent<>(feed, fresh, Origin.LIVE))) {
            lagging = true;
            openGap();
            return Outcome.OVERFLOW;
        }
        accept(fresh);
        return Outcome.DELIVERED;
    }

    /**
     * Items fetched through REST after the gap opened at {@code epoch}; closes the gap unless another
     * opened since. Returns how many items were delivered, or -1 when the buffer is still too full.
     */
    synchronized int offerRecovered(List<?> items, long epoch) {
        if (cancelled()) {
            return 0;
        }
        if (buffered() > capacity() / 2) {
            return -1;
        }
        List<T> fresh = fresh(items);
        if (!fresh.isEmpty() || !history) {
            if (!offer(new StreamEvent<>(feed, fresh, Origin.RECONCILED))) {
                return -1;
            }
        }
        accept(fresh);
        if (epoch == gapEpoch) {
            gapOpen = false;
            lagging = false;
            BigInteger newest = newest(items);
            if (newest != null && (safeVersion == null || newest.compareTo(safeVersion) > 0)) {
                safeVersion = newest;
            } else if (safeVersion == null) {
                safeVersion = BigInteger.ZERO;
            }
        }
        return fresh.size();
    }

    /** Marks a gap: the safe version stays where it is until a recovery closes it. */
    synchronized void openGap() {
        gapOpen = true;
        gapEpoch++;
    }

    /** A gap in a feed REST cannot recover: it closes with the next live message. */
    synchronized void closeUnrecoverableGap() {
        gapOpen = false;
        lagging = false;
    }

    synchronized boolean hasGap() {
        return gapOpen;
    }

    synchronized long gapEpoch() {
        return gapEpoch;
    }

    synchronized BigInteger safeVersion() {
        return safeVersion;
    }

    @Override
    void drained() {
        boolean ready;
        synchronized (this) {
            ready = lagging && buffered() <= capacity() / 2;
        }
        if (ready) {
            caughtUp.accept(this);
        }
    }

    private List<T> fresh(List<?> items) {
        List<T> fresh = new ArrayList<>(items.size());
        java.util.Set<String> batch = new java.util.HashSet<>();
        for (Object item : items) {
            if (!history || (!seen.containsKey(Reconciliation.key(item)) && batch.add(Reconciliation.key(item)))) {
                fresh.add(feed.type().cast(item));
            }
        }
        return fresh;
    }

    private void accept(List<T> delivered) {
        if (!history) {
            return;
        }
        for (T item : delivered) {
            seen.put(Reconciliation.key(item), Boolean.TRUE);
        }
        if (!gapOpen) {
            BigInteger newest = newest(delivered);
            if (newest != null && (safeVersion == null || newest.compareTo(safeVersion) > 0)) {
                safeVersion = newest;
            }
        }
    }

    private static BigInteger newest(List<?> items) {
        BigInteger newest = null;
        for (Object item : items) {
            BigInteger v = Reconciliation.version(item);
            if (v != null && (newest == null || v.compareTo(newest) > 0)) {
                newest = v;
            }
        }
        return newest;
    }
}
