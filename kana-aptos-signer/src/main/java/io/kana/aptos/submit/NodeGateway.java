package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.node.AccountInfo;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the submitter needs from an Aptos node; bound to the node REST client by a thin adapter.
 *
 * <p>Every method returns at once and never retries on its own: the submitter decides what to repeat.
 * A future that fails with anything but the documented exceptions is treated as a transport failure.
 */
interface NodeGateway {

    /** {@code GET /v1} → {@code chain_id}. */
    CompletableFuture<Integer> chainId();

    /**
     * {@code GET /v1/accounts/{address}} → {@code sequence_number} (how many of its transactions committed)
     * and the chain time of that read; an account that does not exist yet counts 0.
     */
    CompletableFuture<AccountInfo> account(AccountAddress address);

    /** {@code GET /v1/estimate_gas_price} → {@code gas_estimate}, in octas per gas unit. */
    CompletableFuture<Long> gasUnitPrice();

    /** {@code GET /v1/accounts/{address}/module/{name}} → its ABI. */
    CompletableFuture<ModuleAbi> moduleAbi(AccountAddress address, String module);

    /**
     * {@code POST /v1/transactions} with the signed transaction's bytes, sent exactly once.
     *
     * <p>Completes when the node accepted exactly this transaction (the node client checks that its answer
     * names the transaction's hash, sender and number). Fails with
     * {@link io.kana.core.error.TransactionRejectedException} when the node answered with an error body,
     * and with anything else when no answer, or an answer naming another transaction, was received: the
     * transaction may then have been accepted. The submitter reads a rejection with
     * {@link io.kana.aptos.node.SubmitRefusal}, which counts HTTP 408, 429 and 5xx other than 507 as a lost answer.
     */
    CompletableFuture<Void> submit(SignedTransaction signed);

    /**
     * {@code GET /v1/transactions/by_hash/{hash}}: true when the node has the transaction, pending or
     * committed, false on 404 {@code transaction_not_found}.
     */
    CompletableFuture<Boolean> isKnown(String hash);

    /**
     * Waits up to {@code timeout} for the transaction to commit and completes with its outcome, successful
     * or not (a failed commit is a value here, not an exception). Fails with {@link io.kana.core.error.TransactionRejectedException} ({@code transaction_not_found})
     * only when a node whose chain time passed the transaction's expiry does not know it; with anything
     * else when it is not committed in time.
     */
    CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout);

    /**
     * {@code POST /v1/transactions/simulate} with a transaction whose signature is zero; completes with
     * the simulated outcome, its {@link TransactionOutcome#moveAbort()} parsed when it aborted.
     */
    CompletableFuture<TransactionOutcome> simulate(byte[] unsignedTransaction);
}
