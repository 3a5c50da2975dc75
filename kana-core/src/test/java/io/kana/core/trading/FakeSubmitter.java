package io.kana.core.trading;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.TransactionSubmitter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The chain side in memory: numbers submitted transactions from sequence number 7, records every
 * submit, simulate and await; each answer can be replaced to inject failures.
 */
final class FakeSubmitter implements TransactionSubmitter {

    static final AccountAddress WALLET =
            AccountAddress.parse("0x4d6dc68e391e86991e58ab4d548b7e92872430d1f51bc666fe0c206bad7ff770");

    final List<EntryFunctionPayload> submitted = new CopyOnWriteArrayList<>();
    final List<EntryFunctionPayload> simulated = new CopyOnWriteArrayList<>();
    final List<SubmittedTransaction> awaited = new CopyOnWriteArrayList<>();
    final List<Duration> awaitTimeouts = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong(7);

    volatile Function<EntryFunctionPayload, CompletableFuture<SubmittedTransaction>> onSubmit = payload ->
            CompletableFuture.completedFuture(new SubmittedTransaction(hash(sequence.get()), WALLET,
                    BigInteger.valueOf(sequence.getAndIncrement()), 1_700_000_060L));
    volatile BiFunction<SubmittedTransaction, Duration, CompletableFuture<TransactionOutcome>> onAwait =
            (tx, timeout) -> CompletableFuture.completedFuture(success(tx.hash()));
    volatile Function<EntryFunctionPayload, CompletableFuture<TransactionOutcome>> onSimulate =
            payload -> CompletableFuture.completedFuture(success(hash(0)));

    static String hash(long n) {
        return "0x" + String.format("%064x", n);
    }

    static TransactionOutcome success(String hash) {
        return new TransactionOutcome(hash, BigInteger.valueOf(123_456_789), true, BigInteger.valueOf(42),
                "Executed successfully", null);
    }

    static TransactionOutcome abort(String hash) {
        MoveAbort abort = new MoveAbort("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_core",
                "EINSUFFICIENT_MARGIN", 0x10004, "not enough margin");
        return new TransactionOutcome(hash, BigInteger.valueOf(123_456_790), false, BigInteger.valueOf(9),
                "Move abort in 0x7a38...::perpetual_core: EINSUFFICIENT_MARGIN(0x10004): not enough margin", abort);
    }

    @Override
    public AccountAddress sender() {
        return WALLET;
    }

    @Override
    public CompletableFuture<SubmittedTransaction> submit(EntryFunctionPayload payload) {
        submitted.add(payload);
        return onSubmit.apply(payload);
    }

    @Override
    public CompletableFuture<TransactionOutcome> awaitOutcome(SubmittedTransaction transaction, Duration timeout) {
        awaited.add(transaction);
        awaitTimeouts.add(timeout);
        return onAwait.apply(transaction, timeout);
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload) {
        simulated.add(payload);
        return onSimulate.apply(payload);
    }
}
