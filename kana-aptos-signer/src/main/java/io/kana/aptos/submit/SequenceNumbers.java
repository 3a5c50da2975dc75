package io.kana.aptos.submit;

import java.util.ArrayList;
import java.util.List;
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
 *   <li>the node reports the account past it ({@link #resync}): it is consumed;</li>
 *   <li>a node read proves on chain time that it can never commit ({@link #resync}): the chain time of
 *       the read passed its expiry while the account had not used it. The local clock never frees a
 *       number: it only says when asking the node is worth it ({@link #takeDueCheck}).</li>
 * </ul>
 * Numbers from the node's count upwards that are not live are free, and {@link #reserve} hands out the
 * lowest free one. So a number freed below live ones (a "hole" that keeps the later ones parked in the
 * mempool, e.g. a transaction the node accepted and then lost) is filled by the next transaction.
 */
final class SequenceNumbers {

    /** What a node read proves about a live number with the given expiry. */
    @FunctionalInterface
    interface Proof {
        boolean neverCommits(long number, long expirySecs);
    }

    /** How often the node is asked again while a number is past its expiry by the local clock only. */
    static final long RECHECK_SECS = 1;

    private final TreeMap<Long, Long> liveExpiries = new TreeMap<>();
    private long next = -1;
    /** The node's count of committed transactions at the last resync. */
    private long committedCount = -1;
    private long lastResyncSecs = Long.MIN_VALUE;

    /** Whether the node's count was read at least once. */
    boolean isSynchronised() {
        return next >= 0;
    }

    /** The number {@link #reserve} would hand out now (for simulations, which reserve nothing). */
    long peek() {
        requireSynchronised();
        return next;
    }

    /**
     * Adopts the node's count of committed transactions: numbers below it are consumed, and live numbers
     * that {@code proof} shows can never commit are free again.
     *
     * @return the numbers {@code proof} freed, lowest first
     */
    List<Long> resync(long committedCount, Proof proof, long nowSecs) {
        liveExpiries.headMap(committedCount).clear();
        List<Long> neverCommit = new ArrayList<>();
        liveExpiries.entrySet().removeIf(live -> proof.neverCommits(live.getKey(), live.getValue())
                && neverCommit.add(live.getKey()));
        this.committedCount = committedCount;
        lastResyncSecs = nowSecs;
        next = committedCount;
        skipLive();
        return neverCommit;
    }

    /** Hands out the lowest free number and marks it live until {@code expirySecs}. */
    long reserve(long expirySecs) {
        requireSynchronised();
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
     * Whether the node should be asked again: some live number is past its expiry by the local clock (it has
     * committed, or it is a hole) and the last read is at least {@link #RECHECK_SECS} old. The caller resyncs.
     */
    boolean takeDueCheck(long nowSecs) {
        if (nowSecs < lastResyncSecs + RECHECK_SECS) {
            return false;
        }
        for (long expiry : liveExpiries.values()) {
            if (expiry < nowSecs) {
                lastResyncSecs = nowSecs;
                return true;
            }
        }
        return false;
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
