package io.kana.client;

import io.kana.core.error.KanaException;
import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.KanaStreams;
import io.kana.core.trading.TradeListener;
import io.kana.core.trading.TradeOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The client's Micrometer meters. With Micrometer on the class path a {@link KanaClient} records into
 * {@link Metrics#globalRegistry} by itself; {@code KanaClient.Builder.listener(new KanaMetrics(registry))}
 * picks another registry. Without Micrometer this class is never loaded.
 *
 * <ul>
 *   <li>{@code kana.trades} (counter; tags {@code operation}, {@code outcome}: {@code succeeded},
 *       {@code rejected}, {@code outcome_unknown})</li>
 *   <li>{@code kana.trade.commit} (timer; tag {@code operation}): submit to commit</li>
 *   <li>{@code kana.submitter.resyncs} (counter): sequence number re-reads</li>
 *   <li>{@code kana.retries} (counter; tag {@code cause}): trade API calls and transactions tried again</li>
 *   <li>{@code kana.stream.reconnects} (counter) and {@code kana.stream.gaps} (counter; tags
 *       {@code topic}, {@code cause})</li>
 * </ul>
 */
public final class KanaMetrics implements TradeListener, ConnectionWatcher {

    private final MeterRegistry registry;

    public KanaMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Meters in Micrometer's global registry; what a client uses when Micrometer is present. */
    public static KanaMetrics global() {
        return new KanaMetrics(Metrics.globalRegistry);
    }

    @Override
    public void succeeded(TradeOperation operation, Duration submitToCommit) {
        trades(operation, "succeeded").increment();
        if (submitToCommit != null) {
            Timer.builder("kana.trade.commit").description("from submitting a signed transaction to its commit")
                    .tag("operation", name(operation)).register(registry).record(submitToCommit);
        }
    }

    @Override
    public void rejected(TradeOperation operation, KanaException error) {
        trades(operation, "rejected").increment();
    }

    @Override
    public void outcomeUnknown(TradeOperation operation, KanaException error) {
        trades(operation, "outcome_unknown").increment();
    }

    @Override
    public void sequenceResynced() {
        Counter.builder("kana.submitter.resyncs").description("sequence number re-reads from the node")
                .register(registry).increment();
    }

    @Override
    public void retried(String cause) {
        Counter.builder("kana.retries").description("trade API calls retried, transactions re-signed or re-sent")
                .tag("cause", cause == null ? "unknown" : cause).register(registry).increment();
    }

    /** Counts the streams' reconnects and gaps from their connection events. */
    @Override
    public void watch(KanaStreams streams) {
        ConnectionWatcher.follow(streams, event -> {
            if (event instanceof ConnectionEvent.Reconnected) {
                Counter.builder("kana.stream.reconnects").description("WebSocket reconnects")
                        .register(registry).increment();
            } else if (event instanceof ConnectionEvent.Gap gap) {
                Counter.builder("kana.stream.gaps").description("feeds that may have missed messages")
                        .tag("topic", gap.feed().topic().wireName())
                        .tag("cause", gap.cause().name().toLowerCase(Locale.ROOT))
                        .register(registry).increment();
            }
        });
    }

    private Counter trades(TradeOperation operation, String outcome) {
        return Counter.builder("kana.trades").description("writes by operation and how they ended")
                .tag("operation", name(operation)).tag("outcome", outcome).register(registry);
    }

    private static String name(TradeOperation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
