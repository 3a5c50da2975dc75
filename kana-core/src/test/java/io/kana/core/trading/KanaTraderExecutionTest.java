package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.done;
import static io.kana.core.trading.TraderFixture.failure;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Simulation, submission and waiting: what is submitted when, and what each failure means. */
class KanaTraderExecutionTest {

    static final LimitOrderRequest ORDER = LimitOrderRequest.of(MarketId.of(1338), Side.LONG, Direction.OPEN,
            new BigDecimal("1.5"), new BigDecimal("5.7"), 2);
    static final EntryFunctionPayload PAYLOAD =
            kana("place_limit_order", "1338", "true", "false", "1500", "5700", "2", "0", "0", "0");

    final TraderFixture f = new TraderFixture().answering(PAYLOAD);

    CompletableFuture<TradeResult> place(Execution execution) {
        return f.trader.withExecution(execution).placeLimitOrder(ORDER);
    }

    @Test
    void simulatesBeforeSubmittingWhenAsked() throws Exception {
        TradeResult result = done(place(Execution.awaitCommit(Duration.ofSeconds(5)).simulatingFirst()));

        assertThat(f.submitter.simulated).containsExactly(PAYLOAD);
        assertThat(f.submitter.submitted).containsExactly(PAYLOAD);
        assertThat(f.submitter.awaitTimeouts).containsExactly(Duration.ofSeconds(5));
        assertThat(result.committed()).isTrue();
    }

    @Test
    void aSimulatedAbortFailsTheOperationAndNothingIsSubmitted() {
        f.submitter.onSimulate = p -> CompletableFuture.completedFuture(FakeSubmitter.abort(FakeSubmitter.hash(0)));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY.simulatingFirst()));

        assertThat(failure).isInstanceOf(TransactionFailedException.class).hasMessageContaining("EINSUFFICIENT_MARGIN");
        TransactionFailedException failed = (TransactionFailedException) failure;
        assertThat(failed.outcome().moveAbort().codeName()).isEqualTo("EINSUFFICIENT_MARGIN");
        assertThat(failed.effectMayExist()).isFalse();
        assertThat(f.submitter.simulated).hasSize(1);
        assertThat(f.submitter.submitted).isEmpty();
    }

    @Test
    void aSimulationThatCannotRunFailsTheOperationAndNothingIsSubmitted() {
        f.submitter.onSimulate = p -> CompletableFuture.failedFuture(
                new KanaTransportException("simulate", "connection refused", null));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY.simulatingFirst()));

        assertThat(failure).isInstanceOf(KanaTransportException.class);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.submitter.submitted).isEmpty();
    }

    @Test
    void aSimulationNeverHasAnEffectEvenIfTheSubmitterCallsItsOutcomeUnknown() {
        f.submitter.onSimulate = p -> CompletableFuture.failedFuture(
                new TransactionOutcomeUnknownException(FakeSubmitter.hash(0), "timed out", null));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY.simulatingFirst()));

        assertThat(failure).isInstanceOf(KanaTransportException.class).hasMessageContaining("timed out");
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.submitter.submitted).isEmpty();
    }

    @Test
    void aSimulatorThatThrowsOrAnswersNothingFailsTheOperationBeforeSubmitting() {
        f.submitter.onSimulate = p -> {
            throw new IllegalStateException("simulator bug");
        };
        assertThat(failure(place(Execution.SUBMIT_ONLY.simulatingFirst())))
                .isInstanceOf(KanaTransportException.class).hasMessageContaining("simulator bug");

        f.submitter.onSimulate = p -> null;
        assertThat(failure(place(Execution.SUBMIT_ONLY.simulatingFirst())))
                .isInstanceOf(KanaTransportException.class).hasMessageContaining("no simulated outcome");
        assertThat(f.submitter.submitted).isEmpty();
    }

    @Test
    void aCommittedAbortFailsTheOperationWithItsMoveAbort() {
        f.submitter.onAwait = (tx, timeout) -> CompletableFuture.failedFuture(
                new TransactionFailedException(FakeSubmitter.abort(tx.hash())));

        Throwable failure = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));

        assertThat(failure).isInstanceOf(TransactionFailedException.class);
        TransactionOutcome outcome = ((TransactionFailedException) failure).outcome();
        assertThat(outcome.hash()).isEqualTo(FakeSubmitter.hash(7));
        assertThat(outcome.moveAbort().code()).isEqualTo(0x10004);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void anUnsuccessfulOutcomeReportedAsAValueIsStillAFailure() {
        f.submitter.onAwait = (tx, timeout) -> CompletableFuture.completedFuture(FakeSubmitter.abort(tx.hash()));

        Throwable failure = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));

        assertThat(failure).isInstanceOf(TransactionFailedException.class);
        assertThat(((TransactionFailedException) failure).outcome().moveAbort()).isNotNull();
    }

    @Test
    void aTimeoutWhileWaitingLeavesTheEffectPossible() {
        f.submitter.onAwait = (tx, timeout) -> CompletableFuture.failedFuture(
                new TransactionOutcomeUnknownException(tx.hash(), "not committed within " + timeout, null));

        Throwable failure = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));

        assertThat(failure).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(((TransactionOutcomeUnknownException) failure).hash()).isEqualTo(FakeSubmitter.hash(7));
        assertThat(((KanaException) failure).effectMayExist()).isTrue();
    }

    @Test
    void anyOtherErrorWhileWaitingMakesTheOutcomeUnknownUnderTheTransactionsHash() {
        f.submitter.onAwait = (tx, timeout) -> CompletableFuture.failedFuture(
                new KanaTransportException("transactions/by_hash", "connection reset", null));

        Throwable failure = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));

        assertThat(failure).isInstanceOf(TransactionOutcomeUnknownException.class).hasMessageContaining("connection reset")
                .hasCauseInstanceOf(KanaTransportException.class);
        assertThat(((TransactionOutcomeUnknownException) failure).hash()).isEqualTo(FakeSubmitter.hash(7));
        assertThat(((KanaException) failure).effectMayExist()).isTrue();
    }

    @Test
    void aWaiterThatThrowsOrAnswersNothingLeavesTheOutcomeUnknown() {
        f.submitter.onAwait = (tx, timeout) -> {
            throw new IllegalStateException("waiter bug");
        };
        Throwable thrown = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));
        assertThat(thrown).isInstanceOf(TransactionOutcomeUnknownException.class);
        assertThat(((KanaException) thrown).effectMayExist()).isTrue();

        f.submitter.onAwait = (tx, timeout) -> null;
        Throwable nothing = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));
        assertThat(nothing).isInstanceOf(TransactionOutcomeUnknownException.class).hasMessageContaining("no outcome");
        assertThat(((KanaException) nothing).effectMayExist()).isTrue();
    }

    @Test
    void anExpiredTransactionReportedWhileWaitingStaysADefiniteRejection() {
        f.submitter.onAwait = (tx, timeout) -> CompletableFuture.failedFuture(
                new TransactionRejectedException(404, "transaction_not_found", null, "expired and discarded"));

        Throwable failure = failure(place(Execution.awaitCommit(Duration.ofSeconds(5))));

        assertThat(failure).isInstanceOf(TransactionRejectedException.class);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
    }

    @Test
    void aRejectionByTheNodeIsDefinite() {
        f.submitter.onSubmit = p -> CompletableFuture.failedFuture(
                new TransactionRejectedException(400, "sequence_number_too_old", 3L, "SEQUENCE_NUMBER_TOO_OLD"));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY));

        assertThat(failure).isInstanceOf(TransactionRejectedException.class);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.submitter.awaited).isEmpty();
    }

    @Test
    void aSubmitterThatRefusesToEncodeThePayloadSentNothing() {
        f.submitter.onSubmit = p -> CompletableFuture.failedFuture(
                new InvalidRequestException("functionArguments", "argument 4 is not a u64"));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY));

        assertThat(failure).isInstanceOf(InvalidRequestException.class);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
    }

    @Test
    void aSubmitErrorThatDoesNotSayWhetherTheNodeGotItLeavesTheOutcomeUnknown() {
        f.submitter.onSubmit = p -> CompletableFuture.failedFuture(
                new KanaTransportException("transactions", "read timed out", null));

        Throwable failure = failure(place(Execution.SUBMIT_ONLY));

        assertThat(failure).isInstanceOf(TransactionOutcomeUnknownException.class)
                .hasMessageContaining("read timed out").hasMessageContaining("place_limit_order")
                .hasCauseInstanceOf(KanaTransportException.class);
        assertThat(((KanaException) failure).effectMayExist()).isTrue();
    }

    @Test
    void anUnknownOutcomeReportedBySubmitIsPassedOn() {
        TransactionOutcomeUnknownException unknown =
                new TransactionOutcomeUnknownException(FakeSubmitter.hash(7), "submit answer lost", null);
        f.submitter.onSubmit = p -> CompletableFuture.failedFuture(unknown);

        assertThat(failure(place(Execution.SUBMIT_ONLY))).isSameAs(unknown);
    }

    @Test
    void aSubmitterThatThrowsOrAnswersNothingLeavesTheOutcomeUnknown() {
        f.submitter.onSubmit = p -> {
            throw new IllegalStateException("submitter bug");
        };
        Throwable thrown = failure(place(Execution.SUBMIT_ONLY));
        assertThat(thrown).isInstanceOf(TransactionOutcomeUnknownException.class).hasMessageContaining("submitter bug");
        assertThat(((KanaException) thrown).effectMayExist()).isTrue();

        f.submitter.onSubmit = p -> null;
        Throwable nothing = failure(place(Execution.SUBMIT_ONLY));
        assertThat(nothing).isInstanceOf(TransactionOutcomeUnknownException.class)
                .hasMessageContaining("no transaction");
        assertThat(((KanaException) nothing).effectMayExist()).isTrue();
    }

    @Test
    void aFailingPayloadPortFailsBeforeAnythingIsSubmitted() {
        f.payloads.answer = () -> {
            throw new KanaApiException("placeLimitOrder", 400, "Insufficient balance");
        };
        Throwable api = failure(place(Execution.SUBMIT_ONLY));
        assertThat(api).isInstanceOf(KanaApiException.class).hasMessageContaining("Insufficient balance");
        assertThat(((KanaException) api).effectMayExist()).isFalse();

        f.payloads.answer = () -> {
            throw new IllegalStateException("adapter bug");
        };
        Throwable bug = failure(place(Execution.SUBMIT_ONLY));
        assertThat(bug).isInstanceOf(KanaTransportException.class).hasMessageContaining("adapter bug")
                .hasMessageContaining("place_limit_order");
        assertThat(((KanaException) bug).effectMayExist()).isFalse();

        f.payloads.answer = () -> null;
        Throwable none = failure(place(Execution.SUBMIT_ONLY));
        assertThat(none).isInstanceOf(KanaDecodingException.class).hasMessageContaining("no payload");

        f.assertNothingSubmitted();
    }

    @Test
    void anExecutorThatRejectsWorkFailsTheOperationBeforeSubmitting() {
        KanaTrader trader = KanaTrader.builder().markets(f.markets).payloads(f.payloads).submitter(f.submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).executor(task -> {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                }).build();

        Throwable failure = failure(trader.placeLimitOrder(ORDER));

        assertThat(failure).isInstanceOf(KanaTransportException.class).hasMessageContaining("shut down");
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        f.assertNothingSubmitted();
    }

    @Test
    void joinReturnsTheResultOrThrowsTheKanaExceptionItself() {
        TradeResult result = KanaTrader.join(place(Execution.SUBMIT_ONLY));
        assertThat(result.sequenceNumber()).isEqualTo(BigInteger.valueOf(7));

        TransactionRejectedException rejected = new TransactionRejectedException(400, "x", null, "no");
        f.submitter.onSubmit = p -> CompletableFuture.failedFuture(rejected);
        assertThatThrownBy(() -> KanaTrader.join(place(Execution.SUBMIT_ONLY))).isSameAs(rejected);

        IllegalStateException other = new IllegalStateException("not ours");
        assertThatThrownBy(() -> KanaTrader.join(CompletableFuture.failedFuture(other)))
                .isInstanceOf(CompletionException.class).hasCause(other);
    }

    @Test
    void withExecutionLeavesTheOriginalTraderAsItWas() {
        KanaTrader submitOnly = f.trader.withExecution(Execution.SUBMIT_ONLY);

        assertThat(submitOnly.execution()).isEqualTo(Execution.SUBMIT_ONLY);
        assertThat(f.trader.execution()).isEqualTo(Execution.awaitCommit(KanaTrader.DEFAULT_COMMIT_TIMEOUT));
        assertThatThrownBy(() -> f.trader.withExecution(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sequenceNumbersOfSuccessiveOperationsComeFromTheSubmitter() throws Exception {
        TradeResult first = done(place(Execution.SUBMIT_ONLY));
        TradeResult second = done(place(Execution.SUBMIT_ONLY));

        assertThat(first.sequenceNumber()).isEqualTo(BigInteger.valueOf(7));
        assertThat(second.sequenceNumber()).isEqualTo(BigInteger.valueOf(8));
        assertThat(f.submitter.submitted).hasSize(2);
        assertThat(f.submitter.awaited).extracting(SubmittedTransaction::hash).isEmpty();
    }
}
