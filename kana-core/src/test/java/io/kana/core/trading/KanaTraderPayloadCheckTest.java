package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.WALLET;
import static io.kana.core.trading.TraderFixture.failure;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.KanaException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A trade API that returns something other than what was asked is refused before signing: the
 * operation fails with PayloadRejectedException naming the difference, and nothing is submitted.
 */
class KanaTraderPayloadCheckTest {

    static final MarketId APT = MarketId.of(1338);
    static final String OTHER = "0x9935c844a1c6a6e8a2cde87b4a3ad1c8d3ac5a3ee5fc01c1f2a2b4a5c6d7e8f9";

    static final Function<KanaTrader, CompletableFuture<TradeResult>> LIMIT = t -> t.placeLimitOrder(
            new LimitOrderRequest(APT, Side.LONG, Direction.OPEN, new BigDecimal("1.5"), new BigDecimal("5.7"), 2,
                    Restriction.NO_RESTRICTION, new BigDecimal("6"), BigDecimal.ZERO));
    static final Function<KanaTrader, CompletableFuture<TradeResult>> CANCEL = t -> t.cancelMultipleOrders(
            new CancelOrdersRequest(APT, List.of(new OrderToCancel(OrderId.parse("11905620858892513160724480"), Side.LONG),
                    new OrderToCancel(OrderId.of(77), Side.SHORT))));
    static final Function<KanaTrader, CompletableFuture<TradeResult>> BATCH = t -> t.placeMultipleOrders(
            MultipleOrdersRequest.of(APT, List.of(
                    OrderSpec.limit(Side.LONG, Direction.OPEN, new BigDecimal("1"), new BigDecimal("5.7"), 2),
                    OrderSpec.limit(Side.SHORT, Direction.CLOSE, new BigDecimal("2"), new BigDecimal("5.8"), 2))));
    static final Function<KanaTrader, CompletableFuture<TradeResult>> CANCEL_AND_PLACE = t ->
            t.cancelAndPlaceMultipleOrders(new CancelAndPlaceRequest(APT,
                    List.of(new OrderToCancel(OrderId.of(5), Side.LONG)),
                    List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, new BigDecimal("1"), new BigDecimal("5.7"), 2)),
                    Restriction.NO_RESTRICTION));

    static Arguments tampered(String description, Function<KanaTrader, CompletableFuture<TradeResult>> action,
            EntryFunctionPayload payload, String reason) {
        return Arguments.of(description, action, payload, reason);
    }

    static EntryFunctionPayload payload(String function, Object... arguments) {
        return new EntryFunctionPayload(function, List.of(), List.of(arguments));
    }

    static EntryFunctionPayload limit(String... arguments) {
        return kana("place_limit_order", (Object[]) arguments);
    }

    static Stream<Arguments> tamperedPayloads() {
        return Stream.of(
                tampered("coin transfer", LIMIT, payload("0x1::coin::transfer", OTHER, "1000000000"),
                        "it calls 0x1::coin (an Aptos framework module); only functions of"),
                tampered("account transfer", LIMIT, payload("0x1::aptos_account::transfer", OTHER, "1000000000"),
                        "it calls 0x1::aptos_account (an Aptos framework module)"),
                tampered("another publisher", LIMIT, payload(OTHER + "::perpetual_scripts::place_limit_order",
                        "1338", "true", "false", "1500", "5700", "2", "0", "6000", "0"), "it calls " + OTHER),
                tampered("another module", LIMIT, payload(TraderFixture.MODULE.replace("perpetual_scripts", "perpetual_core")
                        + "::place_limit_order", "1338", "true", "false", "1500", "5700", "2", "0", "6000", "0"),
                        "::perpetual_core; only functions of"),
                tampered("not an address", LIMIT, payload("kana::perpetual_scripts::place_limit_order"),
                        "module address is not an account address"),
                tampered("another function", LIMIT, kana("place_market_order", "1338", "true", "false", "1500", "2",
                        "6000", "0"), "expected function place_limit_order for PLACE_LIMIT_ORDER, got place_market_order"),
                tampered("type arguments", LIMIT, new EntryFunctionPayload(TraderFixture.MODULE + "::place_limit_order",
                        List.of("0x1::aptos_coin::AptosCoin"), List.of("1338", "true", "false", "1500", "5700", "2", "0",
                        "6000", "0")), "expected no type arguments, got [0x1::aptos_coin::AptosCoin]"),
                tampered("another market", LIMIT, limit("1339", "true", "false", "1500", "5700", "2", "0", "6000", "0"),
                        "argument 1 (marketId) expected 1338, got \"1339\""),
                tampered("flipped side", LIMIT, limit("1338", "false", "false", "1500", "5700", "2", "0", "6000", "0"),
                        "argument 2 (tradeSide) expected true, got \"false\""),
                tampered("flipped direction", LIMIT, limit("1338", "true", "true", "1500", "5700", "2", "0", "6000", "0"),
                        "argument 3 (direction) expected false, got \"true\""),
                tampered("ten times the size", LIMIT, limit("1338", "true", "false", "15000", "5700", "2", "0", "6000",
                        "0"), "argument 4 (size) expected 1500, got \"15000\""),
                tampered("another price", LIMIT, limit("1338", "true", "false", "1500", "5600", "2", "0", "6000", "0"),
                        "argument 5 (price) expected 5700, got \"5600\""),
                tampered("higher leverage", LIMIT, limit("1338", "true", "false", "1500", "5700", "20", "0", "6000", "0"),
                        "argument 6 (leverage) expected 2, got \"20\""),
                tampered("another restriction", LIMIT, limit("1338", "true", "false", "1500", "5700", "2", "1", "6000",
                        "0"), "argument 7 (restriction) expected 0, got \"1\""),
                tampered("no take profit", LIMIT, limit("1338", "true", "false", "1500", "5700", "2", "0", "0", "0"),
                        "argument 8 (takeProfit) expected 6000, got \"0\""),
                tampered("a stop loss", LIMIT, limit("1338", "true", "false", "1500", "5700", "2", "0", "6000", "5000"),
                        "argument 9 (stopLoss) expected 0, got \"5000\""),
                tampered("extra argument", LIMIT, limit("1338", "true", "false", "1500", "5700", "2", "0", "6000", "0",
                        "1"), "expected 9 arguments [marketId, tradeSide, direction, size, price, leverage, "
                                + "restriction, takeProfit, stopLoss], got 10"),
                tampered("missing argument", LIMIT, limit("1338", "true", "false", "1500", "5700", "2", "0", "6000"),
                        "expected 9 arguments"),
                tampered("a fraction", LIMIT, limit("1338", "true", "false", "1500.5", "5700", "2", "0", "6000", "0"),
                        "argument 4 (size) expected 1500, got \"1500.5\""),
                tampered("another order id", CANCEL, kana("cancel_multiple_orders", "1338",
                        List.of("11905620858892513160724481", "77"), List.of("true", "false")),
                        "argument 2 (orderIds) element 0: expected 11905620858892513160724480, got "
                                + "\"11905620858892513160724481\""),
                tampered("an extra order id", CANCEL, kana("cancel_multiple_orders", "1338",
                        List.of("11905620858892513160724480", "77", "78"), List.of("true", "false")),
                        "argument 2 (orderIds) expected 2 elements"),
                tampered("a flipped order side", CANCEL, kana("cancel_multiple_orders", "1338",
                        List.of("11905620858892513160724480", "77"), List.of("true", "true")),
                        "argument 3 (orderSides) element 1: expected false, got \"true\""),
                tampered("ids not in a vector", CANCEL, kana("cancel_multiple_orders", "1338", "77", List.of("true")),
                        "argument 2 (orderIds) expected a vector [11905620858892513160724480, 77], got \"77\""),
                tampered("a batch with a bigger second order", BATCH, kana("place_multiple_orders", "1338",
                        List.of("true", "true"), List.of("true", "false"), List.of("false", "true"),
                        List.of("1000", "20000"), List.of("5700", "5800"), List.of("2", "2"), List.of("0", "0"),
                        List.of("0", "0"), List.of("0", "0")), "argument 5 (sizes) element 1: expected 2000, got \"20000\""),
                tampered("a batch order turned to market", BATCH, kana("place_multiple_orders", "1338",
                        List.of("true", "false"), List.of("true", "false"), List.of("false", "true"),
                        List.of("1000", "2000"), List.of("5700", "5800"), List.of("2", "2"), List.of("0", "0"),
                        List.of("0", "0"), List.of("0", "0")), "argument 2 (orderTypes) element 1: expected true"),
                tampered("an order smuggled into cancel-and-place", CANCEL_AND_PLACE,
                        kana("cancel_and_place_multiple_orders", "1338", List.of("5"), List.of("true"),
                                List.of("true", "true"), List.of("true", "true"), List.of("false", "false"),
                                List.of("1000", "100000"), List.of("5700", "5700"), List.of("2", "20"),
                                List.of("0", "0"), List.of("0", "0"), List.of("0", "0")),
                        "argument 4 (orderTypes) expected 1 elements [true], got 2"),
                tampered("deposit to another wallet", t -> t.deposit(new BigDecimal("25")),
                        kana("deposit", OTHER, "25000000"), "argument 1 (wallet) expected " + WALLET + ", got \"" + OTHER),
                tampered("deposit to a malformed address", t -> t.deposit(new BigDecimal("25")),
                        kana("deposit", "0xZZ", "25000000"), "argument 1 (wallet) expected " + WALLET + ", got \"0xZZ\""),
                tampered("deposit of ten times the amount", t -> t.deposit(new BigDecimal("25")),
                        kana("deposit", WALLET, "250000000"), "argument 2 (amount) expected 25000000"),
                tampered("withdraw from another market", t -> t.withdraw(APT, new BigDecimal("1")),
                        kana("withdraw_specific_market", WALLET, "14", "1000000"), "argument 2 (marketId) expected 1338"),
                tampered("withdraw to another wallet", t -> t.withdraw(APT, new BigDecimal("1")),
                        kana("withdraw_specific_market", OTHER, "1338", "1000000"), "argument 1 (wallet)"),
                tampered("settle for another wallet", t -> t.settlePnl(APT), kana("settle_pnl", OTHER, "1338"),
                        "argument 1 (wallet)"),
                tampered("margin on the other side", t -> t.addMargin(APT, Side.SHORT, new BigDecimal("3")),
                        kana("add_margin", "1338", "true", "3000000"), "argument 2 (tradeSide) expected false"),
                tampered("collapse another market", t -> t.collapsePosition(APT), kana("collapse_position", "15"),
                        "argument 1 (marketId) expected 1338, got \"15\""),
                tampered("stop loss for the other side", t -> t.updateStopLoss(APT, Side.LONG, new BigDecimal("5")),
                        kana("update_stop_loss", "1338", "false", "5000"), "argument 2 (tradeSide) expected true"),
                tampered("another take-profit price", t -> t.updateTakeProfit(APT, Side.LONG, new BigDecimal("7")),
                        kana("update_take_profit", "1338", "true", "70"), "argument 3 (takeProfit) expected 7000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedPayloads")
    void refusesToSignAPayloadOtherThanTheOneAskedFor(String description,
            Function<KanaTrader, CompletableFuture<TradeResult>> action, EntryFunctionPayload payload, String reason) {
        TraderFixture f = new TraderFixture().answering(payload);

        Throwable failure = failure(action.apply(f.trader.withExecution(Execution.SUBMIT_ONLY.simulatingFirst())));

        assertThat(failure).isInstanceOf(PayloadRejectedException.class).hasMessageContaining(reason)
                .hasMessageStartingWith("refusing to sign payload " + payload.function());
        assertThat(((PayloadRejectedException) failure).function()).isEqualTo(payload.function());
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.payloads.calls).hasSize(1);
        f.assertNothingSubmitted();
    }
}
