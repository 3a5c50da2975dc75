package io.kana.sandbox.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client that speaks only the documented protocol, on the JDK's own WebSocket: subscribe JSON out,
 * every text frame in is one parsed message, stamped with the time it arrived.
 */
public final class StreamClient implements WebSocket.Listener, AutoCloseable {

    /** A message and when it arrived ({@link System#nanoTime()}). */
    public record Received(Map<String, Object> message, long nanos) {}

    /** How long a wait may last on a loaded 2-core machine before the test gives up. */
    static final int PATIENCE_SECONDS = 5;

    final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    /** Messages of other topics than the one last waited for, in arrival order. */
    private final List<Received> stash = new ArrayList<>();

    public StreamClient(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message of {@code topic}, waiting at most {@link #PATIENCE_SECONDS} (a bound, not a speed goal). */
    public Map<String, Object> next(String topic) throws InterruptedException {
        return nextReceived(topic).message();
    }

    /** The next message of {@code topic} with its arrival time, waiting at most {@link #PATIENCE_SECONDS}. */
    public Received nextReceived(String topic) throws InterruptedException {
        for (Received r : stash) {
            if (topic.equals(r.message().get("message"))) {
                stash.remove(r);
                return r;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            Received r = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(r).as("a %s message within %d s", topic, PATIENCE_SECONDS).isNotNull();
            if (topic.equals(r.message().get("message"))) {
                return r;
            }
            stash.add(r);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(new Received((Map<String, Object>) Json.parse(partial.toString()), System.nanoTime()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.countDown();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.countDown();
    }

    /** Drops the connection without a close handshake. */
    @Override
    public void close() {
        socket.abort();
    }
}
