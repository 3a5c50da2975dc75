package io.kana.core.trading;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OperationContract;
import io.kana.core.contract.Parameter;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.OrderType;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Trades on Kana Perps with one wallet: the twelve write operations, each run as
 * <ol>
 *   <li>validate the request against the market's rules (fetched once per market and kept): whole
 *       lots within the market's limits, whole ticks, leverage up to the maximum;</li>
 *   <li>fetch the entry-function payload from the trade API;</li>
 *   <li>check the payload with the {@link PayloadPolicy}: Kana's module, the operation's function
 *       as the {@link KanaContract} names it, and exactly the arguments the contract's parameters ask
 *       for, taken from the request by source name and scaled to lots, ticks and quote subunits;</li>
 *   <li>before the first signature of each operation and function: ask the chain
 *       ({@link ModuleInterfaces}) whether that function has the contract's parameter types, and
 *       refuse with {@link io.kana.core.error.ContractMismatchException} if not;</li>
 *   <li>optionally simulate it; then sign and submit it; optionally wait for the commit
 *       (see {@link Execution}).</li>
 * </ol>
 * Nothing is signed unless every check before it passed.
 *
 * <p>Every operation returns at once. Its future completes with a {@link TradeResult}, or
 * exceptionally with a {@link KanaException} (not wrapped); {@link KanaException#effectMayExist()}
 * says whether the transaction may still have taken effect. To block, use {@link #join}.
 *
 * <p>The market and payload ports are blocking: they run on the trader's {@link Executor}. The
 * submitter's futures are composed without blocking. Instances are immutable and thread-safe.
 *
 * <p>Every operation's future completes, whatever the ports do:
 * <ul>
 *   <li>when waiting for the commit, by the {@link Execution#timeout()} counted from the call: with
 *       {@link TransactionNotSentException} if nothing was signed by then, else with the outcome or
 *       {@link TransactionOutcomeUnknownException};</li>
 *   <li>on {@link #close()}, the same way;</li>
 *   <li>{@link CompletableFuture#cancel cancel} stops an operation only before it is signed (the
 *       future then reports a cancellation: nothing was sent); once signed, {@code cancel} returns
 *       false and the future goes on to report the outcome.</li>
 * </ul>
 * At most {@value #MAX_IN_FLIGHT} operations are in flight at once; more are refused with
 * {@link TransactionNotSentException} rather than queued without end.
 */
public final class KanaTrader implements AutoCloseable {

    /** Waiting for the commit this long is the default execution. */
    public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(30);
    /** USDC, the collateral of Kana Perps, has 6 decimals. */
    public static final int DEFAULT_COLLATERAL_DECIMALS = 6;
    /** Most operations in flight at once, shared by a trader and its {@link #withExecution} copies. */
    public static final int MAX_IN_FLIGHT = 10_000;
    /** With {@link PayloadSource#VERIFIED_LOCAL}, one order in this many per operation is compared again. */
    public static final int DEFAULT_RECHECK_EVERY = 100;
    /** Threads of the default executor for the blocking ports. */
    static final int DEFAULT_THREADS = 32;

    // Source names of the contract's grammar that several operations offer.
    private static final String SENDER = "sender";
    private static final String MARKET_ID = "marketId";
    private static final String SIDE = "side";
    private static final String DIRECTION = "direction";
    private static final String SIZE = "size@lots";
    private static final String PRICE = "price@ticks";
    private static final String LEVERAGE = "leverage";
    private static final String RESTRICTION = "restriction";
    private static final String TAKE_PROFIT = "takeProfit@triggerTicks";
    private static final String STOP_LOSS = "stopLoss@triggerTicks";
    private static final String AMOUNT = "amount@quoteUnits";

    private final TransactionPayloads payloads;
    private final TransactionSubmitter submitter;
    private final PayloadSourcing sourcing;
    private final OrderGate gate;
    private final KillSwitch killSwitch;
    private final KanaContract contract;
    private final DriftGuard driftGuard;
    private final Execution execution;
    private final int collateralDecimals;
    private final MarketRulesCache rules;
    private final Flights flights;
    private final TradeListener listener;

    private KanaTrader(TransactionPayloads payloads, TransactionSubmitter submitter, PayloadSourcing sourcing,
            OrderGate gate, KillSwitch killSwitch, KanaContract contract, DriftGuard driftGuard, Execution execution,
            int collateralDecimals, MarketRulesCache rules, Flights flights, TradeListener listener) {
        this.payloads = payloads;
        this.submitter = submitter;
        this.sourcing = sourcing;
        this.gate = gate;
        this.killSwitch = killSwitch;
        this.contract = contract;
        this.driftGuard = driftGuard;
        this.execution = execution;
        this.collateralDecimals = collateralDecimals;
        this.rules = rules;
        this.flights = flights;
        this.listener = listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The contract this trader's payloads are checked against. */
    public KanaContract contract() {
        return contract;
    }

    /** Where this trader's payloads come from. */
    public PayloadSource payloadSource() {
        return sourcing.source();
    }

    /**
     * The operations whose payloads fell back from {@link PayloadSource#VERIFIED_LOCAL} to the trade
     * API, oldest first (its size is the fallback count); empty in the other modes.
     */
    public List<PayloadFallback> payloadFallbacks() {
        return sourcing.fallbacks();
    }

    /** How many payloads this trader (and its copies) built locally instead of asking the trade API. */
    public long localPayloads() {
        return sourcing.localBuilds();
    }

    /** How this trader runs its transactions. */
    public Execution execution() {
        return execution;
    }

    /**
     * The rules of a market as this trader checks requests against them: fetched once and kept.
     * Blocks on the first call for a market.
     */
    public MarketRules rules(MarketId marketId) {
        return join(rules.rules(required(marketId, "marketId")));
    }

    /** A trader like this one (same ports, same market rules) that runs transactions as {@code value} says. */
    public KanaTrader withExecution(Execution value) {
        return new KanaTrader(payloads, submitter, sourcing, gate, killSwitch, contract, driftGuard,
                Objects.requireNonNull(value, "execution"), collateralDecimals, rules, flights, listener);
    }

    /** Moves {@code amount} quote coins (USDC) from the wallet into its trading account. */
    public CompletableFuture<TradeResult> deposit(BigDecimal amount) {
        return trade(TradeOperation.DEPOSIT, () -> {
            AccountAddress wallet = submitter.sender();
            return new Plan(null, r -> Map.of(SENDER, wallet,
                    AMOUNT, MarketRules.quoteUnits(amount, collateralDecimals)),
                    () -> payloads.deposit(wallet, amount));
        });
    }

    /** Moves {@code amount} quote coins from the trading account of a market back to the wallet. */
    public CompletableFuture<TradeResult> withdraw(MarketId marketId, BigDecimal amount) {
        return trade(TradeOperation.WITHDRAW, () -> {
            AccountAddress wallet = submitter.sender();
            return new Plan(required(marketId, "marketId"), r -> Map.of(SENDER, wallet, MARKET_ID, id(marketId),
                    AMOUNT, r.quoteUnits(amount)), () -> payloads.withdraw(wallet, marketId, amount));
        });
    }

    /** Places a limit order. */
    public CompletableFuture<TradeResult> placeLimitOrder(LimitOrderRequest request) {
        return trade(TradeOperation.PLACE_LIMIT_ORDER, () -> new Plan(admitted(request).marketId(), r -> {
            r.checkLeverage(request.leverage());
            Map<String, Object> values = market(request.marketId());
            values.put(SIDE, request.side().tradeSide());
            values.put(DIRECTION, request.direction().wireValue());
            values.put(SIZE, r.lots(request.size()));
            values.put(PRICE, r.ticks(request.price()));
            values.put(LEVERAGE, request.leverage());
            values.put(RESTRICTION, request.restriction().code());
            values.put(TAKE_PROFIT, r.triggerTicks("takeProfit", request.takeProfit()));
            values.put(STOP_LOSS, r.triggerTicks("stopLoss", request.stopLoss()));
            return values;
        }, () -> payloads.placeLimitOrder(request)));
    }

    /** Places a market order. */
    public CompletableFuture<TradeResult> placeMarketOrder(MarketOrderRequest request) {
        return trade(TradeOperation.PLACE_MARKET_ORDER, () -> new Plan(admitted(request).marketId(), r -> {
            r.checkLeverage(request.leverage());
            Map<String, Object> values = market(request.marketId());
            values.put(SIDE, request.side().tradeSide());
            values.put(DIRECTION, request.direction().wireValue());
            values.put(SIZE, r.lots(request.size()));
            values.put(LEVERAGE, request.leverage());
            values.put(TAKE_PROFIT, r.triggerTicks("takeProfit", request.takeProfit()));
            values.put(STOP_LOSS, r.triggerTicks("stopLoss", request.stopLoss()));
            return values;
        }, () -> payloads.placeMarketOrder(request)));
    }

    /** Places several orders of one market in one transaction. */
    public CompletableFuture<TradeResult> placeMultipleOrders(MultipleOrdersRequest request) {
        return trade(TradeOperation.PLACE_MULTIPLE_ORDERS, () -> new Plan(admitted(request).marketId(), r -> {
            Map<String, Object> values = market(request.marketId());
            batch(values, r, request.orders(), request.restriction());
            return values;
        }, () -> payloads.placeMultipleOrders(request)));
    }

    /** Cancels several orders of one market in one transaction. */
    public CompletableFuture<TradeResult> cancelMultipleOrders(CancelOrdersRequest request) {
        return trade(TradeOperation.CANCEL_MULTIPLE_ORDERS, () -> new Plan(required(request, "request").marketId(), r -> {
            Map<String, Object> values = market(request.marketId());
            cancellations(values, request.orders());
            return values;
        }, () -> payloads.cancelMultipleOrders(request)));
    }

    /**
     * Cancels some orders and places others in one market, in one transaction. Kana's API refuses a
     * cancel-and-place with nothing to cancel, so a request whose cancel list is empty runs as
     * {@link #placeMultipleOrders} (and one with nothing to place as {@link #cancelMultipleOrders});
     * {@link TradeResult#operation()} says which ran.
     */
    public CompletableFuture<TradeResult> cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request) {
        if (request != null && request.toCancel().isEmpty()) {
            return placeMultipleOrders(new MultipleOrdersRequest(request.marketId(), request.toPlace(),
                    request.restriction()));
        }
        if (request != null && request.toPlace().isEmpty()) {
            return cancelMultipleOrders(new CancelOrdersRequest(request.marketId(), request.toCancel()));
        }
        return trade(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS,
                () -> new Plan(admitted(request).marketId(), r -> {
                    Map<String, Object> values = market(request.marketId());
                    cancellations(values, request.toCancel());
                    batch(values, r, request.toPlace(), request.restriction());
                    return values;
                }, () -> payloads.cancelAndPlaceMultipleOrders(request)));
    }

    /** Sets the take-profit trigger price of the position on {@code side}; zero for none, as in an order. */
    public CompletableFuture<TradeResult> updateTakeProfit(MarketId marketId, Side side, BigDecimal price) {
        return trade(TradeOperation.UPDATE_TAKE_PROFIT, () -> new Plan(required(marketId, "marketId"), r -> {
            Map<String, Object> values = market(marketId);
            values.put(SIDE, required(side, "side").tradeSide());
            values.put(TAKE_PROFIT, r.triggerTicks("takeProfit", required(price, "takeProfit")));
            return values;
        }, () -> payloads.updateTakeProfit(marketId, side, price)));
    }

    /** Sets the stop-loss trigger price of the position on {@code side}; zero for none, as in an order. */
    public CompletableFuture<TradeResult> updateStopLoss(MarketId marketId, Side side, BigDecimal price) {
        return trade(TradeOperation.UPDATE_STOP_LOSS, () -> new Plan(required(marketId, "marketId"), r -> {
            Map<String, Object> values = market(marketId);
            values.put(SIDE, required(side, "side").tradeSide());
            values.put(STOP_LOSS, r.triggerTicks("stopLoss", required(price, "stopLoss")));
            return values;
        }, () -> payloads.updateStopLoss(marketId, side, price)));
    }

    /** Adds {@code amount} quote coins of margin to the position on {@code side}. */
    public CompletableFuture<TradeResult> addMargin(MarketId marketId, Side side, BigDecimal amount) {
        return trade(TradeOperation.ADD_MARGIN, () -> new Plan(required(marketId, "marketId"), r -> {
            Map<String, Object> values = market(marketId);
            values.put(SIDE, required(side, "side").tradeSide());
            values.put(AMOUNT, r.quoteUnits(amount));
            return values;
        }, () -> payloads.addMargin(marketId, side, amount)));
    }

    /** Closes the positions of a market. */
    public CompletableFuture<TradeResult> collapsePosition(MarketId marketId) {
        return trade(TradeOperation.COLLAPSE_POSITION, () -> new Plan(required(marketId, "marketId"),
                r -> market(marketId), () -> payloads.collapsePosition(marketId)));
    }

    /** Releases the unsettled profit and loss of a market to the trading account. */
    public CompletableFuture<TradeResult> settlePnl(MarketId marketId) {
        return trade(TradeOperation.SETTLE_PNL, () -> {
            AccountAddress wallet = submitter.sender();
            return new Plan(required(marketId, "marketId"), r -> market(marketId),
                    () -> payloads.settlePnl(wallet, marketId));
        });
    }

    /**
     * Refuses new operations from now on and completes every outstanding one (of this trader and
     * its copies): with {@link TransactionNotSentException} where nothing was signed yet, else with
     * {@link TransactionOutcomeUnknownException} (under its hash once known). Idempotent.
     */
    @Override
    public void close() {
        flights.close();
    }

    /**
     * Halts trading: from now on every new order of this trader and its copies is refused with
     * {@link io.kana.core.error.RiskLimitException} (limit {@code halted}) before any request; then
     * every open order of the wallet on every market is cancelled, in as few transactions as the
     * batch limit allows, each awaited. Cancels and position changes other than new orders still go
     * through. The future completes with what was cancelled and what could not be.
     *
     * @param reason why, for the log and the refusals
     */
    public CompletableFuture<HaltReport> halt(String reason) {
        Objects.requireNonNull(reason, "reason");
        Duration timeout = execution.timeout() != null ? execution.timeout() : DEFAULT_COMMIT_TIMEOUT;
        return killSwitch.halt(reason, withExecution(Execution.awaitCommit(timeout)), submitter.sender());
    }

    /** Why trading is halted, or empty while it is not. */
    public java.util.Optional<String> haltReason() {
        return java.util.Optional.ofNullable(killSwitch.haltReason());
    }

    /** Takes new orders again after a {@link #halt}. */
    public void resume() {
        killSwitch.resume();
    }

    /**
     * Waits for {@code future} and returns its value; if it failed with a {@link KanaException},
     * throws that exception itself rather than the {@link CompletionException} around it.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KanaException kana) {
                throw kana;
            }
            throw e;
        }
    }

    /**
     * What an operation needs once its request is known to be well formed.
     *
     * @param marketId the market whose rules apply, or null (deposit)
     * @param values   the request's values by source name (see the contract's grammar), scaled by the
     *                 market's rules (given null for a deposit); throws {@link InvalidRequestException}
     *                 for bad input
     * @param fetch    fetches the payload from the trade API (blocking)
     */
    private record Plan(MarketId marketId, Function<MarketRules, Map<String, Object>> values,
            Supplier<EntryFunctionPayload> fetch) {}

    /** The arguments the contract's parameters ask for, in order. */
    private static List<Object> expectedArguments(OperationContract operation, Map<String, Object> values) {
        List<Object> expected = new ArrayList<>(operation.parameters().size());
        for (Parameter parameter : operation.parameters()) {
            Object value = values.get(parameter.qualifiedSource());
            if (value == null) {
                // The contract's parser admits only the sources each operation's request offers.
                throw new IllegalStateException(operation.operation() + " offers no " + parameter.qualifiedSource());
            }
            expected.add(value);
        }
        return expected;
    }

    private CompletableFuture<TradeResult> trade(TradeOperation operation, Supplier<Plan> plan) {
        Flight flight = new Flight(execution.timeout());
        AtomicLong submittedAt = new AtomicLong();
        flight.result.whenComplete((value, failure) -> report(operation, value, failure, submittedAt.get()));
        if (!flights.admit(flight)) {
            return flight.result;
        }
        CompletableFuture<TradeResult> pipeline;
        try {
            Plan call = plan.get();
            OperationContract terms = contract.operation(operation);
            CompletableFuture<MarketRules> marketRules = call.marketId() == null
                    ? CompletableFuture.completedFuture(null) : rules.rules(call.marketId());
            pipeline = marketRules
                    .thenApply(r -> expectedArguments(terms, call.values().apply(r)))
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

    /** The submitter's future, or a failed one if the call itself threw. */
    private static <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> async) {
        try {
            CompletableFuture<T> future = async.get();
            return future != null ? future : CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
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

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The sender and the market: the values every operation but a deposit offers. */
    private Map<String, Object> market(MarketId marketId) {
        Map<String, Object> values = new HashMap<>();
        values.put(SENDER, submitter.sender());
        values.put(MARKET_ID, id(marketId));
        return values;
    }

    /** The {@code orders.*} vectors of a batch, one element per order, and the batch's restriction. */
    private static void batch(Map<String, Object> values, MarketRules rules, List<OrderSpec> orders,
            Restriction restriction) {
        List<Object> types = new ArrayList<>();
        List<Object> sides = new ArrayList<>();
        List<Object> directions = new ArrayList<>();
        List<Object> sizes = new ArrayList<>();
        List<Object> prices = new ArrayList<>();
        List<Object> leverages = new ArrayList<>();
        List<Object> restrictions = new ArrayList<>();
        List<Object> takeProfits = new ArrayList<>();
        List<Object> stopLosses = new ArrayList<>();
        for (OrderSpec order : orders) {
            rules.checkLeverage(order.leverage());
            types.add(order.type().wireValue());
            sides.add(order.side().tradeSide());
            directions.add(order.direction().wireValue());
            sizes.add(rules.lots(order.size()));
            // A market order's price is zero (none); a limit order's must be a whole number of ticks.
            prices.add(order.type() == OrderType.LIMIT ? rules.ticks(order.price())
                    : rules.triggerTicks("price", order.price()));
            leverages.add(order.leverage());
            restrictions.add(restriction.code());
            takeProfits.add(rules.triggerTicks("takeProfit", order.takeProfit()));
            stopLosses.add(rules.triggerTicks("stopLoss", order.stopLoss()));
        }
        values.put(RESTRICTION, restriction.code());
        values.put("orders.type", types);
        values.put("orders.side", sides);
        values.put("orders.direction", directions);
        values.put("orders.size@lots", sizes);
        values.put("orders.price@ticks", prices);
        values.put("orders.leverage", leverages);
        values.put("orders.restriction", restrictions);
        values.put("orders.takeProfit@triggerTicks", takeProfits);
        values.put("orders.stopLoss@triggerTicks", stopLosses);
    }

    private static void cancellations(Map<String, Object> values, List<OrderToCancel> orders) {
        List<Object> ids = new ArrayList<>();
        List<Object> sides = new ArrayList<>();
        for (OrderToCancel order : orders) {
            ids.add(order.orderId().value());
            sides.add(order.side().tradeSide());
        }
        values.put("cancels.orderId", ids);
        values.put("cancels.side", sides);
    }

    private static BigInteger id(MarketId marketId) {
        return BigInteger.valueOf(marketId.value());
    }

    private LimitOrderRequest admitted(LimitOrderRequest request) {
        required(request, "request");
        gate.admit(List.of(new OrderGate.NewOrder(request.marketId(), request.side(), request.direction(),
                request.size(), request.price())));
        return request;
    }

    private MarketOrderRequest admitted(MarketOrderRequest request) {
        required(request, "request");
        gate.admit(List.of(new OrderGate.NewOrder(request.marketId(), request.side(), request.direction(),
                request.size(), null)));
        return request;
    }

    private MultipleOrdersRequest admitted(MultipleOrdersRequest request) {
        gate.admit(OrderGate.newOrders(required(request, "request").marketId(), request.orders()));
        return request;
    }

    private CancelAndPlaceRequest admitted(CancelAndPlaceRequest request) {
        gate.admit(OrderGate.newOrders(required(request, "request").marketId(), request.toPlace()));
        return request;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
        return value;
    }

    /** Assembles a {@link KanaTrader}. The five ports and the payload policy are required; the rest has defaults. */
    public static final class Builder {

        private Markets markets;
        private TransactionPayloads payloads;
        private TransactionSubmitter submitter;
        private ModuleInterfaces moduleInterfaces;
        private PayloadPolicy payloadPolicy;
        private KanaContract contract = KanaContract.standard();
        private Executor executor;
        private Execution execution = Execution.awaitCommit(DEFAULT_COMMIT_TIMEOUT);
        private TradeListener listener = TradeListener.NONE;
        private int collateralDecimals = DEFAULT_COLLATERAL_DECIMALS;
        private PayloadSource payloadSource = PayloadSource.TRADE_API;
        private RiskLimits riskLimits = RiskLimits.none();
        private RiskState riskState;
        private Orders orders;
        private int payloadRecheckEvery = DEFAULT_RECHECK_EVERY;
        private Consumer<PayloadFallback> onPayloadFallback = fallback -> { };

        private Builder() {}

        /** Where market rules come from. */
        public Builder markets(Markets value) {
            this.markets = value;
            return this;
        }

        /** Where payloads come from: the trade API's write endpoints. */
        public Builder payloads(TransactionPayloads value) {
            this.payloads = value;
            return this;
        }

        /** Signs, submits and follows transactions; its {@code sender()} is the trading wallet. */
        public Builder submitter(TransactionSubmitter value) {
            this.submitter = value;
            return this;
        }

        /** Where the drift guard reads the module's functions: the node's ABI. */
        public Builder moduleInterfaces(ModuleInterfaces value) {
            this.moduleInterfaces = value;
            return this;
        }

        /**
         * Which module's payloads may be signed, e.g.
         * {@code PayloadPolicy.forModule(contract.moduleId("mainnet").orElseThrow())}.
         */
        public Builder payloadPolicy(PayloadPolicy value) {
            this.payloadPolicy = value;
            return this;
        }

        /** The write contract: functions, parameters and their sources. Default {@link KanaContract#standard()}. */
        public Builder contract(KanaContract value) {
            this.contract = value;
            return this;
        }

        /**
         * Runs the blocking market and payload ports. Default: a shared pool of at most
         * {@value KanaTrader#DEFAULT_THREADS} daemon threads that lets idle threads go after a minute.
         */
        public Builder executor(Executor value) {
            this.executor = value;
            return this;
        }

        /** Default: {@link Execution#awaitCommit} with {@link #DEFAULT_COMMIT_TIMEOUT}. */
        public Builder execution(Execution value) {
            this.execution = value;
            return this;
        }

        /** Decimals of the collateral coin, for deposits. Default {@value #DEFAULT_COLLATERAL_DECIMALS} (USDC). */
        public Builder collateralDecimals(int value) {
            if (value < 0) {
                throw new InvalidRequestException("collateralDecimals", "decimals are 0 or more, got " + value);
            }
            this.collateralDecimals = value;
            return this;
        }

        /** Told how each write ends, e.g. for metrics. Default {@link TradeListener#NONE}. */
        public Builder listener(TradeListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Pre-trade limits; default {@link RiskLimits#none()}. All but the order rate need a {@link #riskState}. */
        public Builder riskLimits(RiskLimits value) {
            this.riskLimits = Objects.requireNonNull(value, "riskLimits");
            return this;
        }

        /** The account's state the risk limits read; required by all limits but the order rate. */
        public Builder riskState(RiskState value) {
            this.riskState = Objects.requireNonNull(value, "riskState");
            return this;
        }

        /** Where {@link KanaTrader#halt} reads the open orders to cancel; without it a halt only refuses new orders. */
        public Builder orders(Orders value) {
            this.orders = Objects.requireNonNull(value, "orders");
            return this;
        }

        /** Where payloads come from; default {@link PayloadSource#TRADE_API}. */
        public Builder payloadSource(PayloadSource value) {
            this.payloadSource = Objects.requireNonNull(value, "payloadSource");
            return this;
        }

        /**
         * With {@link PayloadSource#VERIFIED_LOCAL}: one order in every {@code value} of each operation
         * still takes its payload from the trade API, to compare. Default {@value #DEFAULT_RECHECK_EVERY}.
         */
        public Builder payloadRecheckEvery(int value) {
            if (value < 1) {
                throw new InvalidRequestException("payloadRecheckEvery", "one in every 1 or more, got " + value);
            }
            this.payloadRecheckEvery = value;
            return this;
        }

        /** Told of each {@link PayloadFallback} (on the thread that found it); default none. */
        public Builder onPayloadFallback(Consumer<PayloadFallback> value) {
            this.onPayloadFallback = Objects.requireNonNull(value, "onPayloadFallback");
            return this;
        }

        public KanaTrader build() {
            Executor runner = executor != null ? executor : DefaultExecutor.INSTANCE;
            PayloadPolicy policy = Objects.requireNonNull(payloadPolicy, "a payload policy is required");
            DriftGuard guard = new DriftGuard(Objects.requireNonNull(moduleInterfaces, "module interfaces are required"),
                    policy);
            if (riskLimits.needsState() && riskState == null) {
                throw new IllegalStateException("these risk limits read the account's state: set riskState(...)");
            }
            KillSwitch killSwitch = new KillSwitch(orders, runner);
            return new KanaTrader(
                    Objects.requireNonNull(payloads, "payloads are required"),
                    Objects.requireNonNull(submitter, "a submitter is required"),
                    new PayloadSourcing(payloadSource, payloadRecheckEvery, policy, guard, runner, onPayloadFallback,
                            Clock.systemUTC()),
                    new OrderGate(riskLimits, riskState, killSwitch, System::nanoTime),
                    killSwitch,
                    Objects.requireNonNull(contract, "a contract is required"),
                    guard,
                    Objects.requireNonNull(execution, "an execution is required"),
                    collateralDecimals,
                    new MarketRulesCache(Objects.requireNonNull(markets, "markets are required"), runner),
                    new Flights(),
                    listener);
        }
    }

    /** Created on first use only. */
    private static final class DefaultExecutor {

        static final ExecutorService INSTANCE = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            // A fixed number of threads: thousands of orders at once wait their turn in the queue,
            // which MAX_IN_FLIGHT bounds, instead of starting a thread each.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "kana-trader-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** Created on first use only: ends the operations whose commit timeout passed. */
    private static final class Timers {

        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "kana-trader-timer");
                thread.setDaemon(true);
                return thread;
            });
            timers.setRemoveOnCancelPolicy(true);
            return timers;
        }
    }

    /** The operations in flight of a trader and its copies, and whether it still takes new ones. */
    private static final class Flights {

        private final Set<Flight> open = ConcurrentHashMap.newKeySet();
        private final AtomicInteger count = new AtomicInteger();
        private volatile boolean closed;

        /** Whether {@code flight} may go ahead; if not, its result is already completed. */
        boolean admit(Flight flight) {
            if (closed) {
                flight.stopBeforeSigning(closedError());
                return false;
            }
            if (count.incrementAndGet() > MAX_IN_FLIGHT) {
                count.decrementAndGet();
                flight.stopBeforeSigning(new TransactionNotSentException("busy", MAX_IN_FLIGHT
                        + " operations are in flight already; try again when some have completed", null));
                return false;
            }
            open.add(flight);
            flight.result.whenComplete((value, failure) -> {
                if (open.remove(flight)) {
                    count.decrementAndGet();
                }
            });
            flight.startTimer();
            if (closed) {
                // close() ran between the check above and open.add: it may not have seen this flight.
                flight.stop("the trader was closed", closedError());
            }
            return true;
        }

        void close() {
            closed = true;
            for (Flight flight : open) {
                flight.stop("the trader was closed", closedError());
            }
        }

        private static TransactionNotSentException closedError() {
            return new TransactionNotSentException("closed", "the trader is closed", null);
        }
    }

    /**
     * One operation: whether it may still be stopped (nothing signed) and the caller's future. The
     * change from preparing to signing is atomic, so a stop and a signature never both happen.
     */
    private static final class Flight {

        private static final int PREPARING = 0;
        private static final int SIGNING = 1;
        private static final int STOPPED = 2;

        final TradeFuture result = new TradeFuture(this);
        private final AtomicInteger stage = new AtomicInteger(PREPARING);
        private final Duration timeout;
        private final long deadline;
        private volatile SubmittedTransaction submitted;

        /** {@code timeout} bounds the whole operation; null for none (submit only). */
        Flight(Duration timeout) {
            this.timeout = timeout;
            this.deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        }

        void startTimer() {
            if (timeout == null) {
                return;
            }
            ScheduledFuture<?> timer = Timers.INSTANCE.schedule(() -> stop("no outcome within the commit timeout of "
                    + timeout, new TransactionNotSentException("timeout", "the commit timeout of " + timeout
                    + " passed before the transaction was signed", null)), timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((value, failure) -> timer.cancel(false));
        }

        /** The commit timeout left, at least a millisecond. */
        Duration remaining() {
            return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        }

        void checkNotStopped() {
            if (stage.get() == STOPPED) {
                throw new TransactionNotSentException("stopped", "the operation was stopped before it was signed", null);
            }
        }

        /** Runs {@code step} only while the operation may still be stopped. */
        <T> CompletableFuture<T> beforeSigning(Supplier<CompletableFuture<T>> step) {
            if (stage.get() != PREPARING) {
                return CompletableFuture.failedFuture(
                        new TransactionNotSentException("stopped", "the operation was stopped before it was signed", null));
            }
            return step.get();
        }

        /** Submits unless the operation was stopped first; from here on it cannot be stopped. */
        CompletableFuture<SubmittedTransaction> sign(Supplier<CompletableFuture<SubmittedTransaction>> submit) {
            if (!stage.compareAndSet(PREPARING, SIGNING)) {
                return CompletableFuture.failedFuture(
                        new TransactionNotSentException("stopped", "the operation was stopped before it was signed", null));
            }
            return submit.get().whenComplete((transaction, failure) -> submitted = transaction);
        }

        /** Completes the result with {@code notSent} if nothing is signed yet; true if so. */
        boolean stopBeforeSigning(KanaException notSent) {
            if (stage.compareAndSet(PREPARING, STOPPED)) {
                result.completeExceptionally(notSent);
                return true;
            }
            return false;
        }

        /** Completes the result now: not sent, or (once signing began) outcome unknown because of {@code why}. */
        void stop(String why, KanaException notSent) {
            if (!stopBeforeSigning(notSent)) {
                SubmittedTransaction transaction = submitted;
                result.completeExceptionally(new TransactionOutcomeUnknownException(
                        transaction == null ? null : transaction.hash(), why + " after the transaction was handed to "
                        + "the submitter; look it up (by hash, or the wallet's transactions) before trying again", null));
            }
        }
    }

    /**
     * The caller's future. Cancelling it stops the operation only while nothing is signed; after
     * that {@code cancel} returns false and the future still reports the outcome.
     */
    private static final class TradeFuture extends CompletableFuture<TradeResult> {

        private final Flight flight;

        TradeFuture(Flight flight) {
            this.flight = flight;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return flight.stage.compareAndSet(Flight.PREPARING, Flight.STOPPED) && super.cancel(mayInterruptIfRunning);
        }
    }
}
