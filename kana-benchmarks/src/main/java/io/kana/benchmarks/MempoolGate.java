package io.kana.benchmarks;

import java.util.function.LongSupplier;

/**
 * Keeps the wallet's uncommitted transactions within the node's per-account mempool capacity (100,
 * as aptos-core), as a client that does not wait for commits must: past it the node refuses
 * submissions with {@code mempool_is_full}. Before a transaction is sent, its sequence number must be
 * less than {@value #MAX_UNCOMMITTED} ahead of the committed count; while it is not, the count is
 * re-read from the node every millisecond (as the Aptos TS SDK's transaction worker does).
 *
 * <p>The count is re-read only when the last one read is {@value #MAX_UNCOMMITTED} behind, so while
 * the sandbox keeps up that is once per about {@value #MAX_UNCOMMITTED} orders; {@link #waits()}
 * says how often an order had to wait.
 */
final class MempoolGate {

    /** Below the capacity of 100, which counts every accepted transaction not yet committed. */
    static final long MAX_UNCOMMITTED = 96;

    private final LongSupplier committedCount;
    private long committed;
    private long polls;
    private long waits;

    /** @param committedCount reads the wallet's committed transaction count (its next sequence number) from the node */
    MempoolGate(LongSupplier committedCount) {
        this.committedCount = committedCount;
        this.committed = committedCount.getAsLong();
    }

    /** Returns once the transaction with {@code sequenceNumber} fits into the mempool. */
    void awaitRoomFor(long sequenceNumber) throws InterruptedException {
        while (sequenceNumber - committed >= MAX_UNCOMMITTED) {
            committed = committedCount.getAsLong();
            polls++;
            if (sequenceNumber - committed >= MAX_UNCOMMITTED) {
                waits++;
                Thread.sleep(1);
            }
        }
    }

    /** The committed count when the gate was made or last polled. */
    long committed() {
        return committed;
    }

    /** How often the committed count was re-read (at least once per {@value #MAX_UNCOMMITTED} orders). */
    long polls() {
        return polls;
    }

    /** How often an order was held back because the mempool was full. */
    long waits() {
        return waits;
    }
}
