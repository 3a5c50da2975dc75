package io.kana.core.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscriber that records what it is given. It requests {@code initialDemand} at subscription and
 * can be made to hang in {@code onNext} until {@link #release()}, like a consumer stuck on slow work.
 */
final class Recorder<E> implements Flow.Subscriber<E> {

    /** How long a test waits for an asynchronous delivery before failing; not a speed requirement. */
    static final long PATIENCE_SECONDS = 10;

    final BlockingQueue<E> received = new LinkedBlockingQueue<>();
    private final long initialDemand;
    private final CountDownLatch gate;
    volatile Flow.Subscription subscription;
    volatile Throwable error;
    volatile boolean completed;

    private Recorder(long initialDemand, boolean stuck) {
        this.initialDemand = initialDemand;
        this.gate = new CountDownLatch(stuck ? 1 : 0);
    }

    static <E> Recorder<E> eager() {
        return new Recorder<>(Long.MAX_VALUE, false);
    }

    /** Requests nothing until the test calls {@code subscription.request}. */
    static <E> Recorder<E> idle() {
        return new Recorder<>(0, false);
    }

    /** Requests everything, then hangs in its first {@code onNext} until released. */
    static <E> Recorder<E> stuck() {
        return new Recorder<>(Long.MAX_VALUE, true);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (initialDemand > 0) {
            s.request(initialDemand);
        }
    }

    @Override
    public void onNext(E item) {
        received.add(item);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    /** Takes items until one matches; returns everything taken, the match last. */
    List<E> awaitUntil(Predicate<E> match) throws InterruptedException {
        List<E> taken = new ArrayList<>();
        while (true) {
            E next = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("nothing matching arrived; got " + taken);
            }
            taken.add(next);
            if (match.test(next)) {
                return taken;
            }
        }
    }

    E next() throws InterruptedException {
        E next = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing arrived");
        }
        return next;
    }

    /** Waits until {@code condition} holds (it is set by another thread). */
    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }
}
