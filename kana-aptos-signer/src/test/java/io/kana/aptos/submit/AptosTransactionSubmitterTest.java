package io.kana.aptos.submit;

import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SignerException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptosTransactionSubmitterTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final long START_SECS = START.getEpochSecond();

    private final FakeNode node = new FakeNode();
    private final FakeSigning signing = new FakeSigning();
    private final TestWallet wallet = new TestWallet();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final MutableClock clock = new MutableClock(START);
    /**
     * The defaults with a short lost-answer budget, so the tests can exhaust it in a few lines, and no
     * in-flight window (the fake node commits nothing unless told); the window has its own test.
     */
    private static final SubmitterSettings SETTINGS =
            SubmitterSettings.defaults().withSubmitAttempts(4).withMaxUncommitted(10_000);

    private AptosTransactionSubmitter submitter = submitter(SETTINGS);

    @AfterEach
    void close() {
        submitter.close();
    }

    // ---- caches and cost ----

    @Test
    void afterTheFirstOrderEachOrderCostsExactlyOneRequestTheSubmit() {
        submit("warm-up");
        assertThat(node.callCounts()).containsOnly(Map.entry("chainId", 1), Map.entry("sequenceNumber", 1),
                Map.entry("gasUnitPrice", 1), Map.entry("moduleAbi", 1), Map.entry("submit", 1));
        node.resetCalls();

        List<SubmittedTransaction> placed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            placed.add(submit("order-" + i));
        }

        assertThat(node.callCounts()).containsOnly(Map.entry("submit", 10));
        assertThat(placed).extracting(SubmittedTransaction::sequenceNumber)
                .containsExactlyElementsOf(LongStream.range(43, 53).mapToObj(BigInteger::valueOf).toList());
    }

    @Test
    void fetchesEachModuleAbiOnce() {
        for (int i = 0; i < 3; i++) {
            submit(payload("0x1::perps::place", "a" + i));
            submit(payload("0x2::vault::place", "b" + i));
        }

        assertThat(node.calls("moduleAbi")).isEqualTo(2);
        assertThat(node.calls("chainId")).isEqualTo(1);
    }

    @Test
    void failedFetchIsNotCachedAndFailsOnlyTheOrderThatNeededIt() {
        node.nextAbiAnswer = CompletableFuture.failedFuture(
                new TransactionRejectedException(404, "module_not_found", null, "no such module"));

        assertThat(failure(submitter.submit(payload("0x1::perps::place", "first"))))
                .isInstanceOf(TransactionNotSentException.class)
                .hasCauseInstanceOf(TransactionRejectedException.class)
                .satisfies(error -> assertThat(error.effectMayExist()).isFalse());
        SubmittedTransaction second = submit("second");

        assertThat(node.calls("moduleAbi")).isEqualTo(2);
        assertThat(node.calls("submit")).isEqualTo(1);
        assertThat(second.sequenceNumber()).isEqualTo(42);
    }

    @Test
    void refreshesTheGasPriceInTheBackgroundAndUsesTheLatest() {
        submit("warm-up");
        assertThat(scheduler.periodsMillis()).containsExactly(10_000L);
        node.gasUnitPrice = 150;

        scheduler.runPeriodicTasks();
        node.resetCalls();
        submit("after refresh");

        assertThat(signing.signed()).extracting(TransactionParameters::gasUnitPrice).containsExactly(100L, 150L);
        assertThat(node.callCounts()).containsOnly(Map.entry("submit", 1));
    }

    @Test
    void keepsTheLastGasPriceWhenARefreshFails() {
        submit("warm-up");
        node.nextGasAnswer = CompletableFuture.failedFuture(new UncheckedIOException(new IOException("timeout")));

        scheduler.runPeriodicTasks();
        submit("after failed refresh");

        assertThat(signing.signed()).extracting(TransactionParameters::gasUnitPrice).containsExactly(100L, 100L);
    }

    @Test
    void closeStopsTheGasPriceRefresh() {
        submit("warm-up");

        submitter.close();

        assertThat(scheduler.periodsMillis()).isEmpty();
    }

    @Test
    void expiryAndGasComeFromTheClockAndTheSettings() {
        submitter = submitter(SETTINGS.withExpirationWindow(Duration.ofSeconds(45))
                .withMaxGasAmount(5_000));

        SubmittedTransaction first = submit("first");
        clock.advance(Duration.ofSeconds(7));
        SubmittedTransaction second = submit("second");

        assertThat(first.expirationTimestampSecs()).isEqualTo(START_SECS + 45);
        assertThat(second.expirationTimestampSecs()).isEqualTo(START_SECS + 7 + 45);
        assertThat(signing.signed()).extracting(TransactionParameters::expirationTimestampSecs)
                .containsExactly(START_SECS + 45, START_SECS + 52);
        assertThat(signing.signed()).allSatisfy(header -> {
            assertThat(header.maxGasAmount()).isEqualTo(5_000);
            assertThat(header.chainId()).isEqualTo(2);
            assertThat(header.sender()).isEqualTo(TestWallet.ADDRESS);
        });
        assertThat(first.sender()).isEqualTo(TestWallet.ADDRESS);
        assertThat(first.hash()).isEqualTo(node.submitted().get(0).hash());
    }

    // ---- numbering ----

    @Test
    void twoHundredConcurrentOrdersGetConsecutiveNumbersSignedAndSentInOrder() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        ExecutorService network = Executors.newFixedThreadPool(4);
        node.answerOn(network);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<CompletableFuture<SubmittedTransaction>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "order-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return submitter.submit(payload("0x1::perps::place", id));
                }, callers));
            }
            start.countDown();
            List<Long> numbers = new ArrayList<>();
            for (CompletableFuture<CompletableFuture<SubmittedTransaction>> call : calls) {
                numbers.add(call.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS).sequenceNumber().longValueExact());
            }

            List<Long> expected = LongStream.range(42, 242).boxed().toList();
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(signing.signedNumbers()).containsExactlyElementsOf(expected);
            assertThat(node.submitted()).extracting(SignedTransaction::sequenceNumber).containsExactlyElementsOf(expected);
            assertThat(node.calls("sequenceNumber")).isEqualTo(1);
        } finally {
            callers.shutdownNow();
            network.shutdownNow();
        }
    }

    @Test
    void ordersSubmittedDuringWarmUpAreNumberedInCallOrder() {
        CompletableFuture<Long> sequenceNumber = new CompletableFuture<>();
        node.nextSequenceNumberAnswer = sequenceNumber;

        CompletableFuture<SubmittedTransaction> a = submitter.submit(payload("0x1::perps::place", "a"));
        CompletableFuture<SubmittedTransaction> b = submitter.submit(payload("0x2::vault::place", "b"));
        CompletableFuture<SubmittedTransaction> c = submitter.submit(payload("0x1::perps::place", "c"));
        assertThat(node.calls("submit")).isZero();
        sequenceNumber.complete(7L);

        assertThat(List.of(a.join(), b.join(), c.join())).extracting(tx -> tx.sequenceNumber().longValue())
                .containsExactly(7L, 8L, 9L);
        assertThat(node.submitted()).extracting(FakeSigning::orderOf).containsExactly("a", "b", "c");
    }

    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(nullValues = "null", value = {
        "400, sequence_number_too_old, null",
        "400, vm_error, 3",
        "400, vm_error, 4"})
    void resyncsAndSignsAgainWhenRefusedForItsNumber(int status, String code, Long vmCode) {
        submit("warm-up");
        node.committedCount = 50; // another process used the account
        node.then(FakeNode.reject(status, code, vmCode));

        SubmittedTransaction placed = submit("order");

        assertThat(placed.sequenceNumber()).isEqualTo(50);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 50L);
        assertThat(node.submitted()).extracting(FakeSigning::orderOf).containsExactly("warm-up", "order", "order");
        assertThat(node.calls("sequenceNumber")).isEqualTo(2);
        assertThat(submit("next").sequenceNumber()).isEqualTo(51);
    }

    @Test
    void numberHeldByAnotherTransactionInTheMempoolIsSkipped() {
        submit("warm-up");
        node.committedCount = 43; // 42 committed; a foreign transaction sits in the mempool with 43
        node.then(FakeNode.reject(400, "invalid_transaction_update", null));

        SubmittedTransaction placed = submit("order");

        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L);
        assertThat(placed.sequenceNumber()).isEqualTo(44);
    }

    @Test
    void signsAgainOnlyMaxResignsTimes() {
        submitter = submitter(SETTINGS.withMaxResigns(2));
        submit("warm-up");
        for (int i = 0; i < 3; i++) {
            node.then(FakeNode.reject(400, "sequence_number_too_old", null));
        }

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));

        assertThat(error).isInstanceOf(TransactionRejectedException.class);
        assertThat(((TransactionRejectedException) error).errorCode()).isEqualTo("sequence_number_too_old");
        assertThat(error.effectMayExist()).isFalse();
        assertThat(node.submitted()).extracting(FakeSigning::orderOf).containsExactly("warm-up", "order", "order", "order");
    }

    @Test
    void definiteRefusalFailsTheOrderAndFreesItsNumberForTheNextOrder() {
        submit("warm-up");
        node.committedCount = 43;
        node.then(FakeNode.reject(400, "vm_error", 5L)); // INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "refused")));
        SubmittedTransaction next = submit("next");

        assertThat(error).isInstanceOf(TransactionRejectedException.class);
        assertThat(error.effectMayExist()).isFalse();
        assertThat(next.sequenceNumber()).isEqualTo(43);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 43L);
        assertThat(node.calls("sequenceNumber")).isEqualTo(2);
        assertThat(node.submitted()).extracting(FakeSigning::orderOf).containsExactly("warm-up", "refused", "next");
    }

    @Test
    void refusedNumberBelowAcceptedOnesIsFilledByTheNextOrderAndTheAcceptedOnesKeepTheirs() {
        submit("warm-up"); // 42, committed
        node.committedCount = 43;
        CompletableFuture<Void> answerToA = node.hold();
        CompletableFuture<SubmittedTransaction> a = submitter.submit(payload("0x1::perps::place", "a")); // 43
        SubmittedTransaction b = submit("b"); // 44, parked behind 43
        SubmittedTransaction c = submit("c"); // 45

        answerToA.completeExceptionally(new TransactionRejectedException(400, "vm_error", 5L, "no gas"));
        SubmittedTransaction d = submit("d");
        SubmittedTransaction e = submit("e");

        assertThat(failure(a)).isInstanceOf(TransactionRejectedException.class);
        assertThat(List.of(b, c, d, e)).extracting(tx -> tx.sequenceNumber().longValue())
                .containsExactly(44L, 45L, 43L, 46L);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L, 45L, 43L, 46L);
    }

    @Test
    void signingFailureSendsNothingAndTheNumberGoesToTheNextOrder() {
        submit("warm-up");
        signing.refuse(payload -> payload.functionArguments().get(0).equals("bad"),
                new InvalidRequestException("arguments", "argument 0 is not a u64"));

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "bad")));
        SubmittedTransaction next = submit("next");

        assertThat(error).isInstanceOf(InvalidRequestException.class);
        assertThat(next.sequenceNumber()).isEqualTo(43);
        assertThat(node.submitted()).extracting(FakeSigning::orderOf).containsExactly("warm-up", "next");
    }

    @Test
    void failingToReadTheSequenceNumberFailsWaitingOrdersAndTheNextSubmitTriesAgain() {
        node.nextSequenceNumberAnswer = CompletableFuture.failedFuture(new UncheckedIOException(new IOException("reset")));

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "first")));
        SubmittedTransaction second = submit("second");

        assertThat(error).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("nothing was sent")
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(error.effectMayExist()).isFalse();
        assertThat(second.sequenceNumber()).isEqualTo(42);
        assertThat(node.calls("sequenceNumber")).isEqualTo(2);
    }

    // ---- lost answers: never duplicate ----

    @Test
    void lostAnswerResendsTheIdenticalBytesWithBackoffAndNeverSignsAgain() {
        submit("warm-up");
        node.then(node.loseAfterAccepting()).then(node.loseAfterAccepting()).then(node.accept());

        SubmittedTransaction placed = submit("order");

        List<SignedTransaction> sends = node.submitted().subList(1, 4);
        assertThat(sends).allSatisfy(signed -> assertThat(signed.bytes()).isEqualTo(sends.get(0).bytes()));
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L);
        assertThat(scheduler.oneShotDelaysMillis()).containsExactly(200L, 400L);
        assertThat(placed.hash()).isEqualTo(sends.get(0).hash());
        assertThat(placed.sequenceNumber()).isEqualTo(43);
    }

    @Test
    void ordersBeyondTheUncommittedWindowWaitUntilTheNodeCountsCommits() {
        submitter = submitter(SETTINGS.withMaxUncommitted(2));
        SubmittedTransaction a = submit("a"); // 42
        SubmittedTransaction b = submit("b"); // 43: two beyond the node's count of 42, the window is full
        // Asked again, the node first still counts 42 committed, then 43: the window opens by one.
        node.nextSequenceNumberAnswer = CompletableFuture.completedFuture(42L);
        node.committedCount = 43;
        int readsBefore = node.calls("sequenceNumber");

        SubmittedTransaction c = submit("c");

        assertThat(List.of(a, b, c)).extracting(tx -> tx.sequenceNumber().longValue()).containsExactly(42L, 43L, 44L);
        assertThat(node.calls("sequenceNumber") - readsBefore).as("re-reads of the count while waiting").isEqualTo(2);
        assertThat(scheduler.oneShotDelaysMillis()).containsExactly(20L, 20L);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L);
    }

    @Test
    void fullMempoolResendsTheSameBytesKeepingTheNumberSoLaterOrdersAreNotStranded() {
        submit("warm-up");
        node.then(FakeNode.reject(507, "mempool_is_full", null)).then(FakeNode.reject(507, "mempool_is_full", null))
                .then(FakeNode.reject(507, "mempool_is_full", null)).then(FakeNode.reject(507, "mempool_is_full", null))
                .then(node.accept());

        SubmittedTransaction placed = submit("order");
        SubmittedTransaction next = submit("next");

        List<SignedTransaction> sends = node.submitted().subList(1, 6);
        assertThat(sends).allSatisfy(signed -> assertThat(signed.bytes()).isEqualTo(sends.get(0).bytes()));
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L);
        assertThat(placed.sequenceNumber()).isEqualTo(43);
        assertThat(next.sequenceNumber()).isEqualTo(44);
        // More patient than the lost-answer budget (4 attempts), and the wait is capped.
        assertThat(scheduler.oneShotDelaysMillis()).containsExactly(200L, 400L, 800L, 1000L);
        assertThat(node.calls("sequenceNumber")).isEqualTo(1);
    }

    @Test
    void http503IsALostAnswerNotARefusal() {
        submit("warm-up");
        node.then(FakeNode.reject(503, "internal_error", null)).then(FakeNode.reject(429, "rate_limited", null));

        SubmittedTransaction placed = submit("order");

        assertThat(node.calls("submit")).isEqualTo(4);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L);
        assertThat(placed.sequenceNumber()).isEqualTo(43);
        assertThat(node.calls("sequenceNumber")).isEqualTo(1);
    }

    @Test
    void lostAnswerThenInvalidUpdateOnTheRepeatIsSettledByTheHashFound() {
        submit("warm-up");
        node.then(node.loseAfterAccepting()).then(FakeNode.reject(400, "invalid_transaction_update", null));

        SubmittedTransaction placed = submit("order");

        assertThat(placed.sequenceNumber()).isEqualTo(43);
        assertThat(node.calls("isKnown")).isEqualTo(1);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L);
        assertThat(node.calls("sequenceNumber")).isEqualTo(1);
    }

    @Test
    void lostAnswerThenRefusedRepeatAndHashUnknownIsOutcomeUnknownAndTheNumberIsNotReused() {
        submit("warm-up");
        node.then(node.loseWithoutAccepting()).then(FakeNode.reject(400, "sequence_number_too_old", null));

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));
        SubmittedTransaction next = submit("next");

        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(error.effectMayExist()).isTrue();
        assertThat(((TransactionOutcomeUnknownException) error).hash())
                .isEqualTo(node.submitted().get(1).hash());
        assertThat(next.sequenceNumber()).isEqualTo(44);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L);
    }

    @Test
    void everyAttemptLostIsSettledByTheHash() {
        submit("warm-up");
        node.then(node.loseAfterAccepting());
        for (int i = 1; i < 4; i++) {
            node.then(node.loseWithoutAccepting());
        }

        SubmittedTransaction placed = submit("accepted but never told");
        for (int i = 0; i < 4; i++) {
            node.then(node.loseWithoutAccepting());
        }
        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "never arrived")));

        assertThat(placed.sequenceNumber()).isEqualTo(43);
        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(error.effectMayExist()).isTrue();
        assertThat(node.calls("submit")).isEqualTo(1 + 4 + 4);
        assertThat(node.calls("isKnown")).isEqualTo(2);
        assertThat(signing.signedNumbers()).containsExactly(42L, 43L, 44L);
    }

    @Test
    void aNumberWhoseFateWasUnknownIsReusedOnlyOnceTheNodesChainTimeProvesItExpired() {
        node.chainTimeMicros = () -> clock.millis() * 1000; // the node keeps up with the chain
        submit("warm-up");
        node.committedCount = 43;
        for (int i = 0; i < 4; i++) {
            node.then(node.loseWithoutAccepting());
        }
        failure(submitter.submit(payload("0x1::perps::place", "lost"))); // 43, fate unknown

        assertThat(submit("soon after").sequenceNumber()).isEqualTo(44); // parked behind 43
        clock.advance(Duration.ofSeconds(20 + 1));
        SubmittedTransaction later = submit("after expiry");

        // Chain time passed both expiries while the account's count stayed at 43: neither can ever commit. The
        // accepted one is signed again first (its caller holds only its hash); the one reported unknown is not.
        assertThat(signing.signed()).extracting(header -> header.sequenceNumber())
                .containsExactly(42L, 43L, 44L, 43L, 44L);
        assertThat(node.submitted()).extracting(FakeSigning::orderOf)
                .containsExactly("warm-up", "lost", "lost", "lost", "lost", "soon after", "soon after", "after expiry");
        assertThat(later.sequenceNumber()).isEqualTo(44);
        assertThat(node.calls("sequenceNumber")).isEqualTo(2);
    }

    @Test
    void aLaggingNodeNeverFreesANumberHoweverLateTheLocalClock() {
        node.chainTimeMicros = () -> START.toEpochMilli() * 1000; // chain time stuck at the start
        submit("warm-up");
        node.committedCount = 43;
        for (int i = 0; i < 4; i++) {
            node.then(node.loseWithoutAccepting());
        }
        failure(submitter.submit(payload("0x1::perps::place", "lost"))); // 43, fate unknown

        clock.advance(Duration.ofHours(1));
        SubmittedTransaction later = submit("an hour later by the local clock");

        assertThat(later.sequenceNumber()).isEqualTo(44);
        assertThat(node.calls("sequenceNumber")).as("the node was asked, and proved nothing").isEqualTo(2);
    }

    @Test
    void stopsResendingOnceTheTransactionExpired() {
        submitter = submitter(SETTINGS.withSubmitAttempts(10));
        submit("warm-up");
        node.then(bytes -> {
            clock.advance(Duration.ofSeconds(25));
            return CompletableFuture.failedFuture(new UncheckedIOException(new IOException("timeout")));
        });

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));

        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(node.calls("submit")).isEqualTo(2);
    }

    // ---- simulate ----

    @Test
    void simulatesWithTheNextNumberWithoutReservingIt() {
        submit("warm-up");
        MoveAbort abort = new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 0x10006, "Not enough coins");
        node.simulation = new TransactionOutcome("0xabc", BigInteger.ZERO, false, BigInteger.valueOf(7), "Move abort", abort);

        TransactionOutcome outcome = submitter.simulate(payload("0x1::perps::place", "what if")).join();

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.moveAbort()).isEqualTo(abort);
        assertThat(signing.simulated()).extracting(TransactionParameters::sequenceNumber).containsExactly(43L);
        assertThat(submit("real").sequenceNumber()).isEqualTo(43);
    }

    @Test
    void simulatingBeforeAnyOrderReadsTheSequenceNumber() {
        node.simulation = new TransactionOutcome("0xabc", BigInteger.ZERO, true, BigInteger.ONE, "Executed successfully", null);

        assertThat(submitter.simulate(payload("0x1::perps::place", "what if")).join().success()).isTrue();

        assertThat(signing.simulated()).extracting(TransactionParameters::sequenceNumber).containsExactly(42L);
        assertThat(node.calls("submit")).isZero();
    }

    @Test
    void rejectsAMissingPayloadBeforeSendingAnything() {
        assertThat(failure(submitter.submit(null))).isInstanceOf(InvalidRequestException.class);
        assertThat(failure(submitter.simulate(null))).isInstanceOf(InvalidRequestException.class);
        assertThat(node.callCounts()).isEmpty();
    }

    // ---- awaiting ----

    @Test
    void awaitCompletesWithASuccessfulOutcome() {
        SubmittedTransaction tx = submit("order");
        TransactionOutcome ok = new TransactionOutcome(tx.hash(), BigInteger.TEN, true, BigInteger.ONE, "Executed successfully", null);
        node.await = hash -> CompletableFuture.completedFuture(ok);

        assertThat(submitter.awaitOutcome(tx, Duration.ofSeconds(5)).join()).isEqualTo(ok);
    }

    @Test
    void awaitFailsWithTransactionFailedWhenItCommittedButAborted() {
        SubmittedTransaction tx = submit("order");
        TransactionOutcome aborted = new TransactionOutcome(tx.hash(), BigInteger.TEN, false, BigInteger.ONE,
                "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): ", new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 0x10006, null));
        node.await = hash -> CompletableFuture.completedFuture(aborted);

        KanaException error = failure(submitter.awaitOutcome(tx, Duration.ofSeconds(5)));

        assertThat(error).isInstanceOf(TransactionFailedException.class);
        assertThat(((TransactionFailedException) error).outcome()).isEqualTo(aborted);
    }

    @Test
    void awaitTimeoutIsOutcomeUnknown() {
        SubmittedTransaction tx = submit("order");
        node.await = hash -> CompletableFuture.failedFuture(new TimeoutException("20 s passed"));

        KanaException error = failure(submitter.awaitOutcome(tx, Duration.ofSeconds(20)));

        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(error.effectMayExist()).isTrue();
        assertThat(((TransactionOutcomeUnknownException) error).hash()).isEqualTo(tx.hash());
        assertThat(node.calls("isKnown")).isZero();
    }

    @Test
    void awaitPassesTheGatewaysOwnOutcomeUnknownOnWhileTheTransactionMayStillCommit() {
        SubmittedTransaction tx = submit("order");
        TransactionOutcomeUnknownException timedOut = new TransactionOutcomeUnknownException(tx.hash(), "20 s", null);
        node.await = hash -> CompletableFuture.failedFuture(timedOut);

        assertThat(failure(submitter.awaitOutcome(tx, Duration.ofSeconds(20)))).isSameAs(timedOut);
    }

    @Test
    void awaitEndingInAnOnChainProofOfExpiryPassesItOnAndFreesTheNumber() {
        node.chainTimeMicros = () -> clock.millis() * 1000;
        SubmittedTransaction tx = submit("order");
        node.known.clear(); // dropped from the mempool
        clock.advance(Duration.ofSeconds(60));
        TransactionRejectedException proof = new TransactionRejectedException(404, "transaction_not_found", 6L,
                "expired at chain time");
        node.await = hash -> CompletableFuture.failedFuture(proof);

        KanaException error = failure(submitter.awaitOutcome(tx, Duration.ofSeconds(5)));
        SubmittedTransaction next = submit("again");

        assertThat(error).isSameAs(proof);
        assertThat(error.effectMayExist()).isFalse();
        assertThat(next.sequenceNumber()).isEqualTo(42); // the node never committed 42
        assertThat(node.calls("sequenceNumber")).isEqualTo(2);
    }

    @Test
    void awaitNeverConcludesNotExecutedFromTheLocalClock() {
        SubmittedTransaction tx = submit("order");
        node.known.clear(); // a lagging node: it has not seen the transaction yet
        node.await = hash -> CompletableFuture.failedFuture(new TimeoutException("not found"));
        clock.advance(Duration.ofMinutes(10)); // far past the expiry by the local clock

        KanaException error = failure(submitter.awaitOutcome(tx, Duration.ofSeconds(5)));

        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(error.effectMayExist()).isTrue();
        assertThat(((TransactionOutcomeUnknownException) error).hash()).isEqualTo(tx.hash());
        assertThat(submit("next").sequenceNumber()).as("42 stays reserved").isEqualTo(43);
    }

    @Test
    void anAcceptanceNamingAnotherHashIsOutcomeUnknownWithTheLocalHash() {
        submit("warm-up");
        String foreign = "0x" + "ab".repeat(32);
        // The node client checks the 202 answer against the transaction sent; one naming another transaction
        // reaches the submitter as what it proves: nothing, the answer is as good as lost.
        for (int i = 0; i < SETTINGS.submitAttempts(); i++) {
            node.then(signed -> CompletableFuture.failedFuture(new TransactionOutcomeUnknownException(signed.hash(),
                    "the node's acceptance (HTTP 202) names another transaction (" + foreign + ")", null)));
        }

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));

        assertThat(error).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(((TransactionOutcomeUnknownException) error).hash()).isEqualTo(node.submitted().get(1).hash())
                .isNotEqualTo(foreign);
        assertThat(node.submitted().subList(1, node.submitted().size())).as("only the identical bytes are sent again")
                .hasSize(SETTINGS.submitAttempts()).extracting(SignedTransaction::hash).containsOnly(node.submitted().get(1).hash());
        assertThat(node.calls("isKnown")).isEqualTo(1);
        assertThat(submit("next").sequenceNumber()).as("43 stays reserved").isEqualTo(44);
    }

    @Test
    void aNodeOnAnotherChainGetsNothingSigned() {
        submitter = submitter(SETTINGS.withExpectedChainId(1)); // the fake node reports chain id 2

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));

        assertThat(error).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("chain id 2")
                .hasMessageContaining("chain id 1");
        assertThat(error.effectMayExist()).isFalse();
        assertThat(signing.signed()).isEmpty();
        assertThat(node.calls("submit")).isZero();
    }

    @Test
    void aFailingSignerIsASignerErrorThatSentNothing() {
        submit("warm-up");
        wallet.failWith(new IllegalStateException("the HSM did not answer"));

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "hsm down")));

        assertThat(error).isInstanceOf(SignerException.class).hasMessageContaining("nothing was sent (sign)")
                .hasMessageContaining("the HSM did not answer");
        assertThat(((SignerException) error).stage()).isEqualTo("sign");
        assertThat(error.effectMayExist()).isFalse();
        assertThat(node.calls("submit")).isEqualTo(1);
        wallet.failWith(null);
        assertThat(submit("next").sequenceNumber()).isEqualTo(43);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"chainId", "gasUnitPrice", "moduleAbi"})
    void aFailingReadBeforeSigningSaysNothingWasSent(String read) {
        CompletableFuture<?> failed = CompletableFuture.failedFuture(
                new KanaTransportException(read, "HTTP 500 after 3 attempts", null));
        switch (read) {
            case "chainId" -> node.nextChainIdAnswer = failed.thenApply(x -> 0);
            case "gasUnitPrice" -> node.nextGasAnswer = failed.thenApply(x -> 0L);
            default -> node.nextAbiAnswer = failed.thenApply(x -> null);
        }

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "order")));

        assertThat(error).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("nothing was sent")
                .hasMessageContaining("HTTP 500");
        assertThat(error.effectMayExist()).isFalse();
        assertThat(node.calls("submit")).isZero();
    }

    // ---- helpers ----

    private AptosTransactionSubmitter submitter(SubmitterSettings settings) {
        return new AptosTransactionSubmitter(wallet, node, signing, settings, scheduler, clock);
    }

    private SubmittedTransaction submit(String orderId) {
        return submit(payload("0x1::perps::place", orderId));
    }

    private SubmittedTransaction submit(EntryFunctionPayload payload) {
        return submitter.submit(payload).join();
    }

    static EntryFunctionPayload payload(String function, String orderId) {
        return new EntryFunctionPayload(function, List.of(), List.of(orderId));
    }

    static KanaException failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(KanaException.class);
            return (KanaException) e.getCause();
        }
        throw new AssertionError("expected a failure, got " + future.join());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
