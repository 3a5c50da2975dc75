package io.kana.aptos.node;

import io.kana.core.port.RetryPolicy;
import com.squareup.moshi.JsonReader;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** Sends node requests asynchronously (OkHttp's dispatcher, no thread per call), retries reads, decodes. */
final class NodeCalls {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCalls.class);

    private final RetryPolicy retryPolicy;
    private final Delayer delayer;
    private final long maxBodyBytes;

    NodeCalls(RetryPolicy retryPolicy, Delayer delayer, long maxBodyBytes) {
        this.retryPolicy = retryPolicy;
        this.delayer = delayer;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Sends one attempt. Completes with the answer, whatever its status, or exceptionally with the
     * I/O failure, or {@link KanaTransportException} when the body is longer than the cap. Cancelling
     * the returned future cancels the HTTP call.
     */
    CompletableFuture<NodeResponse> send(Call<ResponseBody> call) {
        CompletableFuture<NodeResponse> answer = new CompletableFuture<>();
        call.enqueue(new Callback<>() {
            @Override
            public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
                try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
                    byte[] bytes = body == null ? new byte[0] : capped(body);
                    answer.complete(new NodeResponse(response.code(), response.headers(), bytes));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Call<ResponseBody> c, Throwable failure) {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((response, failure) -> {
            if (answer.isCancelled()) {
                call.cancel();
            }
        });
        return answer;
    }

    /** The whole body, or {@link KanaTransportException} without reading more than the cap (plus one byte). */
    private byte[] capped(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        if (body.contentLength() > maxBodyBytes || source.request(maxBodyBytes + 1)) {
            throw new KanaTransportException("node", "the answer is longer than " + maxBodyBytes
                    + " bytes (maxResponseBytes); refusing to read it", null);
        }
        return source.readByteArray();
    }

    /**
     * A read: retried on I/O errors, 408, 429 and 5xx per the retry policy. Completes with the
     * first other answer (2xx or a definite 4xx), or with {@link KanaTransportException} once the
     * retries are spent.
     */
    CompletableFuture<NodeResponse> read(String endpoint, Supplier<Call<ResponseBody>> request) {
        CompletableFuture<NodeResponse> result = new CompletableFuture<>();
        attempt(endpoint, request, 1, result);
        return result;
    }

    /** A read whose 2xx body is decoded; any other status becomes an {@link AptosNodeException}. */
    <T> CompletableFuture<T> read(String endpoint, Supplier<Call<ResponseBody>> request, NodeJson.Decoder<T> decoder) {
        return then(read(endpoint, request), response -> decoded(endpoint, response, decoder));
    }

    /**
     * Like {@code thenCompose}, but completes with the failure itself rather than wrapped in a
     * {@link CompletionException}, so callers see the {@link KanaException} they are promised.
     */
    static <A, B> CompletableFuture<B> then(CompletableFuture<A> source, Function<A, CompletableFuture<B>> next) {
        CompletableFuture<B> result = new CompletableFuture<>();
        source.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
                return;
            }
            next.apply(value).whenComplete((mapped, mappingFailure) -> {
                if (mappingFailure != null) {
                    result.completeExceptionally(unwrap(mappingFailure));
                } else {
                    result.complete(mapped);
                }
            });
        });
        return result;
    }

    private void attempt(String endpoint, Supplier<Call<ResponseBody>> request, int attempt,
            CompletableFuture<NodeResponse> result) {
        if (result.isDone()) {
            return;
        }
        send(request.get()).whenComplete((response, failure) -> {
            Throwable problem = failure == null ? null : unwrap(failure);
            if (problem == null && !response.retryable()) {
                result.complete(response);
                return;
            }
            if (problem instanceof KanaException kana) {
                result.completeExceptionally(kana);
                return;
            }
            if (problem != null && !(problem instanceof IOException)) {
                result.completeExceptionally(new KanaTransportException(endpoint, "request failed: " + problem, problem));
                return;
            }
            String what = problem != null ? "I/O error " + problem : "HTTP " + response.status();
            long delay = delayMillis(attempt, problem != null ? -1 : response.retryAfterMillis());
            Throwable cause = problem != null ? problem : response.error(endpoint);
            if (delay < 0) {
                result.completeExceptionally(new KanaTransportException(endpoint, what + ", and the node asks to wait "
                        + response.retryAfterMillis() + " ms, longer than the retry policy's maxDelay "
                        + retryPolicy.maxDelay().toMillis() + " ms; try again later", cause));
                return;
            }
            if (attempt >= retryPolicy.maxAttempts()) {
                result.completeExceptionally(new KanaTransportException(endpoint,
                        "no usable answer after " + attempt + " attempt(s), last: " + what, cause));
                return;
            }
            LOG.debug("{}: {} (attempt {}/{}), retrying in {} ms", endpoint, what, attempt,
                    retryPolicy.maxAttempts(), delay);
            delayer.schedule(delay, () -> attempt(endpoint, request, attempt + 1, result));
        });
    }

    /**
     * The delay before attempt {@code failedAttempt + 1}, or -1 when the node's {@code Retry-After}
     * ({@code retryAfterMillis}, or -1 when absent) exceeds the policy's maximum delay: waiting that long
     * would hold every order behind this read.
     */
    long delayMillis(int failedAttempt, long retryAfterMillis) {
        if (retryAfterMillis > retryPolicy.maxDelay().toMillis()) {
            return -1;
        }
        return Math.max(retryPolicy.backoff(failedAttempt, ThreadLocalRandom.current()).toMillis(), retryAfterMillis);
    }

    /** Decodes a 2xx answer or turns any other into the node's error; never throws. */
    static <T> CompletableFuture<T> decoded(String endpoint, NodeResponse response, NodeJson.Decoder<T> decoder) {
        try {
            if (!response.successful()) {
                return CompletableFuture.failedFuture(response.error(endpoint));
            }
            return CompletableFuture.completedFuture(decode(endpoint, response, decoder));
        } catch (KanaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Decodes a body, or throws {@link KanaDecodingException} carrying a snippet of it. */
    static <T> T decode(String endpoint, NodeResponse response, NodeJson.Decoder<T> decoder) {
        try (JsonReader reader = JsonReader.of(new Buffer().write(response.body()))) {
            T value = decoder.decode(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new IOException("unexpected content after the JSON value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            // RuntimeException: JsonDataException and the value types' own validation of bad values.
            throw new KanaDecodingException(endpoint, String.valueOf(e.getMessage()), response.bodyText(), e);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
