package io.kana.aptos.node;

import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node client's two calls that carry a signed transaction: submit (sent once, never retried here) and
 * simulate (no effect, so retried like a read). Each answer becomes one typed fact: accepted, refused
 * ({@link TransactionRejectedException}, read by {@link SubmitRefusal}) or answer lost
 * ({@link TransactionOutcomeUnknownException}).
 */
final class NodeWrites {

    private static final Logger LOG = LoggerFactory.getLogger(NodeWrites.class);
    private static final String SUBMIT = "submitTransaction";
    static final String SIMULATE = "simulateTransaction";

    private final NodeApi api;
    private final NodeCalls calls;

    NodeWrites(NodeApi api, NodeCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    /** Sends a transaction signed here: its hash, sender and number are known already, nothing is re-read. */
    CompletableFuture<SubmittedTransaction> submit(SignedTransaction signed) {
        if (signed == null || signed.isSimulation()) {
            return CompletableFuture.failedFuture(new InvalidRequestException("signed", signed == null
                    ? "a signed transaction is required, got null"
                    : "a simulation carries a zero signature and is never submitted: " + signed));
        }
        return send(signed.bytes(), TransactionHashes.Identity.of(signed));
    }

    /** Sends BCS bytes signed elsewhere: only here is their hash computed and their sender and number read. */
    CompletableFuture<SubmittedTransaction> submit(byte[] signedTransaction) {
        byte[] bytes;
        try {
            bytes = requireSignedTransaction(signedTransaction);
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(bytes, TransactionHashes.identityOf(bytes));
    }

    private CompletableFuture<SubmittedTransaction> send(byte[] bytes, TransactionHashes.Identity sent) {
        CompletableFuture<SubmittedTransaction> result = new CompletableFuture<>();
        calls.send(api.submit(SignedTransactionBody.forSubmit(bytes))).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    Throwable problem = NodeCalls.unwrap(failure);
                    throw lostAnswer(sent.hash(), "no answer from the node (" + problem + ")", problem);
                }
                result.complete(submitted(sent, response));
            } catch (KanaException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    CompletableFuture<TransactionOutcome> simulate(byte[] signedTransaction) {
        byte[] bytes;
        try {
            bytes = requireSignedTransaction(signedTransaction);
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return NodeCalls.then(calls.read(SIMULATE, () -> api.simulate(SignedTransactionBody.forSimulation(bytes))),
                response -> response.successful()
                        ? NodeCalls.decoded(SIMULATE, response, NodeJson::simulation)
                        : CompletableFuture.failedFuture(rejection(response)));
    }

    /** The accepted transaction, or the error that a non-2xx answer to a submission means. */
    private static SubmittedTransaction submitted(TransactionHashes.Identity sent, NodeResponse response) {
        String hash = sent.hash();
        if (response.successful()) {
            SubmittedTransaction accepted;
            try {
                accepted = NodeCalls.decode(SUBMIT, response, NodeJson::pendingTransaction);
            } catch (KanaDecodingException e) {
                throw new TransactionOutcomeUnknownException(hash, "the node accepted it (HTTP " + response.status()
                        + ") but its answer could not be decoded; wait for it by hash", e);
            }
            if (!sent.isNamedBy(accepted)) {
                // Only the hash of the bytes sent identifies them; an acceptance of another transaction says
                // nothing about ours. The one place this is checked: the submitter sees a lost answer.
                LOG.warn("the node answered the submission of {} naming transaction {} of {} #{}", hash,
                        accepted.hash(), accepted.sender(), accepted.sequenceNumber());
                throw new TransactionOutcomeUnknownException(hash, "the node's acceptance (HTTP " + response.status()
                        + ") names another transaction (" + accepted.hash() + " of " + accepted.sender() + " #"
                        + accepted.sequenceNumber() + "); wait for this one by hash", null);
            }
            return accepted;
        }
        if (SubmitRefusal.provesNotTaken(response.status())) {
            throw rejection(response);
        }
        throw lostAnswer(hash, "HTTP " + response.status() + " answer", response.error(SUBMIT));
    }

    private static TransactionRejectedException rejection(NodeResponse response) {
        NodeErrorBody error = NodeErrorBody.parse(response.body());
        return new TransactionRejectedException(response.status(),
                error.errorCode() == null ? AptosErrorCode.UNKNOWN.wireName() : error.errorCode(),
                error.vmErrorCode(), error.message() == null || error.message().isBlank() ? "no message" : error.message());
    }

    static TransactionOutcomeUnknownException lostAnswer(String hash, String what, Throwable cause) {
        return new TransactionOutcomeUnknownException(hash, what + " to the submission; the node may have accepted"
                + " it: look it up by hash or resubmit the identical bytes", cause);
    }

    private static byte[] requireSignedTransaction(byte[] signedTransaction) {
        if (signedTransaction == null || signedTransaction.length == 0) {
            throw new InvalidRequestException("signedTransaction",
                    "a BCS-encoded signed transaction is required, got " + (signedTransaction == null ? "null" : "0 bytes"));
        }
        return signedTransaction.clone();
    }
}
