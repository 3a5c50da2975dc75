package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.failure;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.OrderType;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.TestMarkets;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with InvalidRequestException before any payload is fetched or anything is signed. */
class KanaTraderValidationTest {

    static final MarketId APT = MarketId.of(1338);
    static final MarketId UNKNOWN = MarketId.of(9999);

    final TraderFixture f = new TraderFixture();

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static LimitOrderRequest limit(String size, String price, int leverage) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, d(size), d(price), leverage);
    }

    static Arguments bad(String field, String messagePart, Function<KanaTrader, CompletableFuture<TradeResult>> action) {
        return Arguments.of(field, messagePart, action);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("size", "multiple of the lot size 0.001", t -> t.placeLimitOrder(limit("1.2345", "5.7", 2))),
                bad("size", "500 to 150000000 lots", t -> t.placeLimitOrder(limit("0.4", "5.7", 2))),
                bad("size", "500 to 150000000 lots", t -> t.placeLimitOrder(limit("150000.001", "5.7", 2))),
                bad("price", "multiple of the tick 0.001", t -> t.placeLimitOrder(limit("1.5", "5.7005", 2))),
                bad("leverage", "1 to 20, got 21", t -> t.placeLimitOrder(limit("1.5", "5.7", 21))),
                bad("takeProfit", "multiple of the tick", t -> t.placeLimitOrder(limit("1.5", "5.7", 2)
                        .withTakeProfit(d("6.0001")))),
                bad("stopLoss", "multiple of the tick", t -> t.placeLimitOrder(limit("1.5", "5.7", 2)
                        .withStopLoss(d("5.0001")))),
                bad("size", "multiple of the lot size", t -> t.placeMarketOrder(
                        MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN, d("0.5005"), 2))),
                bad("leverage", "got 25", t -> t.placeMarketOrder(
                        MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN, d("1"), 25))),
                bad("price", "multiple of the tick", t -> t.placeMultipleOrders(MultipleOrdersRequest.of(APT, List.of(
                        OrderSpec.limit(Side.LONG, Direction.OPEN, d("1"), d("5.7"), 2),
                        OrderSpec.limit(Side.LONG, Direction.OPEN, d("1"), d("5.70001"), 2))))),
                bad("price", "multiple of the tick", t -> t.placeMultipleOrders(MultipleOrdersRequest.of(APT, List.of(
                        new OrderSpec(OrderType.MARKET, Side.LONG, Direction.OPEN, d("1"), d("5.70001"), 2,
                                BigDecimal.ZERO, BigDecimal.ZERO))))),
                bad("leverage", "got 30", t -> t.cancelAndPlaceMultipleOrders(new CancelAndPlaceRequest(APT,
                        List.of(new OrderToCancel(OrderId.of(1), Side.LONG)),
                        List.of(OrderSpec.market(Side.LONG, Direction.OPEN, d("1"), 30)), Restriction.NO_RESTRICTION))),
                bad("takeProfit", "multiple of the tick", t -> t.updateTakeProfit(APT, Side.LONG, d("7.0001"))),
                bad("stopLoss", "must be positive", t -> t.updateStopLoss(APT, Side.LONG, d("-1"))),
                bad("stopLoss", "stopLoss is required", t -> t.updateStopLoss(APT, Side.LONG, null)),
                bad("side", "side is required", t -> t.updateTakeProfit(APT, null, d("7"))),
                bad("side", "side is required", t -> t.addMargin(APT, null, d("7"))),
                bad("amount", "more than 6 decimals", t -> t.addMargin(APT, Side.LONG, d("1.0000001"))),
                bad("amount", "must be positive", t -> t.withdraw(APT, d("0"))),
                bad("amount", "got null", t -> t.withdraw(APT, null)),
                bad("amount", "more than 6 decimals", t -> t.deposit(d("0.0000001"))),
                bad("amount", "must be positive", t -> t.deposit(d("-5"))),
                bad("marketId", "marketId is required", t -> t.collapsePosition(null)),
                bad("marketId", "marketId is required", t -> t.settlePnl(null)),
                bad("marketId", "marketId is required", t -> t.withdraw(null, d("1"))),
                bad("request", "request is required", t -> t.placeLimitOrder(null)),
                bad("request", "request is required", t -> t.placeMarketOrder(null)),
                bad("request", "request is required", t -> t.placeMultipleOrders(null)),
                bad("request", "request is required", t -> t.cancelMultipleOrders(null)),
                bad("request", "request is required", t -> t.cancelAndPlaceMultipleOrders(null)),
                bad("marketId", "market 9999 is not known to the trade API (Market not found for marketId 9999)",
                        t -> t.cancelMultipleOrders(new CancelOrdersRequest(UNKNOWN,
                                List.of(new OrderToCancel(OrderId.of(5), Side.SHORT))))),
                bad("marketId", "market 9999", t -> t.collapsePosition(UNKNOWN)),
                bad("marketId", "market 9999", t -> t.placeLimitOrder(
                        LimitOrderRequest.of(UNKNOWN, Side.LONG, Direction.OPEN, d("1"), d("1"), 1))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRequests")
    void rejectsBadInputBeforeFetchingOrSigning(String field, String messagePart,
            Function<KanaTrader, CompletableFuture<TradeResult>> action) {
        f.payloads.answer(kana("collapse_position", "1338"));

        Throwable failure = failure(action.apply(f.trader));

        assertThat(failure).isInstanceOf(InvalidRequestException.class).hasMessageContaining(messagePart);
        assertThat(((InvalidRequestException) failure).field()).isEqualTo(field);
        assertThat(((KanaException) failure).effectMayExist()).isFalse();
        assertThat(f.payloads.calls).isEmpty();
        f.assertNothingSubmitted();
    }

    @Test
    void marketRulesAreFetchedOncePerMarketAcrossManyOperations() {
        f.payloads.answer(kana("place_limit_order", "1338", "true", "false", "1500", "5700", "2", "0", "0", "0"));
        for (int i = 0; i < 5; i++) {
            KanaTrader.join(f.trader.placeLimitOrder(limit("1.5", "5.7", 2)));
        }
        f.payloads.answer(kana("collapse_position", "1338"));
        KanaTrader.join(f.trader.withExecution(Execution.SUBMIT_ONLY).collapsePosition(APT));
        f.payloads.answer(kana("collapse_position", "1339"));
        KanaTrader.join(f.trader.collapsePosition(MarketId.of(1339)));
        KanaTrader.join(f.trader.collapsePosition(MarketId.of(1339)));

        assertThat(f.markets.calls).containsExactly(APT, MarketId.of(1339));
        assertThat(f.submitter.submitted).hasSize(8);
    }

    @Test
    void aDepositNeedsNoMarket() {
        f.payloads.answer(kana("deposit", TraderFixture.WALLET, "1000000"));

        KanaTrader.join(f.trader.deposit(BigDecimal.ONE));

        assertThat(f.markets.calls).isEmpty();
    }

    @Test
    void depositsUseTheConfiguredCollateralDecimals() {
        KanaTrader eightDecimals = KanaTrader.builder().markets(f.markets).payloads(f.payloads).submitter(f.submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).executor(Runnable::run).collateralDecimals(8).build();
        f.payloads.answer(kana("deposit", TraderFixture.WALLET, "150000000"));

        TradeResult result = KanaTrader.join(eightDecimals.deposit(d("1.5")));

        assertThat(result.operation()).isEqualTo(TradeOperation.DEPOSIT);
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void aFailedMarketFetchIsNotKeptSoTheNextOperationTriesAgain() {
        f.markets.override = id -> {
            throw new KanaTransportException("getMarketInfo", "connection refused", null);
        };
        Throwable first = failure(f.trader.collapsePosition(APT));
        assertThat(first).isInstanceOf(KanaTransportException.class);
        assertThat(((KanaException) first).effectMayExist()).isFalse();

        f.markets.override = null;
        f.payloads.answer(kana("collapse_position", "1338"));
        KanaTrader.join(f.trader.collapsePosition(APT));

        assertThat(f.markets.calls).containsExactly(APT, APT);
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void aServerErrorOnTheMarketIsAnOutageNotABadMarketId() {
        f.markets.override = id -> {
            throw new KanaApiException("getMarketInfo", 503, "maintenance");
        };

        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(KanaApiException.class);
        assertThat(f.payloads.calls).isEmpty();
    }

    @Test
    void aMarketIdThePortRefusesStopsTheOperationBeforeAnyPayload() {
        f.markets.override = id -> {
            throw new InvalidRequestException("marketId", "market " + id + " is not known to the trade API (rejected)");
        };

        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("(rejected)");
        assertThat(f.payloads.calls).isEmpty();
    }

    @Test
    void noMarketOrAnotherMarketInTheAnswerIsRefused() {
        f.markets.override = id -> null;
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no market with that id");

        f.markets.override = id -> TestMarkets.btc();
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("asked for market 1338, got the rules of market 1339");

        f.markets.override = id -> {
            throw new IllegalStateException("adapter bug");
        };
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(KanaTransportException.class)
                .hasMessageContaining("adapter bug");
        assertThat(f.payloads.calls).isEmpty();
    }
}
