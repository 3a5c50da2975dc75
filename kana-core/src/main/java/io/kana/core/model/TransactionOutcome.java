package io.kana.core.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A committed transaction's result.
 *
 * @param hash      transaction hash, {@code 0x} + 64 hex
 * @param version   ledger version it was committed at
 * @param success   whether it executed successfully
 * @param gasUsed   gas units used
 * @param vmStatus  the node's {@code vm_status}, e.g. {@code "Executed successfully"}
 * @param moveAbort the parsed abort when {@code success} is false because of a Move abort, else null
 */
public record TransactionOutcome(
        String hash, BigInteger version, boolean success, BigInteger gasUsed, String vmStatus, MoveAbort moveAbort) {

    public TransactionOutcome {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(vmStatus, "vmStatus");
    }
}
