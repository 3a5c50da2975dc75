package io.kana.core.port;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The chain side: turns an entry-function payload into a signed transaction of the wallet, submits
 * it to the Aptos node and learns its outcome. Implementations number transactions locally so
 * several can be in flight, and never re-sign a submitted order under a new sequence number.
 *
 * <p>Futures complete exceptionally with a {@link io.kana.core.error.KanaException}.
 */
public interface TransactionSubmitter {

    /** The wallet that signs and pays. */
    AccountAddress sender();

    /** Signs and submits; completes once the node accepted the transaction into its mempool. */
    CompletableFuture<SubmittedTransaction> submit(EntryFunctionPayload payload);

    /**
     * Waits until the transaction commits; completes with its outcome, or exceptionally with
     * {@link io.kana.core.error.TransactionFailedException} when it committed but failed, or
     * {@link io.kana.core.error.TransactionOutcomeUnknownException} when {@code timeout} passed first.
     */
    CompletableFuture<TransactionOutcome> awaitOutcome(SubmittedTransaction transaction, Duration timeout);

    /** Executes the payload without committing it (no signature, no gas paid); returns what would happen. */
    CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload);
}
