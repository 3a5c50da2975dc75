package io.kana.core.trading;

import static io.kana.core.trading.Futures.guarded;
import static io.kana.core.trading.Futures.unwrap;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OperationContract;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketRules;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.TransactionSubmitter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs one operation's {@link RequestValues.Plan} through to its outcome: admission, market rules,
 * expected arguments, payload sourcing, the drift guard, simulation, signing and submitting, and
 * waiting for the commit; then tells the {@link TradeListener}. Immutable; copies made by
 * {@link #withExecution} share everything but the execution.
 */
final class TradePipeline {

    private final KanaContract contract;
    private final MarketRulesCache rules;
    private final PayloadSourcing sourcing;
    private final DriftGuard driftGuard;
    private final TransactionSubmitter submitter;
    private final Execution execution;
    private final Flights flights;
    private final TradeListener listener;

    TradePipeline(KanaContract contract, MarketRulesCache rules, PayloadSourcing sourcing, DriftGuard driftGuard,
            TransactionSubmitter submitter, Execution execution, Flights flights, TradeListener listener) {
        this.contract = contract;
        this.rules = rules;
        this.sourcing = sourcing;
        this.driftGuard = driftGuard;
        this.submitter = submitter;
        this.execution = execution;
        this.flights = flights;
        this.listener = listener;
    }

    KanaContract contract() {
        return contract;
    }

    PayloadSourcing sourcing() {
        return sourcing;
    }

    Execution execution() {
        return execution;
    }

    CompletableFuture<MarketRules> rules(MarketId marketId) {
        return rules.rules(marketId);
    }

    TradePipeline withExecution(Execution value) {
        return new TradePipeline(contract, rules, sourcing, driftGuard, submitter, value, flights, listener);
    }

    /** Refuses new operations and completes the outstanding ones of this pipeline and its copies. */
    void close() {
        flights.close();
    }

    /** Runs {@code operation}; {@code plan} is asked for once the operation was admitted. */
    CompletableFuture<TradeResult> trade(TradeOperation operation, Supplier<RequestValues.Plan> plan) {
        Flight flight = new Flight(execution.timeout());
        AtomicLong submittedAt = new AtomicLong();
        flight.result.whenComplete((value, failure) -> report(operation, value, failure, submittedAt.get()));
        if (!flights.admit(flight)) {
            return flight.result;
        }
        CompletableFuture<TradeResult> pipeline;
        try {
            RequestValues.Plan call = plan.get();
            OperationContract terms = contract.operation(operation);
            CompletableFuture<MarketRules> marketRules = call.marketId() == null
                    ? CompletableFuture.completedFuture(null) : rules.rules(call.marketId());
            pipeline = marketRules
                    .thenApply(r -> call.arguments(terms, r))
                    .thenCompose(expected -> sourcing.payload(terms, expected, call.fetch(), flight::checkNotStopped))
                    .thenCompose(payload -> flight.beforeSigning(() -> driftGuard.confirm(terms, payload))
                            .thenApply(confirmed -> payload))
                    .thenCompose(payload -> execution.simulateFirst()
                            ? flight.beforeSigning(() -> simulate(payload)).thenApply(ignored -> payload)
                            : CompletableFuture.completedFuture(payload))
                    .thenCompose(payload -> flight.sign(() -> {
                        submittedAt.set(System.nanoTime());
                        return submit(payload);
                    }).thenCompose(submitted -> finish(operation, payload, submitted, flight)));
        } catch (RuntimeException e) {
            pipeline = CompletableFuture.failedFuture(e);
        }
        pipeline.whenComplete((value, failure) -> {
            if (failure == null) {
                flight.result.complete(value);
            } else {
                flight.result.completeExceptionally(beforeSubmit(failure));
            }
        });
        return flight.result;
    }

    /** Tells the listener how the caller's future ended, whichever path ended it. */
    private void report(TradeOperation operation, TradeResult value, Throwable failure, long submittedAt) {
        if (failure == null) {
            listener.succeeded(operation, value.committed() ? Duration.ofNanos(System.nanoTime() - submittedAt) : null);
        } else if (unwrap(failure) instanceof KanaException error) {
            if (error.effectMayExist()) {
                listener.outcomeUnknown(operation, error);
            } else {
                listener.rejected(operation, error);
            }
        }
    }

    /** Completes normally only when the simulation succeeded; nothing was submitted either way. */
    private CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload) {
        return guarded(() -> submitter.simulate(payload)).handle((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof KanaException kana && kana.effectMayExist()) {
                    // A simulation commits nothing, whatever the submitter says.
                    throw new KanaTransportException("simulate", "the simulation's outcome is unknown: "
                            + cause.getMessage(), cause);
                }
                throw asKana(cause, "simulate");
            }
            if (outcome == null) {
                throw new KanaTransportException("simulate", "the submitter returned no simulated outcome", null);
            }
            if (!outcome.success()) {
                throw new TransactionFailedException(outcome);
            }
            return outcome;
        });
    }

    /**
     * Once {@code submit} is called, only errors that say the transaction was not executed keep
     * {@code effectMayExist} false; any other error leaves its fate unknown.
     */
    private CompletableFuture<SubmittedTransaction> submit(EntryFunctionPayload payload) {
        return guarded(() -> submitter.submit(payload)).handle((submitted, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof TransactionRejectedException || cause instanceof TransactionOutcomeUnknownException
                        || cause instanceof InvalidRequestException || cause instanceof PayloadRejectedException
                        || cause instanceof TransactionNotSentException) {
                    throw (KanaException) cause;
                }
                throw new TransactionOutcomeUnknownException(null, "submitting " + payload.function()
                        + " failed in a way that does not show whether it reached the node (" + cause
                        + "); check the wallet's transactions before retrying", cause);
            }
            if (submitted == null) {
                throw new TransactionOutcomeUnknownException(null,
                        "the submitter returned no transaction for " + payload.function(), null);
            }
            return submitted;
        });
    }

    private CompletableFuture<TradeResult> finish(TradeOperation operation, EntryFunctionPayload payload,
            SubmittedTransaction submitted, Flight flight) {
        if (!execution.awaitCommit()) {
            return CompletableFuture.completedFuture(
                    new TradeResult(operation, payload, submitted.hash(), submitted.sequenceNumber(), null));
        }
        return guarded(() -> submitter.awaitOutcome(submitted, flight.remaining())).handle((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof TransactionFailedException || cause instanceof TransactionOutcomeUnknownException
                        || cause instanceof TransactionRejectedException) {
                    throw (KanaException) cause;
                }
                throw new TransactionOutcomeUnknownException(submitted.hash(),
                        "waiting for the commit failed (" + cause + ")", cause);
            }
            if (outcome == null) {
                throw new TransactionOutcomeUnknownException(submitted.hash(), "the submitter returned no outcome", null);
            }
            if (!outcome.success()) {
                throw new TransactionFailedException(outcome);
            }
            return new TradeResult(operation, payload, submitted.hash(), submitted.sequenceNumber(), outcome);
        });
    }

    /**
     * The caller's view of a failure. The submit and commit stages translate their own errors, so
     * anything else that is not a {@link KanaException} arose before submitting.
     */
    private static KanaException beforeSubmit(Throwable failure) {
        return asKana(unwrap(failure), "trade");
    }

    private static KanaException asKana(Throwable cause, String stage) {
        return cause instanceof KanaException kana ? kana
                : new KanaTransportException(stage, "failed before anything was submitted: " + cause, cause);
    }
}
