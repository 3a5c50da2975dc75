package io.kana.http;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.stream.StreamTransport;
import io.kana.core.stream.Topic;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kana's WebSocket API on OkHttp's WebSocket: the {@link StreamTransport} behind
 * {@link io.kana.core.stream.KanaStreams}. One connection carries every subscription. When it drops,
 * or when nothing arrives for {@code staleAfter} (a hung feed), it reconnects after a capped
 * exponential backoff with jitter and sends every subscription again. Messages carrying the sandbox's
 * {@code seq} (docs/wire-contract.md) are checked for loss and repeats; without it a lost message is
 * only noticed by a reconnect or the watchdog.
 */
public final class KanaWebSocket implements StreamTransport {

    private static final Logger LOG = LoggerFactory.getLogger(KanaWebSocket.class);

    private record Subscription(Topic topic, String key) {}

    private final URI url;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration staleAfter;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    // Guarded by lock.
    private Listener listener;
    private WebSocket socket;
    private long generation;
    private boolean open;
    private boolean everOpened;
    private boolean closed;
    private int attempts;
    private String closingReason;
    private long lastMessageNanos;
    private final Map<Subscription, Long> lastSeq = new HashMap<>();

    private KanaWebSocket(Builder builder) {
        this.url = builder.url;
        this.ownsHttp = builder.http == null;
        this.http = (builder.http != null ? builder.http.newBuilder() : new OkHttpClient.Builder())
                .pingInterval(builder.pingInterval)
                .build();
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.staleAfter = builder.staleAfter;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kana-ws-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A transport for {@code url}, e.g. {@code wss://perpetuals-indexer-ws.kana.trade/ws/}. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    @Override
    public void start(Listener listener) {
        synchronized (lock) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
            connect();
        }
        long period = Math.max(10, staleAfter.toMillis() / 4);
        timer.scheduleAtFixedRate(this::watchdog, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void subscribe(Topic topic, String key) {
        Subscription s = new Subscription(topic, key);
        subscriptions.add(s);
        synchronized (lock) {
            if (open) {
                socket.send(StreamFrames.command(s.topic(), s.key(), false));
            }
        }
    }

    @Override
    public void unsubscribe(Topic topic, String key) {
        Subscription s = new Subscription(topic, key);
        subscriptions.remove(s);
        synchronized (lock) {
            lastSeq.remove(s);
            if (open) {
                socket.send(StreamFrames.command(s.topic(), s.key(), true));
            }
        }
    }

    /** Repeated messages discarded by their sequence number so far. */
    public long duplicatesDiscarded() {
        return duplicates.get();
    }

    /** Connections opened so far (the first and every reconnect). */
    public long connectionsOpened() {
        return connections.get();
    }

    @Override
    public void close() {
        WebSocket last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            open = false;
            last = socket;
        }
        timer.shutdownNow();
        if (last != null) {
            last.close(1000, "closed by client");
            last.cancel();
        }
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private void connect() {
        long gen = ++generation;
        socket = http.newWebSocket(new Request.Builder().url(url.toString()).build(), new Socket(gen));
    }

    private void watchdog() {
        WebSocket stale = null;
        synchronized (lock) {
            long silentMillis = (System.nanoTime() - lastMessageNanos) / 1_000_000;
            if (open && !closed && silentMillis > staleAfter.toMillis()) {
                closingReason = "stale feed: no message for " + silentMillis + " ms (limit " + staleAfter.toMillis() + " ms)";
                stale = socket;
            }
        }
        if (stale != null) {
            stale.cancel();
        }
    }

    /** Called under the lock when the current connection (or an attempt) ended. */
    private void lost(long gen, String reason) {
        if (gen != generation || closed) {
            return;
        }
        String why = closingReason != null ? closingReason : reason;
        closingReason = null;
        if (open) {
            open = false;
            listener.disconnected(why);
        }
        attempts++;
        long delay = backoff(attempts);
        LOG.debug("stream connection lost ({}); reconnect attempt {} in {} ms", why, attempts, delay);
        socket = null;
        generation++;
        try {
            timer.schedule(() -> {
                synchronized (lock) {
                    if (!closed && socket == null) {
                        connect();
                    }
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // closed meanwhile
        }
    }

    /** Capped exponential backoff with "equal jitter": half the step fixed, half random. */
    long backoff(int attempt) {
        long step = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, maxBackoff.toMillis());
        long half = capped / 2;
        return half + ThreadLocalRandom.current().nextLong(capped - half + 1);
    }

    private void onText(String text) {
        StreamFrames.Envelope envelope;
        try {
            envelope = StreamFrames.Envelope.parse(text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring a stream message that is not the documented {{\"message\",\"data\"}} shape: {}", e.toString());
            return;
        }
        if (envelope == null) {
            return;
        }
        Subscription s = new Subscription(envelope.topic(), envelope.key());
        if (envelope.seq() != null && envelope.key() != null) {
            Long previous = lastSeq.get(s);
            if (previous != null && envelope.seq() <= previous) {
                duplicates.incrementAndGet();
                return;
            }
            lastSeq.put(s, envelope.seq());
            if (previous != null && envelope.seq() > previous + 1) {
                listener.lost(envelope.topic(), envelope.key(), "sequence jumped from " + previous + " to "
                        + envelope.seq() + ": " + (envelope.seq() - previous - 1) + " message(s) lost");
            }
        }
        listener.message(envelope.topic(), envelope.key(), envelope.data());
    }

    private final class Socket extends WebSocketListener {
        private final long gen;

        Socket(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (lock) {
                if (gen != generation || closed) {
                    webSocket.cancel();
                    return;
                }
                open = true;
                connections.incrementAndGet();
                lastMessageNanos = System.nanoTime();
                lastSeq.clear();
                for (Subscription s : subscriptions) {
                    webSocket.send(StreamFrames.command(s.topic(), s.key(), false));
                }
                boolean reconnect = everOpened;
                everOpened = true;
                int tries = attempts;
                attempts = 0;
                listener.connected(reconnect, tries);
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            synchronized (lock) {
                if (gen != generation || closed) {
                    return;
                }
                lastMessageNanos = System.nanoTime();
                onText(text);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            synchronized (lock) {
                lost(gen, "server closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            synchronized (lock) {
                lost(gen, "connection failed: " + t);
            }
        }
    }

    /** Settings of a {@link KanaWebSocket}; every one but the URL has a default. */
    public static final class Builder {
        private final URI url;
        private OkHttpClient http;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration staleAfter = Duration.ofSeconds(60);
        private Duration pingInterval = Duration.ofSeconds(20);
        private boolean allowCleartext;

        private Builder(URI url) {
            String scheme = Objects.requireNonNull(url, "url").getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("a WebSocket URL starts with ws:// or wss://, got " + url);
            }
            this.url = url;
        }

        /** Shares this client's threads and connection pool (the one the REST adapter uses); default a new one. */
        public Builder http(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The first reconnect waits about {@code initial}; each next one twice as long, at most {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Reconnects when no message arrives for this long; default 60 s. */
        public Builder staleAfter(Duration silence) {
            if (silence.toMillis() < 10) {
                throw new IllegalArgumentException("staleAfter is at least 10 ms, got " + silence);
            }
            this.staleAfter = silence;
            return this;
        }

        /** WebSocket pings that keep idle proxies from dropping the connection; default 20 s, zero for none. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Allows {@code ws://} to a host other than this machine (everything, the account addresses
         * subscribed included, then travels unencrypted); default false. Loopback is always allowed.
         */
        public Builder allowCleartext(boolean value) {
            this.allowCleartext = value;
            return this;
        }

        /** @throws InvalidRequestException for cleartext {@code ws://} to another host unless allowed */
        public KanaWebSocket build() {
            String host = url.getHost() == null ? "" : url.getHost().replace("[", "").replace("]", "");
            if ("ws".equals(url.getScheme()) && !allowCleartext && !BaseUrls.isLoopback(host)) {
                throw new InvalidRequestException("url", "the WebSocket URL " + SafeText.url(url)
                        + " is cleartext ws to another host: use wss, or allow it explicitly (allowCleartext(true), "
                        + "KANA_ALLOW_CLEARTEXT=true)");
            }
            return new KanaWebSocket(this);
        }
    }
}
