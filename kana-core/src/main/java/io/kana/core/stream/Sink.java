package io.kana.core.stream;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber's bounded buffer. {@link #offer} never blocks: it enqueues or reports that the buffer
 * is full. Items go out on the executor as the subscriber requests them, one drain at a time, so the
 * subscriber sees its signals serially (Reactive Streams rule 1.3).
 */
class Sink<E> implements Flow.Subscription {

    private final Flow.Subscriber<? super E> subscriber;
    private final Executor executor;
    private final int capacity;
    private final ArrayDeque<E> queue = new ArrayDeque<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final Runnable onCancel;
    private volatile boolean cancelled;
    private Throwable failure;
    private boolean completed;
    private boolean terminated;

    Sink(Flow.Subscriber<? super E> subscriber, Executor executor, int capacity, Runnable onCancel) {
        this.subscriber = subscriber;
        this.executor = executor;
        this.capacity = capacity;
        this.onCancel = onCancel;
    }

    /** Hands the subscription to the subscriber; call once, before any offer. */
    void start() {
        subscriber.onSubscribe(this);
    }

    /** Enqueues {@code item}; false when the buffer is full or the subscriber has gone. */
    final boolean offer(E item) {
        synchronized (this) {
            if (cancelled || completed || queue.size() >= capacity) {
                return false;
            }
            queue.add(item);
        }
        schedule();
        return true;
    }

    final synchronized int buffered() {
        return queue.size();
    }

    final int capacity() {
        return capacity;
    }

    final boolean cancelled() {
        return cancelled;
    }

    /** Ends the stream after what is buffered ({@code failure} null) or at once with {@code failure}. */
    final void terminate(Throwable failure) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
            this.failure = failure;
            if (failure != null) {
                queue.clear();
            }
        }
        schedule();
    }

    /** Called on the delivery thread after each drain; a subclass checks whether it caught up. */
    void drained() {
    }

    @Override
    public final void request(long n) {
        if (n <= 0) {
            terminate(new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)"));
            return;
        }
        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        schedule();
    }

    @Override
    public final void cancel() {
        if (!cancelled) {
            cancelled = true;
            synchronized (this) {
                queue.clear();
            }
            onCancel.run();
        }
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                cancelled = true;
            }
        }
    }

    private void drain() {
        int missed = 1;
        do {
            while (!cancelled && !terminated && demand.get() > 0) {
                E next;
                synchronized (this) {
                    next = queue.poll();
                }
                if (next == null) {
                    break;
                }
                demand.decrementAndGet();
                try {
                    subscriber.onNext(next);
                } catch (RuntimeException e) {
                    cancel();
                    terminated = true;
                    subscriber.onError(e);
                }
            }
            boolean finish;
            Throwable error;
            synchronized (this) {
                finish = completed && !terminated && !cancelled && (failure != null || queue.isEmpty());
                error = failure;
            }
            if (finish) {
                terminated = true;
                if (error != null) {
                    subscriber.onError(error);
                } else {
                    subscriber.onComplete();
                }
            }
            if (!cancelled && !terminated) {
                drained();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
