package io.kana.core.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A signed transaction the node accepted into its mempool (HTTP 202); not yet committed.
 *
 * @param hash                    transaction hash computed locally, {@code 0x} + 64 hex
 * @param sender                  the signing wallet
 * @param sequenceNumber          the sender's sequence number it uses
 * @param expirationTimestampSecs after this time (chain clock) it can no longer commit
 */
public record SubmittedTransaction(
        String hash, AccountAddress sender, BigInteger sequenceNumber, long expirationTimestampSecs) {

    public SubmittedTransaction {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    }
}
