package io.kana.sandbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Faults a running {@link KanaSandbox} injects, switchable at any time from any thread. Random
 * choices come from the sandbox's seed, so a single-threaded run is repeatable.
 */
public final class SandboxFaults {

    /** Which requests a fault applies to. */
    public enum Target {
        /** The Kana trade API (everything outside {@code /v1}). */
        TRADE_API,
        /** Node requests other than a submission ({@code GET /v1/...}, simulate). */
        NODE_READS,
        /** {@code POST /v1/transactions}. */
        SUBMIT
    }

    /** What happens to one request. */
    enum Decision {
        PASS, UNAVAILABLE, RATE_LIMITED
    }

    private record Settings(Duration latency, double unavailableShare, double rateLimitedShare) {
        static final Settings NONE = new Settings(Duration.ZERO, 0, 0);
    }

    private final SplittableRandom random;
    private final Map<Target, Settings> settings = new EnumMap<>(Target.class);
    private double dropSubmitAnswerShare;
    private double dropStreamShare;
    private double duplicateStreamShare;
    private long droppedStreamCount;
    private long duplicatedStreamCount;
    private long unavailableCount;
    private long rateLimitedCount;
    private long droppedAnswerCount;

    SandboxFaults(long seed) {
        this.random = new SplittableRandom(seed);
        reset();
    }

    /** Delays every answer to {@code target} by {@code latency}. */
    public synchronized SandboxFaults latency(Target target, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        Settings s = settings.get(target);
        settings.put(target, new Settings(latency, s.unavailableShare(), s.rateLimitedShare()));
        return this;
    }

    /** Answers this share (0 to 1) of requests to {@code target} with 503 Service Unavailable. */
    public synchronized SandboxFaults serviceUnavailable(Target target, double share) {
        Settings s = settings.get(target);
        settings.put(target, new Settings(s.latency(), checkShare(share), s.rateLimitedShare()));
        return this;
    }

    /** Answers this share (0 to 1) of requests to {@code target} with 429 and {@code Retry-After: 1}. */
    public synchronized SandboxFaults rateLimited(Target target, double share) {
        Settings s = settings.get(target);
        settings.put(target, new Settings(s.latency(), s.unavailableShare(), checkShare(share)));
        return this;
    }

    /**
     * For this share (0 to 1) of accepted submissions, closes the connection without an answer:
     * the transaction is in the mempool and commits, but the client never hears so.
     */
    public synchronized SandboxFaults dropAnswerAfterSubmit(double share) {
        dropSubmitAnswerShare = checkShare(share);
        return this;
    }

    /**
     * Loses this share (0 to 1) of WebSocket messages: each still takes its {@code seq}, so a client
     * that checks sequence numbers can tell.
     */
    public synchronized SandboxFaults dropStreamMessages(double share) {
        dropStreamShare = checkShare(share);
        return this;
    }

    /** Sends this share (0 to 1) of WebSocket messages twice, with the same {@code seq}. */
    public synchronized SandboxFaults duplicateStreamMessages(double share) {
        duplicateStreamShare = checkShare(share);
        return this;
    }

    /** Switches every fault off. */
    public synchronized SandboxFaults reset() {
        for (Target target : Target.values()) {
            settings.put(target, Settings.NONE);
        }
        dropSubmitAnswerShare = 0;
        dropStreamShare = 0;
        duplicateStreamShare = 0;
        return this;
    }

    /** How many WebSocket messages were lost by {@link #dropStreamMessages} since the start. */
    public synchronized long droppedStreamMessageCount() {
        return droppedStreamCount;
    }

    /** How many WebSocket messages were sent twice by {@link #duplicateStreamMessages} since the start. */
    public synchronized long duplicatedStreamMessageCount() {
        return duplicatedStreamCount;
    }

    /** How many times one WebSocket message goes out: 0 (lost), 1 or 2 (repeated). */
    synchronized int streamCopies() {
        if (dropStreamShare > 0 && random.nextDouble() < dropStreamShare) {
            droppedStreamCount++;
            return 0;
        }
        if (duplicateStreamShare > 0 && random.nextDouble() < duplicateStreamShare) {
            duplicatedStreamCount++;
            return 2;
        }
        return 1;
    }

    /** How many requests were answered 503 by this fault since the start. */
    public synchronized long unavailableCount() {
        return unavailableCount;
    }

    /** How many requests were answered 429 by this fault since the start. */
    public synchronized long rateLimitedCount() {
        return rateLimitedCount;
    }

    /** How many accepted submissions lost their answer since the start. */
    public synchronized long droppedAnswerCount() {
        return droppedAnswerCount;
    }

    synchronized Duration latency(Target target) {
        return settings.get(target).latency();
    }

    /** Draws the fate of one request; draws nothing when no fault is on, keeping runs repeatable. */
    synchronized Decision decide(Target target) {
        Settings s = settings.get(target);
        if (s.unavailableShare() > 0 && random.nextDouble() < s.unavailableShare()) {
            unavailableCount++;
            return Decision.UNAVAILABLE;
        }
        if (s.rateLimitedShare() > 0 && random.nextDouble() < s.rateLimitedShare()) {
            rateLimitedCount++;
            return Decision.RATE_LIMITED;
        }
        return Decision.PASS;
    }

    synchronized boolean dropSubmitAnswer() {
        boolean drop = dropSubmitAnswerShare > 0 && random.nextDouble() < dropSubmitAnswerShare;
        if (drop) {
            droppedAnswerCount++;
        }
        return drop;
    }

    private static double checkShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share is between 0 and 1, got " + share);
        }
        return share;
    }
}
