package io.kana.aptos.submit;

import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The local allocator of one account's sequence numbers. Not thread-safe: the submitter guards it.
 *
 * <p>It keeps the <em>live</em> numbers: those whose signed transaction may be in the node's mempool
 * (sent, accepted, or with its answer lost), each with its expiry. The one invariant everything rests
 * on: <b>a live number is never handed out again</b>, so two transactions can never compete for one
 * number. A number stops being live only when
 * <ul>
 *   <li>its transaction was definitely refused by the node ({@link #release}) or never left the
 *       process ({@link #rollBack});</li>
 *   <li>it expired more than the safety margin ago: it has then either committed or been dropped
 *       for good;</li>
 *   <li>the node reports the account past it ({@link #resync}): it is consumed.</li>
 * </ul>
 * Numbers from the node's count upwards that are not live are free, and {@link #reserve} hands out the
 * lowest free one. So a number that was freed below live ones (a "hole" that keeps the later ones
 * parked in the mempool) is filled by the next transaction after a resync.
 */
final class SequenceNumbers {

    private final long expirySafetyMarginSecs;
    private final TreeMap<Long, Long> liveExpiries = new TreeMap<>();
    private final PriorityQueue<Long> resyncsDueAt = new PriorityQueue<>();
    private long next = -1;
    /** The node's count of committed transactions at the last resync. */
    private long committedCount = -1;

    SequenceNumbers(long expirySafetyMarginSecs) {
        this.expirySafetyMarginSecs = expirySafetyMarginSecs;
    }

    /** Whether the node's count was read at least once. */
    boolean isSynchronised() {
        return next >= 0;
    }

    /** The number {@link #reserve} would hand out now (for simulations, which reserve nothing). */
    long peek() {
        requireSynchronised();
        return next;
    }

    /** Adopts the node's count of committed transactions: numbers below it are consumed. */
    void resync(long committedCount, long nowSecs) {
        liveExpiries.headMap(committedCount).clear();
        liveExpiries.values().removeIf(expiry -> isCertainlyGone(expiry, nowSecs));
        this.committedCount = committedCount;
        next = committedCount;
        skipLive();
    }

    /** Hands out the lowest free number and marks it live until {@code expirySecs}. */
    long reserve(long expirySecs, long nowSecs) {
        requireSynchronised();
        pruneExpired(nowSecs);
        long number = next;
        liveExpiries.put(number, expirySecs);
        next = number + 1;
        skipLive();
        return number;
    }

    /** The transaction with {@code number} was definitely refused: the number is free again after a resync. */
    void release(long number) {
        liveExpiries.remove(number);
    }

    /** The transaction with {@code number} was never sent: hand the number out again next. */
    void rollBack(long number) {
        liveExpiries.remove(number);
        next = Math.min(next, number);
    }

    /**
     * Asks for a resync once {@code expirySecs} is certainly past: a transaction whose fate is unknown
     * keeps its number live until then, and if it was in fact never accepted the number is a hole.
     */
    void resyncAfterExpiry(long expirySecs) {
        resyncsDueAt.add(expirySecs + expirySafetyMarginSecs);
    }

    /** Whether a resync asked for by {@link #resyncAfterExpiry} is due; consumes the due requests. */
    boolean takeDueResync(long nowSecs) {
        boolean due = false;
        while (!resyncsDueAt.isEmpty() && resyncsDueAt.peek() < nowSecs) {
            resyncsDueAt.poll();
            due = true;
        }
        return due;
    }

    /** How far the next number is beyond the node's committed count at the last resync. */
    long aheadOfCommitted() {
        requireSynchronised();
        return next - committedCount;
    }

    /** How many numbers are live (for tests and diagnostics). */
    int liveCount() {
        return liveExpiries.size();
    }

    private void pruneExpired(long nowSecs) {
        // Expiries grow with the numbers, so looking at the lowest live ones is enough to bound memory.
        Map.Entry<Long, Long> lowest;
        while ((lowest = liveExpiries.firstEntry()) != null && isCertainlyGone(lowest.getValue(), nowSecs)) {
            liveExpiries.pollFirstEntry();
        }
    }

    private boolean isCertainlyGone(long expirySecs, long nowSecs) {
        return expirySecs + expirySafetyMarginSecs < nowSecs;
    }

    private void skipLive() {
        while (liveExpiries.containsKey(next)) {
            next++;
        }
    }

    private void requireSynchronised() {
        if (!isSynchronised()) {
            throw new IllegalStateException("the sequence number was never read from the node");
        }
    }
}
