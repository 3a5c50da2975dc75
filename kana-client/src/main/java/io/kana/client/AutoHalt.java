package io.kana.client;

import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.KanaStreams;
import io.kana.core.trading.HaltReport;
import io.kana.core.trading.KanaTrader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic halt: halts the trader as {@link KanaTrader#halt} does once the trade API or the node has
 * answered no call, or the stream connection stayed down, for {@code after} on a monotonic clock. An
 * outage starts at its first failure and ends at the next answer; each outage halts at most once. Until
 * the halt's report is complete (every open order cancelled) the halt is tried again, at most once every
 * {@link #retryEvery}, and at once when the trade API answers again.
 */
final class AutoHalt implements ConnectionWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KanaClient.class);

    /** What can be unreachable. */
    enum Source {
        TRADE_API("the trade API", "unreachable"),
        NODE("the node", "unreachable"),
        STREAM_FEED("the stream feed", "stale");

        private final String label;
        private final String state;

        Source(String label, String state) {
            this.label = label;
            this.state = state;
        }
    }

    private static final class Outage {
        /** Written under the lock; read without it on every answer, which is the common case. */
        volatile boolean down;
        long since;
        String last;
        /** This outage has halted trading already (or found it halted): it does not halt again. */
        boolean halted;
    }

    /** An automatic halt whose open orders are not all cancelled yet. */
    private static final class Pending {
        final String reason;
        final CompletableFuture<HaltReport> report = new CompletableFuture<>();
        final Map<MarketId, List<OrderId>> cancelled = new LinkedHashMap<>();
        int transactions;
        List<String> problems = List.of();
        boolean inFlight;
        boolean answeredSinceAttempt;
        long lastAttempt;

        Pending(String reason) {
            this.reason = reason;
        }

        HaltReport soFar(List<String> problems) {
            return new HaltReport(reason, cancelled, transactions, problems);
        }
    }

    private final Duration after;
    private final LongSupplier nanoTime;
    private final AutoHaltListener listener;
    private final Map<Source, Outage> outages = new EnumMap<>(Source.class);
    private volatile KanaTrader trader;
    // Guarded by this.
    private Pending pending;

    AutoHalt(Duration after, LongSupplier nanoTime, AutoHaltListener listener) {
        this.after = after;
        this.nanoTime = nanoTime;
        this.listener = listener;
        for (Source source : Source.values()) {
            outages.put(source, new Outage());
        }
    }

    /** The log's listener: what {@link KanaClient.Builder#onAutoHalt} replaces. */
    static AutoHaltListener logging() {
        return (reason, report) -> report.thenAccept(done -> LOG.warn("automatic halt ({}): {} orders cancelled "
                + "in {} transactions{}", reason, done.cancelledCount(), done.transactions(),
                done.problems().isEmpty() ? "" : "; not cancelled: " + done.problems()));
    }

    /**
     * Starts halting {@code halting}. Outages only show between calls, and a stream connection that stays
     * down sends no more events, so one task on {@code scheduler} looks at the clock now and then.
     */
    void attach(KanaTrader halting, ScheduledExecutorService scheduler) {
        this.trader = halting;
        long period = Math.max(50, Math.min(1000, after.toMillis() / 10));
        scheduler.scheduleWithFixedDelay(this::checkQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /** Follows the connection of {@code streams}: down from a disconnect (the transport's stale-feed watchdog too) until connected again. */
    @Override
    public void watch(KanaStreams streams) {
        ConnectionWatcher.follow(streams, event -> {
            if (event instanceof ConnectionEvent.Disconnected down) {
                failed(Source.STREAM_FEED, "disconnected: " + down.reason());
            } else if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
                answered(Source.STREAM_FEED);
            }
        });
    }

    /** A call to {@code source} got no usable answer (after which a halt may be due). */
    void failed(Source source, String problem) {
        synchronized (this) {
            Outage outage = outages.get(source);
            if (!outage.down) {
                outage.down = true;
                outage.since = nanoTime.getAsLong();
            }
            outage.last = problem;
        }
        check();
    }

    /** {@code source} answered: its outage, if any, is over. */
    void answered(Source source) {
        Outage outage = outages.get(source);
        if (!outage.down) {
            return;
        }
        Pending retry = null;
        synchronized (this) {
            if (!outage.down) {
                return;
            }
            outage.down = false;
            outage.halted = false;
            if (pending != null && source == Source.TRADE_API) {
                pending.answeredSinceAttempt = true;
                retry = claimAttempt(false);
            }
        }
        if (retry != null) {
            attempt(retry);
        }
    }

    /** Whether an outage of {@code source} is under way. */
    synchronized boolean isDown(Source source) {
        return outages.get(source).down;
    }

    /** Halts for every outage past the limit that has not halted yet, and tries a pending halt's cancels again when due. */
    void check() {
        List<String> reasons = new ArrayList<>();
        Pending retry;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            for (Map.Entry<Source, Outage> entry : outages.entrySet()) {
                Outage outage = entry.getValue();
                long lasted = now - outage.since;
                if (outage.down && !outage.halted && lasted >= after.toNanos()) {
                    outage.halted = true;
                    Source source = entry.getKey();
                    reasons.add("automatic halt: " + source.label + " " + source.state + " for "
                            + seconds(lasted) + " s (limit " + seconds(after.toNanos()) + " s; last: "
                            + outage.last + ")");
                }
            }
            retry = claimAttempt(true);
        }
        reasons.forEach(this::halt);
        if (retry != null) {
            attempt(retry);
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // The next run tries again; a thrown exception would end the periodic task for good.
            LOG.warn("automatic halt check failed: {}", e.toString());
        }
    }

    private void halt(String reason) {
        KanaTrader halting = trader;
        Pending started;
        synchronized (this) {
            if (halting == null || pending != null || halting.haltReason().isPresent()) {
                LOG.warn("{}; trading was halted already", reason);
                return;
            }
            started = new Pending(reason);
            started.inFlight = true;
            started.lastAttempt = nanoTime.getAsLong();
            pending = started;
        }
        try {
            listener.halted(reason, started.report);
        } catch (RuntimeException e) {
            LOG.warn("the auto-halt listener threw {}", e.toString());
        }
        run(started);
    }

    /** The pending halt to try again now, marked in flight; null when none is due. Called holding the lock. */
    private Pending claimAttempt(boolean onlyWhenDue) {
        if (pending == null || pending.inFlight) {
            return null;
        }
        long now = nanoTime.getAsLong();
        if (onlyWhenDue && now - pending.lastAttempt < retryEvery().toNanos() && !pending.answeredSinceAttempt) {
            return null;
        }
        pending.inFlight = true;
        pending.answeredSinceAttempt = false;
        pending.lastAttempt = now;
        return pending;
    }

    /** How long a halt whose cancels failed waits before it tries again: the limit, at most 5 s. */
    Duration retryEvery() {
        Duration most = Duration.ofSeconds(5);
        return after.compareTo(most) < 0 ? after : most;
    }

    /** Runs the trader's halt again, unless trading was resumed meanwhile: it reads the open orders left and cancels them. */
    private void attempt(Pending halt) {
        if (!halt.reason.equals(trader.haltReason().orElse(null))) {
            finish(halt, List.of("trading was resumed before every open order was cancelled"));
            return;
        }
        run(halt);
    }

    private void run(Pending halt) {
        trader.halt(halt.reason).whenComplete((report, failure) -> settled(halt, report, failure));
    }

    private void settled(Pending halt, HaltReport report, Throwable failure) {
        boolean done;
        synchronized (this) {
            halt.inFlight = false;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                halt.problems = List.of("the open orders could not be read: " + cause.getMessage());
                LOG.debug("automatic halt: {}; trying again", halt.problems.get(0));
                return;
            }
            report.cancelled().forEach((market, ids) ->
                    halt.cancelled.computeIfAbsent(market, m -> new ArrayList<>()).addAll(ids));
            halt.transactions += report.transactions();
            halt.problems = report.problems();
            // Problems while everything answers are not the outage's (an order whose side is unknown): final.
            done = report.problems().isEmpty() || outages.values().stream().noneMatch(outage -> outage.down);
        }
        if (done) {
            finish(halt, report.problems());
        }
    }

    private void finish(Pending halt, List<String> problems) {
        synchronized (this) {
            if (pending == halt) {
                pending = null;
            }
        }
        halt.report.complete(halt.soFar(problems));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
