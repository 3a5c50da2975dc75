package io.kana.aptos.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay without holding a thread per waiting operation. */
@FunctionalInterface
interface Delayer {

    /**
     * The JDK's shared timer thread (the one behind {@link CompletableFuture#orTimeout}). Tasks only
     * enqueue OkHttp calls or complete futures, so they run on it directly; a cancelled timer is
     * removed from its queue at once.
     */
    Delayer SHARED_TIMER = (millis, task) -> {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        timer.orTimeout(millis, TimeUnit.MILLISECONDS).whenComplete((done, timedOut) -> {
            if (timedOut != null) {
                task.run();
            }
        });
        return () -> timer.complete(null);
    };

    /** Schedules {@code task}; the returned action cancels it if it has not run yet. */
    Runnable schedule(long millis, Runnable task);
}
