package io.kana.aptos.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler without time: one-shot tasks run at once on the calling thread (their delays are recorded),
 * periodic tasks run only when the test calls {@link #runPeriodicTasks()}.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Long> oneShotDelaysMillis = new CopyOnWriteArrayList<>();
    private final List<Periodic> periodic = new CopyOnWriteArrayList<>();

    List<Long> oneShotDelaysMillis() {
        return List.copyOf(oneShotDelaysMillis);
    }

    List<Long> periodsMillis() {
        return periodic.stream().filter(task -> !task.cancelled).map(task -> task.periodMillis).toList();
    }

    void runPeriodicTasks() {
        for (Periodic task : periodic) {
            if (!task.cancelled) {
                task.command.run();
            }
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        oneShotDelaysMillis.add(unit.toMillis(delay));
        command.run();
        return new Periodic(command, 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        Periodic task = new Periodic(command, unit.toMillis(period));
        periodic.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return scheduleAtFixedRate(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private static final class Periodic implements ScheduledFuture<Object> {
        final Runnable command;
        final long periodMillis;
        volatile boolean cancelled;

        Periodic(Runnable command, long periodMillis) {
            this.command = command;
            this.periodMillis = periodMillis;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
