package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input fails with a clear {@link InvalidRequestException} and not one request reaches the
 * sandbox for it (the market's rules are already known), so nothing is fetched, signed or submitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputEndToEndTest {

    private KanaSandbox sandbox;
    private KanaClient client;

    @BeforeAll
    void start() {
        sandbox = KanaSandbox.builder().seed(3).start();
        client = SandboxWallets.warmedUp(sandbox, KEY_A, limit(dec("1"), dec("4"), 2));
    }

    @AfterAll
    void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void resetCounts() {
        sandbox.resetRequestCounts();
    }

    static Stream<Arguments> badTrades() {
        return Stream.of(
                bad("size off the lot size", "size", "multiple of the lot size 0.001",
                        t -> t.placeLimitOrder(limit(dec("1.0005"), dec("5"), 2))),
                bad("size below the market minimum", "size", "allowed are 500 to",
                        t -> t.placeLimitOrder(limit(dec("0.499"), dec("5"), 2))),
                bad("price off the tick", "price", "multiple of the tick 0.001",
                        t -> t.placeLimitOrder(limit(dec("1"), dec("5.0005"), 2))),
                bad("leverage above the maximum", "leverage", "is 1 to 20, got 21",
                        t -> t.placeLimitOrder(limit(dec("1"), dec("5"), 21))),
                bad("take profit off the tick", "takeProfit", "multiple of the tick",
                        t -> t.placeLimitOrder(limit(dec("1"), dec("5"), 2).withTakeProfit(dec("6.0001")))),
                bad("market order size off the lot size", "size", "multiple of the lot size",
                        t -> t.placeMarketOrder(MarketOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("0.5001"), 2))),
                bad("market order leverage above the maximum", "leverage", "1 to 20",
                        t -> t.placeMarketOrder(MarketOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), 50))),
                bad("one bad order in a batch", "price", "multiple of the tick",
                        t -> t.placeMultipleOrders(MultipleOrdersRequest.of(APT, List.of(
                                OrderSpec.limit(Side.LONG, Direction.OPEN, dec("1"), dec("4"), 2),
                                OrderSpec.limit(Side.LONG, Direction.OPEN, dec("1"), dec("4.0001"), 2))))),
                bad("a bad order to place in a cancel-and-place", "leverage", "1 to 20",
                        t -> t.cancelAndPlaceMultipleOrders(new CancelAndPlaceRequest(APT, List.of(),
                                List.of(OrderSpec.limit(Side.SHORT, Direction.OPEN, dec("1"), dec("6"), 25)),
                                Restriction.NO_RESTRICTION))),
                bad("withdrawal finer than a micro-USDC", "amount", "more than 6 decimals",
                        t -> t.withdraw(APT, dec("1.0000001"))),
                bad("deposit of nothing", "amount", "must be positive",
                        t -> t.deposit(BigDecimal.ZERO)),
                bad("margin finer than a micro-USDC", "amount", "more than 6 decimals",
                        t -> t.addMargin(APT, Side.LONG, dec("0.0000001"))),
                bad("stop loss off the tick", "stopLoss", "multiple of the tick",
                        t -> t.updateStopLoss(APT, Side.LONG, dec("4.99999"))),
                bad("a missing market", "marketId", "marketId is required",
                        t -> t.collapsePosition(null)));
    }

    private static Arguments bad(String name, String field, String message,
            Function<KanaTrader, CompletableFuture<TradeResult>> call) {
        return Arguments.of(name, field, message, call);
    }

    private static LimitOrderRequest limit(BigDecimal size, BigDecimal price, int leverage) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, size, price, leverage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrades")
    void isRejectedBeforeAnythingIsSent(String name, String field, String message,
            Function<KanaTrader, CompletableFuture<TradeResult>> call) {
        assertThatThrownBy(() -> KanaTrader.join(call.apply(client.trader())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.effectMayExist()).isFalse();
                })
                .hasMessageContaining(message);
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("address without 0x", "address", "must start with 0x",
                        (ThrowingCallable) () -> AccountAddress.parse("7a38039fffd016adcac2c53795ee49325e5ec6fd")),
                Arguments.of("address with a non-hex digit", "address", "contains 'g'",
                        (ThrowingCallable) () -> AccountAddress.parse("0x12g4")),
                Arguments.of("address too long", "address", "1 to 64 hex digits",
                        (ThrowingCallable) () -> AccountAddress.parse("0x" + "1".repeat(65))),
                Arguments.of("negative size", "size", "size must be positive",
                        (ThrowingCallable) () -> limit(dec("-1"), dec("5"), 2)),
                Arguments.of("zero leverage", "leverage", "leverage is 1 or more",
                        (ThrowingCallable) () -> limit(dec("1"), dec("5"), 0)),
                Arguments.of("negative market id", "marketId", "not negative",
                        (ThrowingCallable) () -> MarketId.of(-1)),
                Arguments.of("order id beyond u128", "orderId", "u128",
                        (ThrowingCallable) () -> OrderId.parse("340282366920938463463374607431768211456")),
                Arguments.of("empty batch", "orders", "at least one order",
                        (ThrowingCallable) () -> MultipleOrdersRequest.of(APT, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void malformedValuesAreRejectedWhenBuilt(String name, String field, String message, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(message);
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    @Test
    void anUnknownMarketCostsOnlyTheLookUpOfItsRules() {
        MarketId unknown = MarketId.of(9999);

        assertThatThrownBy(() -> KanaTrader.join(client.trader().placeLimitOrder(
                LimitOrderRequest.of(unknown, Side.LONG, Direction.OPEN, dec("1"), dec("5"), 2))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("marketId"))
                .hasMessageContaining("market 9999 is not known to the trade API")
                .hasMessageContaining("check the market id");

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/getMarketInfo", 1L));
    }
}
