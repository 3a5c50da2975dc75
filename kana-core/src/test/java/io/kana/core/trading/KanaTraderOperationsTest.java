package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.WALLET;
import static io.kana.core.trading.TraderFixture.done;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.trading.FakePayloads.Invocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the twelve operations asks the payload port for the right payload, accepts the payload
 * an honest API returns (arguments scaled per the wire contract) and submits it exactly once.
 */
class KanaTraderOperationsTest {

    static final MarketId APT = MarketId.of(1338);

    record Case(TradeOperation operation, Function<KanaTrader, CompletableFuture<TradeResult>> action,
            Invocation expectedCall, EntryFunctionPayload payload) {

        @Override
        public String toString() {
            return operation.toString();
        }
    }

    static Invocation call(String method, Object... arguments) {
        return new Invocation(method, Arrays.asList(arguments));
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static final LimitOrderRequest LIMIT = new LimitOrderRequest(APT, Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2,
            Restriction.POST_OR_ABORT, d("6.2"), d("5.1"));
    static final MarketOrderRequest MARKET = MarketOrderRequest.of(APT, Side.SHORT, Direction.CLOSE, d("0.75"), 5);
    static final MultipleOrdersRequest BATCH = MultipleOrdersRequest.of(APT, List.of(
            OrderSpec.limit(Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2),
            OrderSpec.market(Side.SHORT, Direction.OPEN, d("2"), 3)));
    static final CancelOrdersRequest CANCEL = new CancelOrdersRequest(APT, List.of(
            new OrderToCancel(OrderId.parse("11905620858892513160724480"), Side.LONG),
            new OrderToCancel(OrderId.parse("161668980614256490457451450"), Side.SHORT)));
    static final CancelAndPlaceRequest CANCEL_AND_PLACE = new CancelAndPlaceRequest(APT,
            List.of(new OrderToCancel(OrderId.of(123), Side.LONG)),
            List.of(new OrderSpec(io.kana.core.model.OrderType.LIMIT, Side.SHORT, Direction.OPEN, d("1"), d("6.001"), 4,
                    BigDecimal.ZERO, d("6.5"))),
            Restriction.FILL_OR_ABORT);

    static Stream<Case> operations() {
        return Stream.of(
                new Case(TradeOperation.DEPOSIT, t -> t.deposit(d("25.5")),
                        call("deposit", FakeSubmitter.WALLET, d("25.5")),
                        kana("deposit", WALLET, "25500000")),
                new Case(TradeOperation.WITHDRAW, t -> t.withdraw(APT, d("10")),
                        call("withdraw", FakeSubmitter.WALLET, APT, d("10")),
                        kana("withdraw_specific_market", WALLET, "1338", "10000000")),
                new Case(TradeOperation.PLACE_LIMIT_ORDER, t -> t.placeLimitOrder(LIMIT),
                        call("placeLimitOrder", LIMIT),
                        kana("place_limit_order", "1338", "true", "false", "1500", "5700", "2", "3", "6200", "5100")),
                new Case(TradeOperation.PLACE_MARKET_ORDER, t -> t.placeMarketOrder(MARKET),
                        call("placeMarketOrder", MARKET),
                        kana("place_market_order", "1338", "false", "true", "750", "5", "0", "0")),
                new Case(TradeOperation.PLACE_MULTIPLE_ORDERS, t -> t.placeMultipleOrders(BATCH),
                        call("placeMultipleOrders", BATCH),
                        kana("place_multiple_orders", "1338", List.of("true", "false"), List.of("true", "false"),
                                List.of("false", "false"), List.of("1500", "2000"), List.of("5700", "0"),
                                List.of("2", "3"), List.of("0", "0"), List.of("0", "0"), List.of("0", "0"))),
                new Case(TradeOperation.CANCEL_MULTIPLE_ORDERS, t -> t.cancelMultipleOrders(CANCEL),
                        call("cancelMultipleOrders", CANCEL),
                        kana("cancel_multiple_orders", "1338",
                                List.of("11905620858892513160724480", "161668980614256490457451450"),
                                List.of("true", "false"))),
                new Case(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS,
                        t -> t.cancelAndPlaceMultipleOrders(CANCEL_AND_PLACE),
                        call("cancelAndPlaceMultipleOrders", CANCEL_AND_PLACE),
                        kana("cancel_and_place_multiple_orders", "1338", List.of("123"), List.of("true"),
                                List.of("true"), List.of("false"), List.of("false"), List.of("1000"), List.of("6001"),
                                List.of("4"), List.of("1"), List.of("0"), List.of("6500"))),
                new Case(TradeOperation.UPDATE_TAKE_PROFIT, t -> t.updateTakeProfit(APT, Side.LONG, d("7.25")),
                        call("updateTakeProfit", APT, Side.LONG, d("7.25")),
                        kana("update_take_profit", "1338", "true", "7250")),
                new Case(TradeOperation.UPDATE_STOP_LOSS, t -> t.updateStopLoss(APT, Side.SHORT, d("6.8")),
                        call("updateStopLoss", APT, Side.SHORT, d("6.8")),
                        kana("update_stop_loss", "1338", "false", "6800")),
                new Case(TradeOperation.ADD_MARGIN, t -> t.addMargin(APT, Side.LONG, d("12.345678")),
                        call("addMargin", APT, Side.LONG, d("12.345678")),
                        kana("add_margin", "1338", "true", "12345678")),
                new Case(TradeOperation.COLLAPSE_POSITION, t -> t.collapsePosition(APT),
                        call("collapsePosition", APT),
                        kana("collapse_position", "1338")),
                new Case(TradeOperation.SETTLE_PNL, t -> t.settlePnl(APT),
                        call("settlePnl", FakeSubmitter.WALLET, APT),
                        kana("settle_pnl", WALLET, "1338")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void fetchesTheRightPayloadChecksItAndSubmitsItOnce(Case c) throws Exception {
        TraderFixture f = new TraderFixture().answering(c.payload());

        TradeResult result = done(c.action().apply(f.trader));

        assertThat(f.payloads.calls).containsExactly(c.expectedCall());
        assertThat(f.submitter.submitted).containsExactly(c.payload());
        assertThat(f.submitter.simulated).isEmpty();
        assertThat(f.submitter.awaited).hasSize(1);
        // What is left of the commit timeout counted from the call.
        assertThat(f.submitter.awaitTimeouts).singleElement()
                .satisfies(left -> assertThat(left).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
        assertThat(result.operation()).isEqualTo(c.operation());
        assertThat(result.payload()).isEqualTo(c.payload());
        assertThat(result.hash()).isEqualTo(FakeSubmitter.hash(7));
        assertThat(result.sequenceNumber()).isEqualTo(BigInteger.valueOf(7));
        assertThat(result.committed()).isTrue();
        assertThat(result.outcome().version()).isEqualTo(BigInteger.valueOf(123_456_789));
        assertThat(result.outcome().gasUsed()).isEqualTo(BigInteger.valueOf(42));
        assertThat(result.outcome().vmStatus()).isEqualTo("Executed successfully");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void submitOnlyReturnsOnceAcceptedWithoutWaiting(Case c) throws Exception {
        TraderFixture f = new TraderFixture().answering(c.payload());

        TradeResult result = done(c.action().apply(f.trader.withExecution(Execution.SUBMIT_ONLY)));

        assertThat(f.submitter.submitted).containsExactly(c.payload());
        assertThat(f.submitter.awaited).isEmpty();
        assertThat(result.committed()).isFalse();
        assertThat(result.outcome()).isNull();
        assertThat(result.hash()).isEqualTo(FakeSubmitter.hash(7));
    }

    @org.junit.jupiter.api.Test
    void aCancelAndPlaceWithNothingToCancelIsAPlainPlacement() throws Exception {
        EntryFunctionPayload batch = kana("place_multiple_orders", "1338", List.of("true"), List.of("true"),
                List.of("false"), List.of("1500"), List.of("5700"), List.of("2"), List.of("0"), List.of("0"),
                List.of("0"));
        TraderFixture f = new TraderFixture().answering(batch);
        List<OrderSpec> toPlace = List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, d("1.5"), d("5.7"), 2));

        TradeResult result = done(f.trader.cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(APT, List.of(), toPlace, Restriction.NO_RESTRICTION)));

        assertThat(f.payloads.calls).containsExactly(call("placeMultipleOrders",
                new MultipleOrdersRequest(APT, toPlace, Restriction.NO_RESTRICTION)));
        assertThat(result.operation()).isEqualTo(TradeOperation.PLACE_MULTIPLE_ORDERS);
        assertThat(f.submitter.submitted).containsExactly(batch);
    }

    @org.junit.jupiter.api.Test
    void aCancelAndPlaceWithNothingToPlaceIsAPlainCancel() throws Exception {
        EntryFunctionPayload cancel = kana("cancel_multiple_orders", "1338", List.of("123"), List.of("true"));
        TraderFixture f = new TraderFixture().answering(cancel);
        List<OrderToCancel> toCancel = List.of(new OrderToCancel(OrderId.of(123), Side.LONG));

        TradeResult result = done(f.trader.cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(APT, toCancel, List.of(), Restriction.NO_RESTRICTION)));

        assertThat(f.payloads.calls).containsExactly(call("cancelMultipleOrders", new CancelOrdersRequest(APT, toCancel)));
        assertThat(result.operation()).isEqualTo(TradeOperation.CANCEL_MULTIPLE_ORDERS);
    }
}
