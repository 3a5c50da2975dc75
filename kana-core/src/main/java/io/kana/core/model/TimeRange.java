package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed time interval. {@code getFills} sends it as ISO-8601 instants,
 * {@code getFillsForGivenTimestamp} as epoch seconds.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "the end " + to + " is before the start " + from);
        }
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(from, to);
    }
}
