package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.done;
import static io.kana.core.trading.TraderFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.SubmittedTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every future completes, truthfully: on close, when the commit timeout passes, when the caller
 * cancels; and the trader neither signs after close nor queues without end.
 */
class KanaTraderLifecycleTest {

    static final LimitOrderRequest ORDER = KanaTraderExecutionTest.ORDER;
    static final EntryFunctionPayload PAYLOAD = KanaTraderExecutionTest.PAYLOAD;

    final TraderFixture f = new TraderFixture().answering(PAYLOAD);
    /** Holds the blocking work until the test runs it, so a test decides how far each operation got. */
    final ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
    final KanaTrader heldTrader = trader(held::add, Execution.SUBMIT_ONLY);

    KanaTrader trader(Executor executor, Execution execution) {
        return KanaTrader.builder().markets(f.markets).payloads(f.payloads).submitter(f.submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(f.chain).executor(executor).execution(execution).build();
    }

    void runHeldWork() {
        for (Runnable task; (task = held.poll()) != null; ) {
            task.run();
        }
    }

    @Test
    void closeCompletesEveryOutstandingFutureAndSignsNothingMore() {
        f.submitter.onSubmit = payload -> new CompletableFuture<>(); // submitted; the node never answers
        List<CompletableFuture<TradeResult>> handedToTheSubmitter = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            handedToTheSubmitter.add(heldTrader.placeLimitOrder(ORDER));
        }
        runHeldWork();
        List<CompletableFuture<TradeResult>> notSigned = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            notSigned.add(heldTrader.placeLimitOrder(ORDER));
        }
        assertThat(f.submitter.submitted).hasSize(100);

        heldTrader.close();

        long left = handedToTheSubmitter.stream().filter(future -> !future.isDone()).count()
                + notSigned.stream().filter(future -> !future.isDone()).count();
        assertThat(left).as("futures left after close()").isZero();
        for (CompletableFuture<TradeResult> future : handedToTheSubmitter) {
            assertThat(failure(future)).isInstanceOf(TransactionOutcomeUnknownException.class)
                    .hasMessageContaining("closed");
        }
        for (CompletableFuture<TradeResult> future : notSigned) {
            Throwable stopped = failure(future);
            assertThat(stopped).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("closed");
            assertThat(((KanaException) stopped).effectMayExist()).isFalse();
        }

        runHeldWork();
        Throwable refused = failure(heldTrader.placeLimitOrder(ORDER));
        runHeldWork();
        assertThat(refused).isInstanceOf(TransactionNotSentException.class);
        assertThat(f.submitter.submitted).as("submitted after close()").hasSize(100);
        assertThat(f.payloads.calls).as("payloads fetched after close()").hasSize(100);
    }

    @Test
    void closingACopyClosesTheOriginalToo() {
        heldTrader.withExecution(Execution.awaitCommit(Duration.ofSeconds(5))).close();

        assertThat(failure(heldTrader.placeLimitOrder(ORDER))).isInstanceOf(TransactionNotSentException.class);
    }

    @Test
    void theCommitTimeoutBoundsTheWholeOperationOnceSubmitted() {
        f.submitter.onAwait = (transaction, timeout) -> new CompletableFuture<>(); // never answers
        KanaTrader trader = trader(Runnable::run, Execution.awaitCommit(Duration.ofMillis(200)));

        Throwable unknown = failure(trader.placeLimitOrder(ORDER));

        assertThat(unknown).isInstanceOf(TransactionOutcomeUnknownException.class)
                .hasMessageContaining("commit timeout");
        assertThat(((TransactionOutcomeUnknownException) unknown).hash()).isEqualTo(FakeSubmitter.hash(7));
    }

    @Test
    void theCommitTimeoutBoundsTheWholeOperationBeforeItIsSigned() {
        KanaTrader trader = trader(held::add, Execution.awaitCommit(Duration.ofMillis(200)));

        Throwable notSent = failure(trader.placeLimitOrder(ORDER));
        runHeldWork();

        assertThat(notSent).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("timeout");
        assertThat(((KanaException) notSent).effectMayExist()).isFalse();
        f.assertNothingSubmitted();
    }

    @Test
    void cancellingBeforeSigningStopsTheOrder() {
        CompletableFuture<TradeResult> order = heldTrader.placeLimitOrder(ORDER);

        assertThat(order.cancel(true)).isTrue();
        runHeldWork();

        assertThat(order).isCancelled();
        f.assertNothingSubmitted();
        assertThat(f.payloads.calls).as("payloads fetched").isEmpty();
    }

    @Test
    void cancellingOnceSignedDoesNotHideTheOutcome() throws Exception {
        CompletableFuture<SubmittedTransaction> nodeAnswer = new CompletableFuture<>();
        f.submitter.onSubmit = payload -> nodeAnswer;
        CompletableFuture<TradeResult> order = trader(Runnable::run, Execution.SUBMIT_ONLY).placeLimitOrder(ORDER);
        assertThat(f.submitter.submitted).hasSize(1);

        assertThat(order.cancel(true)).as("cancel once signed").isFalse();
        nodeAnswer.complete(new SubmittedTransaction(FakeSubmitter.hash(7), FakeSubmitter.WALLET,
                java.math.BigInteger.valueOf(7), 1_700_000_060L));

        assertThat(order).isNotCancelled();
        assertThat(done(order).hash()).isEqualTo(FakeSubmitter.hash(7));
    }

    @Test
    void aSubmitterThatSaysNothingWasSentIsBelieved() {
        f.submitter.onSubmit = payload -> CompletableFuture.failedFuture(
                new TransactionNotSentException("ledger", "the node answered HTTP 500 before anything was signed", null));

        Throwable failure = failure(trader(Runnable::run, Execution.SUBMIT_ONLY).placeLimitOrder(ORDER));

        assertThat(failure).isInstanceOf(TransactionNotSentException.class);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
    }

    @Test
    void operationsBeyondTheInFlightLimitAreRefusedNotQueued() {
        List<CompletableFuture<TradeResult>> admitted = new ArrayList<>();
        for (int i = 0; i < KanaTrader.MAX_IN_FLIGHT; i++) {
            admitted.add(heldTrader.placeLimitOrder(ORDER));
        }

        Throwable refused = failure(heldTrader.placeLimitOrder(ORDER));

        assertThat(refused).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("in flight");
        assertThat(admitted).noneMatch(CompletableFuture::isDone);
        heldTrader.close();
        assertThat(admitted).allMatch(CompletableFuture::isDone);
    }

    @Test
    void theDefaultExecutorRunsTheBlockingPortsOnABoundedNumberOfThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        f.payloads.answer = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PAYLOAD;
        };
        KanaTrader trader = KanaTrader.builder().markets(f.markets).payloads(f.payloads).submitter(f.submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(f.chain).execution(Execution.SUBMIT_ONLY).build();
        List<CompletableFuture<TradeResult>> orders = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            orders.add(trader.placeLimitOrder(ORDER));
        }
        while (f.payloads.calls.size() < KanaTrader.DEFAULT_THREADS) {
            TimeUnit.MILLISECONDS.sleep(5);
        }

        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("kana-trader-") && !thread.getName().endsWith("timer"))
                .count();
        release.countDown();

        assertThat(workers).isLessThanOrEqualTo(KanaTrader.DEFAULT_THREADS);
        CompletableFuture.allOf(orders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(f.submitter.submitted).hasSize(1_000);
    }
}
