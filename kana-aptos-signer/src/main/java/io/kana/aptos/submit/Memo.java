package io.kana.aptos.submit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A value fetched once and shared; a failed fetch is forgotten so the next caller tries again. */
final class Memo<T> {

    private final Supplier<CompletableFuture<T>> fetch;
    private volatile CompletableFuture<T> current;

    Memo(Supplier<CompletableFuture<T>> fetch) {
        this.fetch = fetch;
    }

    CompletableFuture<T> get() {
        CompletableFuture<T> value = current;
        if (value != null && !value.isCompletedExceptionally()) {
            return value;
        }
        synchronized (this) {
            if (current == null || current.isCompletedExceptionally()) {
                current = Futures.call(fetch);
            }
            return current;
        }
    }
}
