package io.kana.core.trading;

import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.TransactionOutcome;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A trade operation whose transaction the node accepted and, when awaited, committed successfully.
 * A transaction that aborted is not a result: the operation fails with
 * {@link io.kana.core.error.TransactionFailedException}, whose outcome carries the {@code MoveAbort}.
 *
 * @param operation      what was done
 * @param payload        the entry-function call that was signed
 * @param hash           the transaction hash, {@code 0x} + 64 hex
 * @param sequenceNumber the wallet's sequence number the transaction used
 * @param outcome        the committed outcome (version, gas used, {@code vm_status}); null when the
 *                       operation did not wait for the commit
 */
public record TradeResult(
        TradeOperation operation,
        EntryFunctionPayload payload,
        String hash,
        BigInteger sequenceNumber,
        TransactionOutcome outcome) {

    public TradeResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    }

    /** Whether the transaction is known to have committed (and succeeded). */
    public boolean committed() {
        return outcome != null;
    }
}
