package io.kana.core.trading;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** The few ways the trading classes handle futures alike. */
final class Futures {

    private Futures() {}

    /** The failure itself, without the {@link CompletionException}s and {@link ExecutionException}s around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A port's future, or a failed one if the call itself threw (a null future counts as a null value). */
    static <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> async) {
        try {
            CompletableFuture<T> future = async.get();
            return future != null ? future : CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
