package io.kana.core.trading;

import java.time.Instant;
import java.util.Objects;

/**
 * With {@link PayloadSource#VERIFIED_LOCAL}: the trade API's payload for {@code operation} differed
 * from the local build, so the operation now takes its payloads from the trade API only. The order
 * that revealed it was refused; nothing was signed for it.
 *
 * @param operation the operation that fell back
 * @param reason    what differed
 * @param at        when
 */
public record PayloadFallback(TradeOperation operation, String reason, Instant at) {

    public PayloadFallback {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
