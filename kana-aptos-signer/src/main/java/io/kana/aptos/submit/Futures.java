package io.kana.aptos.submit;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.error.SafeText;
import io.kana.core.error.TransactionNotSentException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small helpers for the futures the gateway returns. */
final class Futures {

    private Futures() {}

    /** Calls {@code call}, turning a synchronous throw into a failed future. */
    static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
        try {
            CompletableFuture<T> future = call.get();
            return future != null ? future : CompletableFuture.failedFuture(
                    new IllegalStateException("the node gateway returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The real cause behind the wrappers a future adds. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code error} as the SDK's error type; a foreign one becomes a transport failure of {@code step}. */
    static KanaException asKana(Throwable error, String step) {
        Throwable cause = unwrap(error);
        if (cause instanceof KanaException kana) {
            return kana;
        }
        return new KanaTransportException(step, String.valueOf(cause.getMessage()), cause);
    }

    /**
     * A failure before anything was signed: bad input keeps its own type, anything else (a node read, the
     * chain id, the signer) becomes {@link TransactionNotSentException}.
     */
    static KanaException notSent(Throwable error, String step) {
        Throwable cause = unwrap(error);
        if (cause instanceof InvalidRequestException || cause instanceof PayloadRejectedException
                || cause instanceof TransactionNotSentException) {
            return (KanaException) cause;
        }
        return new TransactionNotSentException(step, SafeText.snippet(String.valueOf(cause.getMessage())), cause);
    }
}
