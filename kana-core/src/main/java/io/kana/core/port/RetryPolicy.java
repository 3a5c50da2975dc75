package io.kana.core.port;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How an adapter retries a call that changes nothing (a read, a payload fetch, a simulation) after it got no
 * usable answer: an I/O failure or timeout, or the server saying "busy" (HTTP 429, 5xx). The trade API client
 * and the node client both take it; a submission is never retried by it.
 *
 * <p>The wait before retry {@code n} is an exponential backoff {@code baseDelay * 2^(n-1)}, capped at
 * {@code maxDelay}, of which a random half is dropped (jitter) so that clients do not retry in step.
 * When the server asks for a wait ({@code Retry-After}), the trade API client waits it, capped at
 * {@code maxDelay}; the node client fails at once when it is longer than {@code maxDelay}.
 *
 * @param maxAttempts attempts in all, including the first; 1 disables retries
 * @param baseDelay   backoff before the first retry (before jitter)
 * @param maxDelay    longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Three attempts, 200 ms base delay, 5 s maximum delay. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

    /** A single attempt: failures surface at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InvalidRequestException("maxAttempts", "maxAttempts counts the first attempt, so it is 1 or more, got "
                    + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new InvalidRequestException("baseDelay", "retry delays are zero or positive, got baseDelay "
                    + baseDelay + " and maxDelay " + maxDelay);
        }
        if (baseDelay.compareTo(maxDelay) > 0) {
            throw new InvalidRequestException("maxDelay", "maxDelay " + maxDelay + " is shorter than baseDelay "
                    + baseDelay + "; make it at least as long");
        }
    }

    /** The wait after {@code failedAttempts} failed attempts (1 for the first), with jitter from {@code random}. */
    public Duration backoff(int failedAttempts, RandomGenerator random) {
        long max = maxDelay.toNanos();
        long delay = baseDelay.toNanos();
        for (int i = 1; i < failedAttempts && delay > 0 && delay < max; i++) {
            delay = delay > max / 2 ? max : delay * 2;
        }
        long half = delay / 2;
        return Duration.ofNanos(delay - half + random.nextLong(0, half + 1));
    }

    /** The wait a server asked for with {@code Retry-After}, capped at {@link #maxDelay()}. */
    public Duration serverDelay(Duration requested) {
        if (requested.isNegative()) {
            return Duration.ZERO;
        }
        return requested.compareTo(maxDelay) > 0 ? maxDelay : requested;
    }
}
