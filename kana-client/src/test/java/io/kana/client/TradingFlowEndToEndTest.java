package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.KEY_B;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Position;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write operation of the trader, signed, submitted and committed on the sandbox, and its effect
 * read back through the read API. Two wallets: maker A rests orders, taker B takes them.
 */
class TradingFlowEndToEndTest {

    private KanaSandbox sandbox;
    private KanaClient maker;
    private KanaClient taker;

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(11).start();
        maker = SandboxWallets.funded(sandbox, KEY_A, "1000");
        taker = SandboxWallets.funded(sandbox, KEY_B, "1000");
    }

    @AfterEach
    void stop() {
        maker.close();
        taker.close();
        sandbox.close();
    }

    private static TradeResult run(TradeOperation expected, CompletableFuture<TradeResult> operation) {
        TradeResult result = KanaTrader.join(operation);
        assertThat(result.operation()).isEqualTo(expected);
        assertThat(result.committed()).as("%s committed", expected).isTrue();
        assertThat(result.outcome().success()).isTrue();
        assertThat(result.hash()).matches("0x[0-9a-f]{64}");
        return result;
    }

    @Test
    void depositMovesCoinsFromTheWalletIntoTheTradingAccount() {
        WalletAddress a = maker.wallet();

        TradeResult deposit = run(TradeOperation.DEPOSIT, maker.trader().deposit(dec("500")));

        assertThat(deposit.sequenceNumber()).isEqualTo(BigInteger.ZERO);
        assertThat(deposit.payload().functionName()).isEqualTo("deposit");
        assertThat(maker.accounts().walletBalance(a)).isEqualByComparingTo("500");
        assertThat(maker.accounts().profileBalance(a)).isEqualByComparingTo("500");
        assertThat(maker.accounts().netProfileBalance(a)).isEqualByComparingTo("500");
        assertThat(maker.accounts().depositAndWithdrawHistory(a)).singleElement().satisfies(t -> {
            assertThat(t.deposit()).isTrue();
            assertThat(t.amount()).isEqualByComparingTo("500");
        });
    }

    @Test
    void aRestingLimitOrderIsFilledByTheOtherWalletsMarketOrder() {
        WalletAddress a = maker.wallet();
        WalletAddress b = taker.wallet();
        run(TradeOperation.DEPOSIT, maker.trader().deposit(dec("500")));
        run(TradeOperation.DEPOSIT, taker.trader().deposit(dec("500")));

        TradeResult limit = run(TradeOperation.PLACE_LIMIT_ORDER, maker.trader().placeLimitOrder(
                LimitOrderRequest.of(APT, Side.SHORT, Direction.OPEN, dec("2"), dec("5.1"), 2)));
        assertThat(limit.sequenceNumber()).isEqualTo(BigInteger.ONE);

        Order resting = single(maker.orders().openOrders(a, APT));
        OrderId makerOrder = resting.orderId();
        assertThat(resting.side()).contains(Side.SHORT);
        assertThat(resting.price()).isEqualByComparingTo("5.1");
        assertThat(resting.remainingSize()).isEqualByComparingTo("2");
        assertThat(resting.marketOrder()).isFalse();
        assertThat(maker.orders().fetchOrderStatus(APT, makerOrder).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(maker.orders().openOrderIds(a, APT)).containsExactly(makerOrder);
        // The resting order reserves its margin (10.2 / 2) and maker fee (2 bps of 10.2, rounded up).
        assertThat(maker.accounts().profileBalance(a)).isEqualByComparingTo("494.89796");

        run(TradeOperation.PLACE_MARKET_ORDER, taker.trader().placeMarketOrder(
                MarketOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1.5"), 2)));

        Order partly = maker.orders().fetchOrderStatus(APT, makerOrder);
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partly.filledSize()).isEqualByComparingTo("1.5");
        assertThat(partly.remainingSize()).isEqualByComparingTo("0.5");
        assertThat(taker.orders().openOrders(b, APT)).isEmpty();
        Order takerOrder = single(taker.orders().orderHistory(b, APT, PageRequest.DEFAULT));
        assertThat(takerOrder.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(takerOrder.marketOrder()).isTrue();
        // A market order's order_type proves no side: stated (trade_side) or unknown, never the wrong one.
        assertThat(takerOrder.side()).isIn(Optional.of(Side.LONG), Optional.empty());

        Position longPosition = single(taker.positions().positions(b, APT));
        assertThat(longPosition.side()).isEqualTo(Side.LONG);
        assertThat(longPosition.size()).isEqualByComparingTo("1.5");
        assertThat(longPosition.entryPrice()).isEqualByComparingTo("5.1");
        assertThat(longPosition.margin()).isEqualByComparingTo("3.825");
        Position shortPosition = single(maker.positions().positions(a, APT));
        assertThat(shortPosition.side()).isEqualTo(Side.SHORT);
        assertThat(shortPosition.size()).isEqualByComparingTo("1.5");
        assertThat(shortPosition.entryPrice()).isEqualByComparingTo("5.1");

        Fill takerFill = single(taker.orders().fillsBetween(b, APT, null, null, PageRequest.DEFAULT));
        assertThat(takerFill.price()).isEqualByComparingTo("5.1");
        assertThat(takerFill.size()).isEqualByComparingTo("1.5");
        assertThat(takerFill.maker()).isFalse();
        assertThat(takerFill.side()).isIn(Optional.of(Side.LONG), Optional.empty());
        Fill makerFill = single(maker.orders().fillsBetween(a, APT, null, null, PageRequest.DEFAULT));
        assertThat(makerFill.orderId()).isEqualTo(makerOrder);
        assertThat(makerFill.maker()).isTrue();
        assertThat(makerFill.tradeId()).isEqualTo(takerFill.tradeId());
        Trade trade = single(taker.orders().tradeHistory(b, APT, PageRequest.DEFAULT));
        assertThat(trade.price()).isEqualByComparingTo("5.1");
        assertThat(trade.size()).isEqualByComparingTo("1.5");
        assertThat(taker.markets().recentTrades(APT)).singleElement()
                .satisfies(t -> assertThat(t.price()).isEqualByComparingTo("5.1"));
        assertThat(taker.markets().lastExecutionPrice(APT)).isEqualByComparingTo("5.1");

        // Taker: margin 7.65 / 2 and taker fee 5 bps of 7.65 left the free balance.
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("496.171175");
        // Maker: the reservation became margin and fee; nothing more left the free balance.
        assertThat(maker.accounts().profileBalance(a)).isEqualByComparingTo("494.89796");
    }

    @Test
    void batchesPlaceCancelAndReplaceOrders() {
        WalletAddress a = maker.wallet();
        run(TradeOperation.DEPOSIT, maker.trader().deposit(dec("500")));

        run(TradeOperation.PLACE_MULTIPLE_ORDERS, maker.trader().placeMultipleOrders(MultipleOrdersRequest.of(APT,
                List.of(OrderSpec.limit(Side.SHORT, Direction.OPEN, dec("1"), dec("6.5"), 2),
                        OrderSpec.limit(Side.SHORT, Direction.OPEN, dec("1.25"), dec("6"), 3),
                        OrderSpec.limit(Side.LONG, Direction.OPEN, dec("0.75"), dec("4.2"), 2)))));

        List<Order> placed = maker.orders().openOrders(a, APT);
        assertThat(placed).extracting(Order::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("6.5"), dec("6"), dec("4.2"));
        assertThat(placed).extracting(Order::side)
                .containsExactly(Optional.of(Side.SHORT), Optional.of(Side.SHORT), Optional.of(Side.LONG));
        assertThat(placed).extracting(Order::leverage).containsExactly(2, 3, 2);
        OrderId at65 = placed.get(0).orderId();
        OrderId at6 = placed.get(1).orderId();
        OrderId at42 = placed.get(2).orderId();
        assertThat(maker.markets().marketPrice(APT).bestAsk()).isEqualByComparingTo("6");
        assertThat(maker.markets().marketPrice(APT).bestBid()).isEqualByComparingTo("4.2");

        run(TradeOperation.CANCEL_MULTIPLE_ORDERS, maker.trader().cancelMultipleOrders(
                new CancelOrdersRequest(APT, List.of(placed.get(0).toCancel()))));

        assertThat(maker.orders().fetchOrderStatus(APT, at65).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(maker.orders().openOrderIds(a, APT)).containsExactly(at6, at42);

        run(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS, maker.trader().cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(APT, List.of(placed.get(1).toCancel(), placed.get(2).toCancel()),
                        List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, dec("2"), dec("4.5"), 4)),
                        Restriction.POST_OR_ABORT)));

        assertThat(maker.orders().fetchOrderStatus(APT, at6).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(maker.orders().fetchOrderStatus(APT, at42).status()).isEqualTo(OrderStatus.CANCELLED);
        Order replacement = single(maker.orders().openOrders(a, APT));
        assertThat(replacement.orderId()).isNotIn(at65, at6, at42);
        assertThat(replacement.price()).isEqualByComparingTo("4.5");
        assertThat(replacement.size()).isEqualByComparingTo("2");
        assertThat(replacement.side()).contains(Side.LONG);
        assertThat(maker.orders().orderHistory(a, APT, PageRequest.DEFAULT)).hasSize(4);
        // Only the replacement still reserves funds: 9 / 4 margin plus 2 bps of 9.
        assertThat(maker.accounts().profileBalance(a)).isEqualByComparingTo("497.7482");
    }

    @Test
    void aPositionIsManagedClosedSettledAndWithdrawn() {
        WalletAddress b = taker.wallet();
        run(TradeOperation.DEPOSIT, maker.trader().deposit(dec("500")));
        run(TradeOperation.DEPOSIT, taker.trader().deposit(dec("500")));
        run(TradeOperation.PLACE_LIMIT_ORDER, maker.trader().placeLimitOrder(
                LimitOrderRequest.of(APT, Side.SHORT, Direction.OPEN, dec("2"), dec("5"), 2)));
        run(TradeOperation.PLACE_MARKET_ORDER, taker.trader().placeMarketOrder(
                MarketOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("2"), 2)));
        // margin 5, taker fee 0.005
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("494.995");

        run(TradeOperation.UPDATE_TAKE_PROFIT, taker.trader().updateTakeProfit(APT, Side.LONG, dec("6.25")));
        run(TradeOperation.UPDATE_STOP_LOSS, taker.trader().updateStopLoss(APT, Side.LONG, dec("4.5")));
        Position protectedPosition = single(taker.positions().positions(b, APT));
        assertThat(protectedPosition.takeProfit()).isEqualByComparingTo("6.25");
        assertThat(protectedPosition.stopLoss()).isEqualByComparingTo("4.5");

        run(TradeOperation.ADD_MARGIN, taker.trader().addMargin(APT, Side.LONG, dec("10")));
        assertThat(single(taker.positions().positions(b, APT)).margin()).isEqualByComparingTo("15");
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("484.995");

        sandbox.setMarkPrice(APT.value(), dec("5.5"));
        run(TradeOperation.COLLAPSE_POSITION, taker.trader().collapsePosition(APT));
        assertThat(taker.positions().positions(b, APT)).isEmpty();
        // Margin 15 came back, less the taker fee on 2 * 5.5; the profit of 1 waits as pending PnL.
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("499.9895");
        assertThat(taker.accounts().netProfileBalance(b)).isEqualByComparingTo("500.9895");

        run(TradeOperation.SETTLE_PNL, taker.trader().settlePnl(APT));
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("500.9895");
        assertThat(taker.accounts().netProfileBalance(b)).isEqualByComparingTo("500.9895");

        TradeResult withdrawal = run(TradeOperation.WITHDRAW, taker.trader().withdraw(APT, dec("100.5")));
        assertThat(withdrawal.sequenceNumber()).isEqualTo(BigInteger.valueOf(7));
        assertThat(taker.accounts().profileBalance(b)).isEqualByComparingTo("400.4895");
        assertThat(taker.accounts().walletBalance(b)).isEqualByComparingTo("600.5");
        assertThat(taker.accounts().depositAndWithdrawHistory(b)).extracting(BalanceTransfer::deposit)
                .containsExactly(false, true);
        assertThat(taker.node().account(b.address()).sequenceNumber()).isEqualTo(BigInteger.valueOf(8));
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
