package io.kana.core.stream;

import io.kana.core.model.MarketId;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.stream.ConnectionEvent.Cause;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live feeds of Kana's WebSocket topics over one {@link StreamTransport} connection, as
 * {@link Flow.Publisher}s (Reactor: {@code JdkFlowAdapter.flowPublisherToFlux(p)}; RxJava:
 * {@code FlowAdapters.toPublisher(p)}).
 *
 * <pre>{@code
 * try (KanaStreams streams = KanaStreams.builder(transport).reconcileWith(orders, positions, accounts, markets).build()) {
 *     streams.subscribe(Feed.tradeHistory(wallet)).subscribe(mySubscriber);
 *     streams.connectionEvents().subscribe(myMonitor);
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Gaps are never silent.</b> A disconnect, a skipped sequence number and a full subscriber
 *       buffer each publish a {@link ConnectionEvent.Gap}. Feeds REST can serve (open orders, positions,
 *       order and trade history, transfers, recent trades, best price) are then <em>reconciled</em>:
 *       fetched through REST since the last {@code transaction_version} the subscriber surely holds and
 *       delivered as {@link StreamEvent.Origin#RECONCILED} events, announced by a
 *       {@link ConnectionEvent.GapBridged}. The order book and funding rates heal with their next message.
 *   <li><b>Exactly once.</b> History feeds are de-duplicated per subscriber by trade id and order id
 *       (orders: order id, version and state), so a fill is delivered once however often the socket
 *       repeats it or REST returns it. The memory of delivered keys is bounded ({@code dedupeCapacity},
 *       default 100 000 per subscriber).
 *   <li><b>Slow consumers.</b> Each subscriber has its own bounded buffer ({@code bufferSize} events,
 *       default 1024); the socket thread never blocks on it. When it is full the subscriber is marked
 *       lagging: a {@code SLOW_CONSUMER} gap is published and live messages for it are set aside until it
 *       has drained half its buffer, then what it missed is reconciled as above (for the order book:
 *       the next snapshot). A subscriber of {@link #connectionEvents()} that falls {@code bufferSize}
 *       events behind is ended with an error instead, since there is nothing to reconcile it from.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} ends every subscription, closes the connection and stops every
 * thread this object and its transport started.
 */
public final class KanaStreams implements AutoCloseable {

    private record FeedKey(Topic topic, String key) {}

    /** The subscribers of one feed and its recovery bookkeeping. */
    private static final class FeedState {
        final Feed<?> feed;
        final String key;
        final List<FeedSink<?>> sinks = new CopyOnWriteArrayList<>();
        final AtomicBoolean recoveryPending = new AtomicBoolean();

        FeedState(Feed<?> feed, String key) {
            this.feed = feed;
            this.key = key;
        }
    }

    private final StreamTransport transport;
    private final Reconciliation reconciliation;
    private final Accounts accounts;
    private final int bufferSize;
    private final int dedupeCapacity;
    private final Duration retryDelay;
    private final ExecutorService delivery;
    private final ScheduledExecutorService recovery;
    private final Map<FeedKey, FeedState> feeds = new ConcurrentHashMap<>();
    /** A wallet's profile never changes: asked of the API once per wallet. */
    private final Map<WalletAddress, String> profiles = new ConcurrentHashMap<>();
    private final ConnectionEvents connectionEvents;
    private volatile boolean closed;
    private volatile long downSince;

    private KanaStreams(Builder builder) {
        this.transport = builder.transport;
        this.accounts = builder.accounts;
        this.reconciliation = new Reconciliation(builder.orders, builder.positions, builder.accounts, builder.markets);
        this.bufferSize = builder.bufferSize;
        this.dedupeCapacity = builder.dedupeCapacity;
        this.retryDelay = builder.retryDelay;
        this.delivery = Executors.newCachedThreadPool(threads("kana-stream-delivery-"));
        this.recovery = Executors.newSingleThreadScheduledExecutor(threads("kana-stream-recovery-"));
        this.connectionEvents = new ConnectionEvents(delivery, bufferSize);
        transport.start(new Listener());
    }

    public static Builder builder(StreamTransport transport) {
        return new Builder(transport);
    }

    /**
     * The feed's messages. Each {@link Flow.Subscriber} gets its own buffer and de-duplication; the
     * first subscriber of a feed subscribes it on the connection, the last one's cancel unsubscribes it.
     */
    public <T> Flow.Publisher<StreamEvent<T>> subscribe(Feed<T> feed) {
        Objects.requireNonNull(feed, "feed");
        return subscriber -> attach(feed, Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * Connection events: connected, disconnected (with the reason), reconnected, gaps and bridged gaps. A
     * subscriber that joins after the first connection first receives the state it joins in: a
     * {@link ConnectionEvent.Connected} while the connection is up, the latest
     * {@link ConnectionEvent.Disconnected} while it is down; then every event after it.
     */
    public Flow.Publisher<ConnectionEvent> connectionEvents() {
        return subscriber -> connectionEvents.subscribe(Objects.requireNonNull(subscriber, "subscriber"));
    }

    /**
     * A mirror of {@code market}'s book, kept from the {@code orderbook} feed and checkable against the
     * REST best prices; needs the {@link Markets} port ({@link Builder#reconcileWith}).
     */
    public OrderBookMirror orderBookMirror(MarketId market) {
        if (reconciliation.markets() == null) {
            throw new IllegalStateException("an order-book mirror checks itself against REST: give reconcileWith(...) a Markets port");
        }
        return new OrderBookMirror(this, market, reconciliation.markets());
    }

    /** Subscribes {@code feed} afresh on the connection, so the server sends its current snapshot again. */
    void refresh(Feed<?> feed) {
        String key = wireKey(feed);
        transport.unsubscribe(feed.topic(), key);
        transport.subscribe(feed.topic(), key);
    }

    void publish(ConnectionEvent event) {
        connectionEvents.publish(event);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        recovery.shutdownNow();
        for (FeedState state : feeds.values()) {
            state.sinks.forEach(s -> s.terminate(null));
        }
        connectionEvents.close();
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
                delivery.shutdownNow();
            }
            recovery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private <T> void attach(Feed<T> feed, Flow.Subscriber<? super StreamEvent<T>> subscriber) {
        if (closed) {
            throw new IllegalStateException("the streams are closed");
        }
        String key = wireKey(feed);
        FeedKey feedKey = new FeedKey(feed.topic(), key);
        @SuppressWarnings("unchecked")
        FeedSink<T>[] holder = (FeedSink<T>[]) new FeedSink<?>[1];
        FeedState state = feeds.computeIfAbsent(feedKey, k -> new FeedState(feed, key));
        holder[0] = new FeedSink<>(feed, subscriber, delivery, bufferSize, dedupeCapacity,
                () -> detach(feedKey, holder[0]), sink -> caughtUp(state, sink));
        boolean first;
        synchronized (state) {
            first = state.sinks.isEmpty();
            state.sinks.add(holder[0]);
        }
        holder[0].start();
        if (first) {
            transport.subscribe(feed.topic(), key);
        }
    }

    private void detach(FeedKey feedKey, FeedSink<?> sink) {
        FeedState state = feeds.get(feedKey);
        if (state == null) {
            return;
        }
        boolean last;
        synchronized (state) {
            state.sinks.remove(sink);
            last = state.sinks.isEmpty();
            if (last) {
                feeds.remove(feedKey);
            }
        }
        if (last && !closed) {
            transport.unsubscribe(feedKey.topic(), feedKey.key());
        }
    }

    /** The subscription key on the wire: the wallet's profile address, the market id, or none. */
    private String wireKey(Feed<?> feed) {
        return switch (feed.topic().key()) {
            case ACCOUNT -> {
                if (accounts == null) {
                    throw new IllegalStateException("account feeds are keyed by the wallet's profile address: give "
                            + "reconcileWith(...) an Accounts port to look it up");
                }
                yield profiles.computeIfAbsent(feed.wallet(), wallet -> accounts.profileAddress(wallet).hex());
            }
            case MARKET -> Long.toString(feed.market().value());
            case NONE -> null;
        };
    }

    private void caughtUp(FeedState state, FeedSink<?> sink) {
        if (reconciliation.canRecover(state.feed.topic())) {
            scheduleRecovery(state, Duration.ZERO);
        } else {
            sink.closeUnrecoverableGap();
        }
    }

    private void gap(FeedState state, Cause cause, String detail) {
        state.sinks.forEach(FeedSink::openGap);
        publish(new ConnectionEvent.Gap(state.feed, cause, detail));
        if (reconciliation.canRecover(state.feed.topic())) {
            scheduleRecovery(state, Duration.ZERO);
        }
    }

    private void scheduleRecovery(FeedState state, Duration delay) {
        if (closed || !state.recoveryPending.compareAndSet(false, true)) {
            return;
        }
        try {
            recovery.schedule(() -> recover(state), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    /** Fetches once for every subscriber with a gap, from the oldest version any of them surely holds. */
    private void recover(FeedState state) {
        state.recoveryPending.set(false);
        List<FeedSink<?>> behind = new ArrayList<>();
        for (FeedSink<?> sink : state.sinks) {
            if (sink.hasGap()) {
                behind.add(sink);
            }
        }
        if (behind.isEmpty() || closed) {
            return;
        }
        long[] epochs = new long[behind.size()];
        for (int i = 0; i < behind.size(); i++) {
            epochs[i] = behind.get(i).gapEpoch();
        }
        BigInteger after = Reconciliation.oldestSafeVersion(behind);
        List<?> items;
        try {
            items = reconciliation.fetch(state.feed, after);
        } catch (RuntimeException e) {
            publish(new ConnectionEvent.Gap(state.feed, Cause.DISCONNECTED,
                    "reconciliation through REST failed (" + e + "); retrying in " + retryDelay.toMillis() + " ms"));
            scheduleRecovery(state, retryDelay);
            return;
        }
        BigInteger upTo = Reconciliation.newestVersion(items);
        boolean again = false;
        for (int i = 0; i < behind.size(); i++) {
            int delivered = behind.get(i).offerRecovered(items, epochs[i]);
            if (delivered >= 0) {
                publish(new ConnectionEvent.GapBridged(state.feed, delivered, after, upTo));
            }
            again |= behind.get(i).hasGap() && delivered >= 0;
        }
        if (again) {
            scheduleRecovery(state, Duration.ZERO);
        }
    }

    private FeedState route(Topic topic, String key) {
        if (key != null) {
            return feeds.get(new FeedKey(topic, key));
        }
        FeedState only = null;
        for (FeedState state : feeds.values()) {
            if (state.feed.topic() == topic) {
                if (only != null) {
                    return null;
                }
                only = state;
            }
        }
        return only;
    }

    /** The transport's events, on its thread. */
    private final class Listener implements StreamTransport.Listener {

        @Override
        public void connected(boolean reconnect, int attempts) {
            if (!reconnect) {
                publish(new ConnectionEvent.Connected());
                return;
            }
            publish(new ConnectionEvent.Reconnected(attempts,
                    Duration.ofNanos(System.nanoTime() - downSince)));
            for (FeedState state : feeds.values()) {
                if (reconciliation.canRecover(state.feed.topic())) {
                    scheduleRecovery(state, Duration.ZERO);
                } else {
                    state.sinks.forEach(FeedSink::closeUnrecoverableGap);
                }
            }
        }

        @Override
        public void disconnected(String reason) {
            downSince = System.nanoTime();
            publish(new ConnectionEvent.Disconnected(reason));
            for (FeedState state : feeds.values()) {
                state.sinks.forEach(FeedSink::openGap);
                publish(new ConnectionEvent.Gap(state.feed, Cause.DISCONNECTED, reason));
            }
        }

        @Override
        public void message(Topic topic, String key, List<?> data) {
            FeedState state = route(topic, key);
            if (state == null) {
                return;
            }
            for (FeedSink<?> sink : state.sinks) {
                if (sink.offerLive(data) == FeedSink.Outcome.OVERFLOW) {
                    publish(new ConnectionEvent.Gap(state.feed, Cause.SLOW_CONSUMER, "a subscriber's buffer of "
                            + bufferSize + " events is full; it gets what it missed once it drains half"));
                }
            }
        }

        @Override
        public void lost(Topic topic, String key, String detail) {
            FeedState state = route(topic, key);
            if (state != null) {
                gap(state, Cause.MESSAGE_LOST, detail);
            }
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link KanaStreams}; every one has a default. */
    public static final class Builder {
        private final StreamTransport transport;
        private Orders orders;
        private Positions positions;
        private Accounts accounts;
        private Markets markets;
        private int bufferSize = 1024;
        private int dedupeCapacity = 100_000;
        private Duration retryDelay = Duration.ofSeconds(1);

        private Builder(StreamTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /**
         * The REST reads used to resolve profile addresses and to reconcile feeds after gaps; any may be
         * null, and feeds whose port is missing are then only reported, not reconciled.
         */
        public Builder reconcileWith(Orders orders, Positions positions, Accounts accounts, Markets markets) {
            this.orders = orders;
            this.positions = positions;
            this.accounts = accounts;
            this.markets = markets;
            return this;
        }

        /** Events buffered per subscriber before it counts as slow; default 1024. */
        public Builder bufferSize(int events) {
            if (events < 2) {
                throw new IllegalArgumentException("a buffer holds at least 2 events, got " + events);
            }
            this.bufferSize = events;
            return this;
        }

        /** History keys remembered per subscriber for de-duplication; default 100 000. */
        public Builder dedupeCapacity(int keys) {
            if (keys < 1) {
                throw new IllegalArgumentException("dedupeCapacity must be positive, got " + keys);
            }
            this.dedupeCapacity = keys;
            return this;
        }

        /** The wait before a failed REST reconciliation is tried again; default 1 s. */
        public Builder retryDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("retryDelay must not be negative, got " + delay);
            }
            this.retryDelay = delay;
            return this;
        }

        /** Starts the transport; the streams run until closed. */
        public KanaStreams build() {
            return new KanaStreams(this);
        }
    }
}
