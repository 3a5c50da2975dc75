package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.model.TimeRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused with a typed error naming the field, before any request leaves. */
class InvalidInputTest extends MockApiTest {

    private static final MarketId M = MarketId.of(1338);
    private static final OrderId O = OrderId.of(1);
    private static final TimeRange DAY =
            TimeRange.between(Instant.parse("2024-11-21T00:00:00Z"), Instant.parse("2024-11-22T00:00:00Z"));

    private static Arguments bad(String field, String hint, Consumer<KanaHttpApi> call) {
        return Arguments.of(field, hint, call);
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                bad("marketId", "MarketId.of(1338)", api -> api.market(null)),
                bad("marketId", "MarketId.of(1338)", api -> api.marketPrice(null)),
                bad("marketId", "MarketId.of(1338)", api -> api.lastExecutionPrice(null)),
                bad("marketId", "MarketId.of(1338)", api -> api.recentTrades(null)),
                bad("marketId", "needs a marketId or a baseName", api -> api.perpetualAssetInfo((MarketId) null)),
                bad("baseName", "needs a marketId or a baseName", api -> api.perpetualAssetInfo((String) null)),
                bad("baseName", "got a blank name", api -> api.perpetualAssetInfo("  ")),
                bad("wallet", "wallet is required", api -> api.profileAddress(null)),
                bad("wallet", "wallet is required", api -> api.walletBalance(null)),
                bad("wallet", "wallet is required", api -> api.profileBalance(null)),
                bad("wallet", "wallet is required", api -> api.netProfileBalance(null)),
                bad("wallet", "wallet is required", api -> api.aptBalance(null)),
                bad("wallet", "wallet is required", api -> api.depositAndWithdrawHistory(null)),
                bad("wallet", "wallet is required", api -> api.fundingHistory(null, M, PageRequest.DEFAULT)),
                bad("wallet", "wallet is required", api -> api.openOrders(null, M)),
                bad("wallet", "wallet is required", api -> api.openOrdersFromContract(null, M)),
                bad("wallet", "wallet is required", api -> api.openOrderIds(null, M)),
                bad("wallet", "wallet is required", api -> api.orderHistory(null, M, null)),
                bad("marketId", "marketId is required", api -> api.orderStatus(null, O)),
                bad("orderId", "orderId is required", api -> api.orderStatus(M, null)),
                bad("orderId", "orderId is required", api -> api.fetchOrderStatus(M, null)),
                bad("marketId", "marketId is required", api -> api.fills(null, PROFILE, DAY, null)),
                bad("range", "TimeRange.between", api -> api.fills(M, PROFILE, null, null)),
                bad("wallet", "wallet is required", api -> api.fillsBetween(null, M, null, null, null)),
                bad("to", "is before the start", api -> api.fillsBetween(WALLET, M, DAY.to(), DAY.from(), null)),
                bad("wallet", "wallet is required", api -> api.tradeHistory(null, M, null)),
                bad("wallet", "wallet is required", api -> api.positions(null, M)),
                bad("wallet", "wallet is required", api -> api.positionsFromContract(null, M)),
                bad("wallet", "wallet is required", api -> api.deposit(null, BigDecimal.ONE)),
                bad("amount", "amount must be positive, got null", api -> api.deposit(WALLET.address(), null)),
                bad("amount", "amount must be positive, got 0", api -> api.deposit(WALLET.address(), BigDecimal.ZERO)),
                bad("amount", "amount must be positive, got -0.5", api -> api.withdraw(WALLET.address(), M, new BigDecimal("-0.5"))),
                bad("marketId", "marketId is required", api -> api.withdraw(WALLET.address(), null, BigDecimal.ONE)),
                bad("request", "LimitOrderRequest", api -> api.placeLimitOrder(null)),
                bad("request", "MarketOrderRequest", api -> api.placeMarketOrder(null)),
                bad("request", "MultipleOrdersRequest", api -> api.placeMultipleOrders(null)),
                bad("request", "CancelOrdersRequest", api -> api.cancelMultipleOrders(null)),
                bad("request", "CancelAndPlaceRequest", api -> api.cancelAndPlaceMultipleOrders(null)),
                bad("side", "Side.LONG or Side.SHORT", api -> api.updateTakeProfit(M, null, BigDecimal.ONE)),
                bad("newTakeProfitPrice", "zero or positive, got -1",
                        api -> api.updateTakeProfit(M, Side.LONG, BigDecimal.ONE.negate())),
                bad("newStopLossPrice", "zero or positive, got null", api -> api.updateStopLoss(M, Side.LONG, null)),
                bad("amount", "amount must be positive", api -> api.addMargin(M, Side.SHORT, BigDecimal.ZERO)),
                bad("marketId", "marketId is required", api -> api.collapsePosition(null)),
                bad("wallet", "wallet is required", api -> api.settlePnl(null, M)),
                bad("marketId", "marketId is required", api -> api.settlePnl(WALLET.address(), null)));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("badCalls")
    void isRefusedBeforeAnythingIsSent(String field, String hint, Consumer<KanaHttpApi> call) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> call.accept(api));

        assertThat(e).as("refused with InvalidRequestException").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e).hasMessageContaining(hint);
        assertThat(server.getRequestCount()).isZero();
    }
}
