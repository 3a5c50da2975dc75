package io.kana.core.trading;

import io.kana.core.error.KanaException;
import java.time.Duration;

/**
 * What a trading client reports as it works, for metrics: each write's end, the submitter's sequence
 * number resyncs, and retries (of trade API calls and of transactions). Every method does nothing by default; implement the ones you count.
 * Called on the SDK's threads while an order is in flight: return quickly and do not throw.
 */
public interface TradeListener {

    /** Listens to nothing. */
    TradeListener NONE = new TradeListener() {};

    /**
     * A write succeeded: committed or, when the trader does not wait for commits, submitted.
     *
     * @param submitToCommit from handing the signed transaction to the submitter to seeing it committed;
     *                       null when the commit was not awaited
     */
    default void succeeded(TradeOperation operation, Duration submitToCommit) {}

    /** A write failed and its effect certainly does not exist ({@code effectMayExist()} is false). */
    default void rejected(TradeOperation operation, KanaException error) {}

    /** A write failed and its effect may exist ({@code effectMayExist()} is true): look it up before retrying. */
    default void outcomeUnknown(TradeOperation operation, KanaException error) {}

    /** The submitter re-read the account's sequence number from the node. */
    default void sequenceResynced() {}

    /**
     * Something was tried again. {@code cause}: for a trade API call {@code http_<status>},
     * {@code timeout} or {@code io}; for a transaction the node's error code when it is re-signed (e.g.
     * {@code sequence_number_too_old}), {@code mempool_full} or {@code unanswered} when re-sent.
     */
    default void retried(String cause) {}
}
