package io.kana.aptos.node;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How reads are retried after an I/O error, HTTP 429 or 5xx: up to {@code maxAttempts} attempts in
 * all, waiting an exponentially growing, jittered delay that starts near {@code initialBackoff} and
 * is capped at {@code maxBackoff}. A {@code Retry-After} header is honoured; when it asks for a
 * longer wait than {@code maxBackoff}, the read fails instead. Submissions are never retried.
 *
 * @param maxAttempts    attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff delay before the second attempt (before jitter)
 * @param maxBackoff     the longest delay between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
    }

    /** 4 attempts, 200 ms initial backoff, 5 s cap. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A single attempt: failures surface at once. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The delay before attempt {@code failedAttempt + 1}, or -1 when the server's
     * {@code Retry-After} ({@code retryAfterMillis}, or -1 when absent) exceeds {@link #maxBackoff}.
     */
    long delayMillis(int failedAttempt, long retryAfterMillis) {
        long cap = maxBackoff.toMillis();
        if (retryAfterMillis > cap) {
            return -1;
        }
        long base = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 30);
        base = Math.min(Math.max(base, 0), cap);
        // Equal jitter: spreads retries of many clients, yet keeps at least half the backoff.
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Math.max(jittered, retryAfterMillis);
    }
}
