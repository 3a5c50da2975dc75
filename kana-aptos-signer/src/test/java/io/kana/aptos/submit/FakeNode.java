package io.kana.aptos.submit;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.error.TransactionRejectedException;
import io.kana.aptos.node.AccountInfo;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A scriptable node. Submits are accepted unless a scripted answer is queued; every call is counted, every
 * submitted transaction kept. Answers come on the calling thread unless {@link #answerOn} gives an executor.
 */
final class FakeNode implements NodeGateway {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Function<SignedTransaction, CompletableFuture<Void>>> submitScript =
            new ConcurrentLinkedDeque<>();
    private final List<SignedTransaction> submitted = new ArrayList<>();
    final Set<String> known = ConcurrentHashMap.newKeySet();
    volatile long committedCount = 42;
    volatile long gasUnitPrice = 100;
    volatile CompletableFuture<Long> nextSequenceNumberAnswer;
    volatile CompletableFuture<ModuleAbi> nextAbiAnswer;
    volatile CompletableFuture<Long> nextGasAnswer;
    volatile CompletableFuture<Integer> nextChainIdAnswer;
    volatile Function<String, CompletableFuture<TransactionOutcome>> await =
            hash -> CompletableFuture.failedFuture(new IllegalStateException("await not scripted"));
    volatile TransactionOutcome simulation;
    /** The chain time account reads report, in microseconds; -1: not said. */
    volatile LongSupplier chainTimeMicros = () -> -1;
    private volatile Executor answerOn = Runnable::run;

    // ---- scripting ----

    void answerOn(Executor executor) {
        answerOn = executor;
    }

    /** The next submit gets this answer (answers queue up in order). */
    FakeNode then(Function<SignedTransaction, CompletableFuture<Void>> answer) {
        submitScript.add(answer);
        return this;
    }

    Function<SignedTransaction, CompletableFuture<Void>> accept() {
        return signed -> {
            known.add(signed.hash());
            return CompletableFuture.completedFuture(null);
        };
    }

    Function<SignedTransaction, CompletableFuture<Void>> loseAfterAccepting() {
        return signed -> {
            known.add(signed.hash());
            return lost();
        };
    }

    Function<SignedTransaction, CompletableFuture<Void>> loseWithoutAccepting() {
        return signed -> lost();
    }

    static Function<SignedTransaction, CompletableFuture<Void>> reject(int status, String code, Long vmCode) {
        return signed -> CompletableFuture.failedFuture(
                new TransactionRejectedException(status, code, vmCode, "scripted refusal"));
    }

    /** The next submit's answer is the returned future, completed by the test. */
    CompletableFuture<Void> hold() {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        submitScript.add(signed -> answer);
        return answer;
    }

    private static CompletableFuture<Void> lost() {
        return CompletableFuture.failedFuture(new UncheckedIOException(new IOException("connection reset")));
    }

    // ---- inspection ----

    int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> callCounts() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        calls.forEach((method, count) -> copy.put(method, count.get()));
        return copy;
    }

    void resetCalls() {
        calls.clear();
    }

    List<SignedTransaction> submitted() {
        synchronized (submitted) {
            return List.copyOf(submitted);
        }
    }

    static ModuleAbi abi(AccountAddress address, String module) {
        return new ModuleAbi(address, module, List.of(
                new FunctionAbi("place", true, 0, List.of("&signer", "0x1::string::String"))));
    }

    // ---- NodeGateway ----

    @Override
    public CompletableFuture<Integer> chainId() {
        count("chainId");
        CompletableFuture<Integer> scripted = nextChainIdAnswer;
        nextChainIdAnswer = null;
        return answer(scripted != null ? scripted : CompletableFuture.completedFuture(2));
    }

    @Override
    public CompletableFuture<AccountInfo> account(AccountAddress address) {
        count("sequenceNumber");
        CompletableFuture<Long> scripted = nextSequenceNumberAnswer;
        nextSequenceNumberAnswer = null;
        long chainTime = chainTimeMicros.getAsLong();
        return answer((scripted != null ? scripted : CompletableFuture.completedFuture(committedCount))
                .thenApply(count -> new AccountInfo(BigInteger.valueOf(count), address.hex(), chainTime)));
    }

    @Override
    public CompletableFuture<Long> gasUnitPrice() {
        count("gasUnitPrice");
        CompletableFuture<Long> scripted = nextGasAnswer;
        nextGasAnswer = null;
        return answer(scripted != null ? scripted : CompletableFuture.completedFuture(gasUnitPrice));
    }

    @Override
    public CompletableFuture<ModuleAbi> moduleAbi(AccountAddress address, String module) {
        count("moduleAbi");
        CompletableFuture<ModuleAbi> scripted = nextAbiAnswer;
        nextAbiAnswer = null;
        return answer(scripted != null ? scripted : CompletableFuture.completedFuture(abi(address, module)));
    }

    @Override
    public CompletableFuture<Void> submit(SignedTransaction signed) {
        count("submit");
        synchronized (submitted) {
            submitted.add(signed);
        }
        Function<SignedTransaction, CompletableFuture<Void>> scripted = submitScript.poll();
        return answer((scripted != null ? scripted : accept()).apply(signed));
    }

    @Override
    public CompletableFuture<Boolean> isKnown(String hash) {
        count("isKnown");
        return answer(CompletableFuture.completedFuture(known.contains(hash)));
    }

    @Override
    public CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout) {
        count("await");
        return answer(this.await.apply(transaction.hash()));
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(byte[] unsignedTransaction) {
        count("simulate");
        return answer(CompletableFuture.completedFuture(simulation));
    }

    private void count(String method) {
        calls.computeIfAbsent(method, name -> new AtomicInteger()).incrementAndGet();
    }

    private <T> CompletableFuture<T> answer(CompletableFuture<T> answer) {
        return answer.whenCompleteAsync((value, error) -> {}, answerOn);
    }
}
