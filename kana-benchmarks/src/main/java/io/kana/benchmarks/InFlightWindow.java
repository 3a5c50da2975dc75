package io.kana.benchmarks;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps at most {@code size} asynchronous operations in flight: the benchmark thread enters before
 * starting one and blocks while the window is full; the operation leaves when it completes. The
 * first failure is kept and rethrown to the benchmark thread, so a broken run stops instead of
 * measuring errors.
 */
final class InFlightWindow {

    private final int size;
    private final Semaphore permits;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    InFlightWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one operation in flight, got " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** Waits for room for one more operation. */
    void enter() throws InterruptedException {
        permits.acquire();
        rethrowFailure();
    }

    /** An operation completed, failed when {@code error} is not null. */
    void leave(Throwable error) {
        if (error != null) {
            failure.compareAndSet(null, error);
        }
        permits.release();
    }

    /** Waits until nothing is in flight; throws the first failure, if any. */
    void drain(Duration timeout) throws InterruptedException {
        if (!permits.tryAcquire(size, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException((size - permits.availablePermits()) + " operations still in flight after "
                    + timeout.toSeconds() + " s");
        }
        permits.release(size);
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable first = failure.get();
        if (first != null) {
            throw new IllegalStateException("an operation failed: " + first, first);
        }
    }
}
