package io.kana.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent between two points, split into the sandbox's threads, the client's threads (the
 * benchmark thread included) and the rest of the JVM (GC, JIT, threads that ended meanwhile), with
 * the time the JIT compilers and the collectors reported for the same span. Wall-clock throughput on a shared
 * machine swings with the other load; CPU time per order barely does, so the client's share
 * compared between the library and the raw calls is the steadier measure of what the library costs.
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<Long, Long> startByThread = new HashMap<>();
    private final long processStart;
    private final long compilationStartMillis;
    private final long gcStartMillis;

    private CpuMeter() {
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                startByThread.put(id, cpu);
            }
        }
        processStart = OS.getProcessCpuTime();
        compilationStartMillis = compilationMillis();
        gcStartMillis = gcMillis();
    }

    /** Starts measuring now. */
    static CpuMeter start() {
        return new CpuMeter();
    }

    /** µs of CPU per order since the start, as {@code "cpu/order: sandbox S, client C, jvm J µs"}. */
    String perOrder(long orders) {
        long process = OS.getProcessCpuTime() - processStart;
        long sandbox = 0;
        long client = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - startByThread.getOrDefault(thread.getThreadId(), 0L);
            if (isSandbox(thread.getThreadName())) {
                sandbox += used;
            } else {
                client += used;
            }
        }
        long jvm = process - sandbox - client;
        return String.format("cpu/order: sandbox %d, client %d, jvm %d µs (jit %d ms, gc %d ms in all)",
                micros(sandbox, orders), micros(client, orders), micros(jvm, orders),
                compilationMillis() - compilationStartMillis, gcMillis() - gcStartMillis);
    }

    private static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** The sandbox's HTTP workers and committer, and the JDK HTTP server's dispatcher. */
    private static boolean isSandbox(String name) {
        return name.startsWith("kana-sandbox") || name.startsWith("HTTP-Dispatcher");
    }

    private static long micros(long nanos, long orders) {
        return orders == 0 ? 0 : nanos / 1_000 / orders;
    }
}
