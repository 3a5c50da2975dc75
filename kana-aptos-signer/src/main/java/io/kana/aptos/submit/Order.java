package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.error.KanaException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.SubmittedTransaction;
import java.util.concurrent.CompletableFuture;

/** A submit call waiting for, or going through, the {@link NumberingLane}. */
final class Order {
    final long ticket;
    final EntryFunctionPayload payload;
    final CompletableFuture<ModuleAbi> abi;
    final CompletableFuture<Integer> chainId;
    final CompletableFuture<Void> ready;
    /** The journal's left-over transactions settled; part of {@link #ready}. */
    final CompletableFuture<?> journalSettled;
    final CompletableFuture<SubmittedTransaction> result = new CompletableFuture<>();
    int resigns; // guarded by the lane's lock
    boolean waiting; // guarded by the lane's lock
    /** The hash of its first signing; set in the lane. */
    String intentId;

    Order(long ticket, EntryFunctionPayload payload, CompletableFuture<ModuleAbi> abi,
            CompletableFuture<Integer> chainId, CompletableFuture<Void> ready, CompletableFuture<?> journalSettled) {
        this.ticket = ticket;
        this.payload = payload;
        this.abi = abi;
        this.chainId = chainId;
        this.ready = ready;
        this.journalSettled = journalSettled;
    }

    /** The same order, to be signed again after its transaction was proven expired; its caller's future is new. */
    Order again() {
        Order again = new Order(ticket, payload, abi, chainId, ready, journalSettled);
        again.intentId = intentId;
        return again;
    }

    void fail(KanaException error) {
        result.completeExceptionally(error);
    }

    /** An order signed with one number; its bytes are sent as they are, however often. */
    record Submission(Order order, long number, long expiry, SignedTransaction signed) {

        String hash() {
            return signed.hash();
        }
    }
}
