package io.kana.http;

import io.kana.core.port.RetryPolicy;
import com.squareup.moshi.JsonReader;
import io.kana.core.trading.TradeListener;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.SafeText;
import io.kana.http.Decoders.DataDecoder;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one trade-API call: retries what may be retried, unwraps the envelope and maps every failure
 * to a kana-core error. Stateless apart from its configuration, so one instance serves all threads.
 */
final class ApiCaller {

    private static final Logger LOG = LoggerFactory.getLogger(KanaHttpApi.class);
    private static final String REDACTED = "<redacted>";
    /** Largest response body read; a larger one is refused rather than held in memory. */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** Of an error body only its start is read: it is quoted as a snippet at most. */
    private static final long MAX_ERROR_BODY_BYTES = 64L * 1024;

    private final HttpUrl baseUrl;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final String apiKey;
    private final Duration callTimeout;

    /** {@code callTimeout} bounds a call with all its retries; zero means unbounded. */
    private final TradeListener listener;

    ApiCaller(HttpUrl baseUrl, RetryPolicy retryPolicy, Sleeper sleeper, String apiKey, Duration callTimeout,
            TradeListener listener) {
        this.listener = listener;
        this.baseUrl = baseUrl;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.apiKey = apiKey;
        this.callTimeout = callTimeout;
    }

    <T> T execute(Call<ResponseBody> call, DataDecoder<T> decoder) {
        String endpoint = endpoint(call.request().url());
        long deadline = System.nanoTime() + callTimeout.toNanos();
        Call<ResponseBody> attemptCall = call;
        for (int attempt = 1; ; attempt++) {
            String failure;
            String retryCause;
            Throwable cause = null;
            Duration wait;
            try {
                if (!callTimeout.isZero()) {
                    // Each retry gets what is left, so the caller's limit holds for the call as a whole.
                    attemptCall.timeout().timeout(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                Response<ResponseBody> response = attemptCall.execute();
                int status = response.code();
                if (response.isSuccessful()) {
                    return decode(endpoint, status, body(endpoint, response.body()), decoder);
                }
                String apiMessage = redact(errorMessage(start(response.errorBody())));
                if (status / 100 == 3) {
                    throw new KanaApiException(endpoint, status, "redirected to "
                            + origin(response.headers().get("Location")) + "; redirects are not followed, so the API "
                            + "key never goes elsewhere: configure the final URL as the base URL");
                }
                if (status != 429 && status < 500) {
                    throw new KanaApiException(endpoint, status, apiMessage);
                }
                failure = "HTTP " + status + (apiMessage == null ? "" : " (" + apiMessage + ")");
                retryCause = "http_" + status;
                Duration requested = retryAfter(response.headers().get("Retry-After"));
                wait = requested == null
                        ? retryPolicy.backoff(attempt, ThreadLocalRandom.current())
                        : retryPolicy.serverDelay(requested);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new KanaTransportException(endpoint, "interrupted: " + redact(e.toString()), e);
                }
                failure = redact(e.toString());
                retryCause = e instanceof java.net.SocketTimeoutException ? "timeout" : "io";
                cause = e;
                wait = retryPolicy.backoff(attempt, ThreadLocalRandom.current());
            }
            if (attempt >= retryPolicy.maxAttempts()) {
                throw new KanaTransportException(endpoint, "no usable answer after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + ", last: " + failure, cause);
            }
            if (!callTimeout.isZero() && deadline - System.nanoTime() <= wait.toNanos()) {
                throw new KanaTransportException(endpoint, "no usable answer within the call timeout of "
                        + callTimeout.toMillis() + " ms (" + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + "), last: " + failure, cause);
            }
            LOG.debug("{}: {}; retry {} of {} in {} ms", endpoint, failure, attempt, retryPolicy.maxAttempts() - 1,
                    wait.toMillis());
            listener.retried(retryCause);
            pause(endpoint, wait);
            attemptCall = call.clone();
        }
    }

    private void pause(String endpoint, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KanaTransportException(endpoint, "interrupted while waiting to retry", e);
        }
    }

    /** Unwraps {@code {"success"|"status": bool, "message": ..., "data": ...}} and decodes {@code data}. */
    private <T> T decode(String endpoint, int status, String body, DataDecoder<T> decoder) {
        try {
            JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw new WireFormatException("expected the {\"success\": ..., \"data\": ...} envelope, got "
                        + reader.peek());
            }
            Boolean success = null;
            Boolean legacyStatus = null;
            String message = null;
            Buffer data = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "success" -> success = flag(reader);
                    case "status" -> legacyStatus = flag(reader);
                    case "message" -> message = reader.peek() == JsonReader.Token.STRING ? reader.nextString()
                            : skip(reader);
                    case "data" -> data = capture(reader);
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new WireFormatException("unexpected content after the envelope");
            }
            Boolean ok = success != null ? success : legacyStatus;
            if (ok == null) {
                throw new WireFormatException("the envelope has neither a 'success' nor a 'status' flag");
            }
            if (!ok) {
                throw new KanaApiException(endpoint, status, redact(message));
            }
            return decoder.decode(JsonReader.of(data == null ? new Buffer().writeUtf8("null") : data));
        } catch (KanaApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String problem = redact(e instanceof EOFException ? "truncated JSON: " + e.getMessage()
                    : e instanceof WireFormatException ? e.getMessage() : e.toString());
            // The cause would repeat response values verbatim; keep it only when it cannot carry the key.
            Throwable cause = e instanceof WireFormatException || mentionsKey(e) ? null : e;
            throw new KanaDecodingException(endpoint, problem, body.isEmpty() ? null : redact(body), cause);
        }
    }

    private static Boolean flag(JsonReader reader) throws IOException {
        return reader.peek() == JsonReader.Token.BOOLEAN ? reader.nextBoolean() : skip(reader);
    }

    private static <T> T skip(JsonReader reader) throws IOException {
        reader.skipValue();
        return null;
    }

    private static Buffer capture(JsonReader reader) throws IOException {
        Buffer data = new Buffer();
        try (BufferedSource source = reader.nextSource()) {
            data.writeAll(source);
        }
        return data;
    }

    /** The API's own words from an error body: its {@code message}, else the start of the body text. */
    private static String errorMessage(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
            if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
                WireObject error = WireObject.read(reader);
                return error.has("message") ? error.text("message") : error.text("error");
            }
        } catch (IOException | RuntimeException notJson) {
            // Not an envelope (an HTML error page, a proxy's text): quote the text itself.
        }
        return body.strip();
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(Instant.now(), until);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private String endpoint(HttpUrl url) {
        String path = url.encodedPath();
        String base = baseUrl.encodedPath();
        return path.startsWith(base) ? path.substring(base.length()) : path;
    }

    /** The whole body, refused with a typed error beyond {@link #MAX_BODY_BYTES} instead of filling the heap. */
    private static String body(String endpoint, ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            BufferedSource source = body.source();
            if (body.contentLength() > MAX_BODY_BYTES || source.request(MAX_BODY_BYTES + 1)) {
                throw new KanaDecodingException(endpoint, "the response is larger than " + MAX_BODY_BYTES
                        + " bytes, the most this SDK reads", null, null);
            }
            return source.readString(charset(body));
        }
    }

    /** At most the first {@link #MAX_ERROR_BODY_BYTES} of an error body. */
    private static String start(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY_BYTES);
            Buffer start = new Buffer();
            source.read(start, Math.min(MAX_ERROR_BODY_BYTES, source.getBuffer().size()));
            return start.readString(charset(body));
        }
    }

    private static Charset charset(ResponseBody body) {
        MediaType type = body.contentType();
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }

    /** Scheme, host and port of a redirect target: never its path, query or user information. */
    private static String origin(String location) {
        HttpUrl url = location == null ? null : HttpUrl.parse(location);
        return url == null ? "a relative or missing location" : url.scheme() + "://" + url.host() + ":" + url.port();
    }

    private String redact(String text) {
        return text == null || apiKey == null ? text : text.replace(apiKey, REDACTED);
    }

    private boolean mentionsKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (apiKey != null && t.getMessage() != null && t.getMessage().contains(apiKey)) {
                return true;
            }
        }
        return false;
    }
}
