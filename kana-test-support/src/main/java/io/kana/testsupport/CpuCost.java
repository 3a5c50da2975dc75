package io.kana.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * What one call that is meant to fail cost the calling thread: the error it threw and the CPU time it
 * used (wall time where the JVM measures no thread CPU time). For the bounds on hostile inputs, whose
 * old cost was minutes of CPU.
 */
public record CpuCost(Throwable thrown, Duration time, boolean cpu) {

    /** A call that may throw anything. */
    @FunctionalInterface
    public interface Call {
        void run() throws Throwable;
    }

    /** Runs {@code call} on this thread; {@code thrown} is null when it returned normally. */
    public static CpuCost of(Call call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long start = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        Throwable thrown = null;
        try {
            call.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long end = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        return new CpuCost(thrown, Duration.ofNanos(end - start), cpu);
    }

    /** E.g. {@code 1.25 ms CPU}, or {@code 1.50 ms wall} where CPU time is not measured. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f ms %s", time.toNanos() / 1e6, cpu ? "CPU" : "wall");
    }
}
