package io.kana.aptos.node;

import io.kana.core.model.TransactionOutcome;
import java.util.Objects;

/**
 * What the node knows about a transaction hash ({@code GET /v1/transactions/by_hash/{hash}}).
 *
 * @param hash    the transaction hash, {@code 0x} + 64 lowercase hex
 * @param phase   not found, pending in mempool, or committed
 * @param outcome the committed result (successful or failed); null unless {@code phase} is COMMITTED
 */
public record TransactionStatus(String hash, Phase phase, TransactionOutcome outcome) {

    /** Where the transaction is, as far as this node can tell. */
    public enum Phase {
        /** The node does not know the hash: not yet seen, or dropped (e.g. expired in mempool). */
        NOT_FOUND,
        /** Accepted into mempool, not yet committed. */
        PENDING,
        /** Committed on chain; see {@link TransactionOutcome#success()}. */
        COMMITTED
    }

    public TransactionStatus {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(phase, "phase");
        if ((phase == Phase.COMMITTED) != (outcome != null)) {
            throw new IllegalArgumentException("an outcome is given exactly when the phase is COMMITTED");
        }
    }

    static TransactionStatus notFound(String hash) {
        return new TransactionStatus(hash, Phase.NOT_FOUND, null);
    }

    static TransactionStatus pending(String hash) {
        return new TransactionStatus(hash, Phase.PENDING, null);
    }

    static TransactionStatus committed(TransactionOutcome outcome) {
        return new TransactionStatus(outcome.hash(), Phase.COMMITTED, outcome);
    }
}
