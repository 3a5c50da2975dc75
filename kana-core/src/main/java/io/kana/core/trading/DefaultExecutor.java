package io.kana.core.trading;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor of the blocking ports when the caller sets none: created on first use only. */
final class DefaultExecutor {

    /** Threads of the pool. */
    static final int THREADS = 32;

    static final ExecutorService INSTANCE = create();

    private DefaultExecutor() {}

    private static ExecutorService create() {
        AtomicInteger count = new AtomicInteger();
        // A fixed number of threads: thousands of orders at once wait their turn in the queue,
        // which KanaTrader.MAX_IN_FLIGHT bounds, instead of starting a thread each.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "kana-trader-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
