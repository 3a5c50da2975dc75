package io.kana.cli.trade;

import io.kana.cli.Terminal;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a blocking wait; on a terminal it shows a spinner with the elapsed time on the error stream,
 * erased when the wait ends. Piped or in a test without a terminal it prints nothing.
 */
final class Spinner {

    private static final String FRAMES = "|/-\\";
    private static final long FRAME_MILLIS = 100;

    private Spinner() {}

    /** {@code work}'s result; its exception (unwrapped) if it throws. */
    static <T> T await(Terminal terminal, PrintWriter err, String label, Supplier<T> work) throws InterruptedException {
        if (!terminal.interactive()) {
            return work.get();
        }
        CompletableFuture<T> running = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                running.complete(work.get());
            } catch (RuntimeException | Error e) {
                running.completeExceptionally(e);
            }
        }, "kana-cli-write");
        worker.setDaemon(true);
        worker.start();
        long start = System.nanoTime();
        int frame = 0;
        String shown = "";
        try {
            while (true) {
                shown = String.format("\r%c %s %.1fs", FRAMES.charAt(frame++ % FRAMES.length()), label,
                        (System.nanoTime() - start) / 1e9);
                err.print(shown);
                err.flush();
                try {
                    return running.get(FRAME_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // next frame
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } finally {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
        }
    }
}
