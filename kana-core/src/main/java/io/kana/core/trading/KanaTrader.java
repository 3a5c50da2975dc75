package io.kana.core.trading;

import static io.kana.core.trading.Checks.required;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.Side;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.Orders;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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
    static final int DEFAULT_THREADS = DefaultExecutor.THREADS;


    // What a caller calls reads one way: the request's values, then the pipeline, then the ports.
    private final RequestValues values;
    private final TradePipeline pipeline;
    private final KillSwitch killSwitch;

    private KanaTrader(RequestValues values, TradePipeline pipeline, KillSwitch killSwitch) {
        this.values = values;
        this.pipeline = pipeline;
        this.killSwitch = killSwitch;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The contract this trader's payloads are checked against. */
    public KanaContract contract() {
        return pipeline.contract();
    }

    /** Where this trader's payloads come from. */
    public PayloadSource payloadSource() {
        return pipeline.sourcing().source();
    }

    /**
     * The operations whose payloads fell back from {@link PayloadSource#VERIFIED_LOCAL} to the trade
     * API, oldest first (its size is the fallback count); empty in the other modes.
     */
    public List<PayloadFallback> payloadFallbacks() {
        return pipeline.sourcing().fallbacks();
    }

    /** How many payloads this trader (and its copies) built locally instead of asking the trade API. */
    public long localPayloads() {
        return pipeline.sourcing().localBuilds();
    }

    /** How this trader runs its transactions. */
    public Execution execution() {
        return pipeline.execution();
    }

    /**
     * The rules of a market as this trader checks requests against them: fetched once and kept.
     * Blocks on the first call for a market.
     */
    public MarketRules rules(MarketId marketId) {
        return join(pipeline.rules(required(marketId, "marketId")));
    }

    /** A trader like this one (same ports, same market rules) that runs transactions as {@code value} says. */
    public KanaTrader withExecution(Execution value) {
        return new KanaTrader(values, pipeline.withExecution(Objects.requireNonNull(value, "execution")), killSwitch);
    }

    /** Moves {@code amount} quote coins (USDC) from the wallet into its trading account. */
    public CompletableFuture<TradeResult> deposit(BigDecimal amount) {
        return pipeline.trade(TradeOperation.DEPOSIT, () -> values.deposit(amount));
    }

    /** Moves {@code amount} quote coins from the trading account of a market back to the wallet. */
    public CompletableFuture<TradeResult> withdraw(MarketId marketId, BigDecimal amount) {
        return pipeline.trade(TradeOperation.WITHDRAW, () -> values.withdraw(marketId, amount));
    }

    /** Places a limit order. */
    public CompletableFuture<TradeResult> placeLimitOrder(LimitOrderRequest request) {
        return pipeline.trade(TradeOperation.PLACE_LIMIT_ORDER, () -> values.placeLimitOrder(request));
    }

    /** Places a market order. */
    public CompletableFuture<TradeResult> placeMarketOrder(MarketOrderRequest request) {
        return pipeline.trade(TradeOperation.PLACE_MARKET_ORDER, () -> values.placeMarketOrder(request));
    }

    /** Places several orders of one market in one transaction. */
    public CompletableFuture<TradeResult> placeMultipleOrders(MultipleOrdersRequest request) {
        return pipeline.trade(TradeOperation.PLACE_MULTIPLE_ORDERS, () -> values.placeMultipleOrders(request));
    }

    /** Cancels several orders of one market in one transaction. */
    public CompletableFuture<TradeResult> cancelMultipleOrders(CancelOrdersRequest request) {
        return pipeline.trade(TradeOperation.CANCEL_MULTIPLE_ORDERS, () -> values.cancelMultipleOrders(request));
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
        return pipeline.trade(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS,
                () -> values.cancelAndPlaceMultipleOrders(request));
    }

    /** Sets the take-profit trigger price of the position on {@code side}; zero for none, as in an order. */
    public CompletableFuture<TradeResult> updateTakeProfit(MarketId marketId, Side side, BigDecimal price) {
        return pipeline.trade(TradeOperation.UPDATE_TAKE_PROFIT, () -> values.updateTakeProfit(marketId, side, price));
    }

    /** Sets the stop-loss trigger price of the position on {@code side}; zero for none, as in an order. */
    public CompletableFuture<TradeResult> updateStopLoss(MarketId marketId, Side side, BigDecimal price) {
        return pipeline.trade(TradeOperation.UPDATE_STOP_LOSS, () -> values.updateStopLoss(marketId, side, price));
    }

    /** Adds {@code amount} quote coins of margin to the position on {@code side}. */
    public CompletableFuture<TradeResult> addMargin(MarketId marketId, Side side, BigDecimal amount) {
        return pipeline.trade(TradeOperation.ADD_MARGIN, () -> values.addMargin(marketId, side, amount));
    }

    /** Closes the positions of a market. */
    public CompletableFuture<TradeResult> collapsePosition(MarketId marketId) {
        return pipeline.trade(TradeOperation.COLLAPSE_POSITION, () -> values.collapsePosition(marketId));
    }

    /** Releases the unsettled profit and loss of a market to the trading account. */
    public CompletableFuture<TradeResult> settlePnl(MarketId marketId) {
        return pipeline.trade(TradeOperation.SETTLE_PNL, () -> values.settlePnl(marketId));
    }

    /**
     * Refuses new operations from now on and completes every outstanding one (of this trader and
     * its copies): with {@link TransactionNotSentException} where nothing was signed yet, else with
     * {@link TransactionOutcomeUnknownException} (under its hash once known). Idempotent.
     */
    @Override
    public void close() {
        pipeline.close();
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
        Duration timeout = execution().timeout() != null ? execution().timeout() : DEFAULT_COMMIT_TIMEOUT;
        return killSwitch.halt(reason, withExecution(Execution.awaitCommit(timeout)), values.sender());
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
            // The checks run in this order so a builder missing several parts names the same one first.
            TransactionPayloads payloadPort = Objects.requireNonNull(payloads, "payloads are required");
            TransactionSubmitter wallet = Objects.requireNonNull(submitter, "a submitter is required");
            PayloadSourcing sourcing = new PayloadSourcing(payloadSource, payloadRecheckEvery, policy, guard, runner,
                    onPayloadFallback, Clock.systemUTC());
            RequestValues values = new RequestValues(payloadPort, wallet,
                    new OrderGate(riskLimits, riskState, killSwitch, System::nanoTime), collateralDecimals);
            KanaContract terms = Objects.requireNonNull(contract, "a contract is required");
            Execution runs = Objects.requireNonNull(execution, "an execution is required");
            MarketRulesCache rules = new MarketRulesCache(Objects.requireNonNull(markets, "markets are required"), runner);
            return new KanaTrader(values, new TradePipeline(terms, rules, sourcing, guard, wallet, runs,
                    new Flights(MAX_IN_FLIGHT), listener), killSwitch);
        }
    }
}
