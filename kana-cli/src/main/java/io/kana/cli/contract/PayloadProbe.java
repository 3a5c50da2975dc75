package io.kana.cli.contract;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.ContractMismatchException;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.PayloadPolicy;
import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Asks the trade API for one payload of each write operation and judges it with the library's own
 * path: a {@link KanaTrader} validates the request against the market's rules, fetches the payload
 * and runs its payload check. Its submitter never signs: it only records that the trader would have
 * handed the payload over, which happens only when every check before signing passed.
 *
 * <p>The requests are harmless even if one were signed: the smallest sizes and amounts the market
 * allows, a post-only buy one tick above zero, triggers one tick above zero on the side where they
 * would never fire, and the cancellation of an order id far beyond any real one.
 */
final class PayloadProbe {

    /** 2^64 + 1: a u128 id (as real ones are) beyond any order Kana has numbered. */
    static final OrderId ABSENT_ORDER = new OrderId(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE));

    private final Markets markets;
    private final TransactionPayloads payloads;
    private final KanaContract contract;
    private final PayloadPolicy module;
    private final ModuleInterfaces chain;
    private final AccountAddress wallet;
    private final MarketId market;

    /**
     * @param contract the contract the payloads are checked against (the same one the ABI is judged by)
     * @param module   the module payloads must call
     * @param chain    the module's functions for the trader's drift guard
     * @param wallet   the wallet the payloads are built for
     * @param market   the market to ask about, or null for the first the trade API lists
     */
    PayloadProbe(Markets markets, TransactionPayloads payloads, KanaContract contract, PayloadPolicy module,
            ModuleInterfaces chain, AccountAddress wallet, MarketId market) {
        this.markets = Objects.requireNonNull(markets, "markets");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.contract = Objects.requireNonNull(contract, "contract");
        this.module = Objects.requireNonNull(module, "module");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.market = market;
    }

    /** One outcome per operation; never throws for what the trade API does. */
    Map<TradeOperation, PayloadOutcome> probeAll() {
        Map<TradeOperation, PayloadOutcome> outcomes = new EnumMap<>(TradeOperation.class);
        Market market;
        try {
            market = this.market != null ? markets.market(this.market) : firstMarket();
        } catch (KanaException | IllegalStateException e) {
            for (TradeOperation operation : TradeOperation.values()) {
                outcomes.put(operation, PayloadOutcome.failed("no market to ask about (" + e.getMessage()
                        + "); name one with --market ID"));
            }
            return outcomes;
        }
        MarketRules rules = MarketRules.of(market);
        MarketId id = market.id();
        BigDecimal size = market.sizeIncrement().multiply(new BigDecimal(market.minLots()));
        BigDecimal tick = rules.priceIncrement();
        BigDecimal amount = BigDecimal.ONE.movePointLeft(market.quoteDecimals());
        BigDecimal depositAmount = BigDecimal.ONE.movePointLeft(KanaTrader.DEFAULT_COLLATERAL_DECIMALS);
        OrderSpec restingBuy = OrderSpec.limit(Side.LONG, Direction.OPEN, size, tick, 1);
        List<OrderToCancel> absent = List.of(new OrderToCancel(ABSENT_ORDER, Side.LONG));

        probe(outcomes, TradeOperation.DEPOSIT, trader -> trader.deposit(depositAmount));
        probe(outcomes, TradeOperation.WITHDRAW, trader -> trader.withdraw(id, amount));
        probe(outcomes, TradeOperation.PLACE_LIMIT_ORDER, trader -> trader.placeLimitOrder(
                LimitOrderRequest.of(id, Side.LONG, Direction.OPEN, size, tick, 1)
                        .withRestriction(Restriction.POST_OR_ABORT)));
        probe(outcomes, TradeOperation.PLACE_MARKET_ORDER, trader -> trader.placeMarketOrder(
                MarketOrderRequest.of(id, Side.LONG, Direction.OPEN, size, 1)));
        probe(outcomes, TradeOperation.PLACE_MULTIPLE_ORDERS, trader -> trader.placeMultipleOrders(
                new MultipleOrdersRequest(id, List.of(restingBuy), Restriction.POST_OR_ABORT)));
        probe(outcomes, TradeOperation.CANCEL_MULTIPLE_ORDERS, trader -> trader.cancelMultipleOrders(
                new CancelOrdersRequest(id, absent)));
        probe(outcomes, TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS, trader -> trader.cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(id, absent, List.of(restingBuy), Restriction.POST_OR_ABORT)));
        // A short's take-profit and a long's stop-loss one tick above zero never fire.
        probe(outcomes, TradeOperation.UPDATE_TAKE_PROFIT, trader -> trader.updateTakeProfit(id, Side.SHORT, tick));
        probe(outcomes, TradeOperation.UPDATE_STOP_LOSS, trader -> trader.updateStopLoss(id, Side.LONG, tick));
        probe(outcomes, TradeOperation.ADD_MARGIN, trader -> trader.addMargin(id, Side.LONG, amount));
        probe(outcomes, TradeOperation.COLLAPSE_POSITION, trader -> trader.collapsePosition(id));
        probe(outcomes, TradeOperation.SETTLE_PNL, trader -> trader.settlePnl(id));
        return outcomes;
    }

    /** The first market the trade API lists, with its rules. */
    private Market firstMarket() {
        List<PerpetualAssetInfo> listed = markets.allPerpetualAssets();
        if (listed.isEmpty()) {
            throw new IllegalStateException("the trade API lists no markets");
        }
        return markets.market(listed.get(0).marketId());
    }

    private void probe(Map<TradeOperation, PayloadOutcome> outcomes, TradeOperation operation,
            Function<KanaTrader, CompletableFuture<TradeResult>> call) {
        NeverSigns submitter = new NeverSigns(wallet);
        KanaTrader trader = KanaTrader.builder()
                .markets(markets)
                .payloads(payloads)
                .submitter(submitter)
                .payloadPolicy(module)
                .contract(contract)
                .moduleInterfaces(chain)
                .executor(Runnable::run)
                .execution(Execution.SUBMIT_ONLY)
                .build();
        PayloadOutcome outcome;
        try {
            KanaTrader.join(call.apply(trader));
            outcome = PayloadOutcome.failed("the trader finished without handing the payload over");
        } catch (PayloadRejectedException | ContractMismatchException e) {
            outcome = PayloadOutcome.rejected(e.getMessage());
        } catch (KanaException e) {
            EntryFunctionPayload handedOver = submitter.handedOver.get();
            outcome = handedOver != null ? PayloadOutcome.agrees(handedOver.functionName())
                    : PayloadOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            outcome = PayloadOutcome.failed(String.valueOf(e));
        }
        outcomes.put(operation, outcome);
    }

    /** Records the payload the trader would have signed, and refuses to sign it. */
    private static final class NeverSigns implements TransactionSubmitter {

        private final AccountAddress sender;
        private final AtomicReference<EntryFunctionPayload> handedOver = new AtomicReference<>();

        NeverSigns(AccountAddress sender) {
            this.sender = sender;
        }

        @Override
        public AccountAddress sender() {
            return sender;
        }

        @Override
        public CompletableFuture<SubmittedTransaction> submit(EntryFunctionPayload payload) {
            handedOver.set(payload);
            return refuse();
        }

        @Override
        public CompletableFuture<TransactionOutcome> awaitOutcome(SubmittedTransaction transaction, Duration timeout) {
            return refuse();
        }

        @Override
        public CompletableFuture<TransactionOutcome> simulate(EntryFunctionPayload payload) {
            return refuse();
        }

        private static <T> CompletableFuture<T> refuse() {
            return CompletableFuture.failedFuture(new InvalidRequestException("payload",
                    "kana contract check never signs"));
        }
    }
}
