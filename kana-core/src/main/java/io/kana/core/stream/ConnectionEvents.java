package io.kana.core.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * The subscribers of {@link KanaStreams#connectionEvents()}: each with its own bounded buffer; one that falls
 * {@code bufferSize} events behind is ended with an error, since nothing could reconcile what it missed.
 * A new subscriber first gets the state it joins in (see {@link KanaStreams#connectionEvents()}).
 */
final class ConnectionEvents {

    private final Executor delivery;
    private final int bufferSize;
    private final List<Sink<ConnectionEvent>> monitors = new CopyOnWriteArrayList<>();
    /** Orders {@link #publish} against a new subscription, so that its first event is the state it joined in. */
    private final Object lock = new Object();
    /** {@code Connected} while the connection is up, the latest {@code Disconnected} while it is down; null before. */
    private ConnectionEvent state;
    private boolean closed;

    ConnectionEvents(Executor delivery, int bufferSize) {
        this.delivery = delivery;
        this.bufferSize = bufferSize;
    }

    void subscribe(Flow.Subscriber<? super ConnectionEvent> subscriber) {
        Sink<ConnectionEvent>[] holder = newSinkHolder();
        holder[0] = new Sink<>(subscriber, delivery, bufferSize, () -> monitors.remove(holder[0]));
        holder[0].start();
        synchronized (lock) {
            if (closed) {
                holder[0].terminate(null);
                return;
            }
            monitors.add(holder[0]);
            if (state != null) {
                holder[0].offer(state);
            }
        }
    }

    void publish(ConnectionEvent event) {
        synchronized (lock) {
            if (event instanceof ConnectionEvent.Disconnected) {
                state = event;
            } else if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
                state = new ConnectionEvent.Connected();
            }
            for (Sink<ConnectionEvent> monitor : monitors) {
                if (!monitor.offer(event) && !monitor.cancelled()) {
                    monitors.remove(monitor);
                    monitor.terminate(new IllegalStateException("connection-event subscriber fell " + bufferSize
                            + " events behind; request more promptly or subscribe with a larger bufferSize"));
                }
            }
        }
    }

    /** Completes every subscriber; later ones are completed at once. */
    void close() {
        synchronized (lock) {
            closed = true;
            monitors.forEach(m -> m.terminate(null));
        }
    }

    @SuppressWarnings("unchecked")
    private static Sink<ConnectionEvent>[] newSinkHolder() {
        return (Sink<ConnectionEvent>[]) new Sink<?>[1];
    }
}
