package io.kana.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.client.KanaClient;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountFill;
import io.kana.core.model.Action;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.MarketId;
import io.kana.core.model.NetOrder;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.PlacedOrder;
import io.kana.core.model.Side;
import io.kana.core.trading.NetTrader;
import io.kana.core.trading.Placement;
import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bot-facing API against the embedded sandbox: net inventory, results, cancel-all, tags, fills. */
class NetTraderEndToEndTest {

    static final MarketId APT = MarketId.of(1338);
    static final MarketId BTC = MarketId.of(1339);

    SandboxKana sandbox;
    NetTrader bot;
    NetTrader other;

    @BeforeEach
    void start() {
        sandbox = SandboxKana.start();
        bot = sandbox.newTradingWallet(d("1000"), d("500")).netTrader();
        other = sandbox.newTradingWallet(d("1000"), d("500")).netTrader();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aRestingLimitBuyReportsItsOrderIdItsTagAndNothingFilled() {
        Placement placed = bot.place(APT, List.of(NetOrder.buy(d("1"), d("4.9")).tagged("bid-1")));

        assertThat(placed.transaction().operation()).isEqualTo(TradeOperation.PLACE_LIMIT_ORDER);
        assertThat(placed.allOrderIdsKnown()).isTrue();
        assertThat(placed.nothingFilled()).isTrue();
        assertThat(placed.averagePrice()).isEmpty();
        OrderId id = placed.orderIds().get(0);
        assertThat(bot.openOrders(APT)).extracting(Order::orderId).containsExactly(id);
        assertThat(bot.ordersTagged("bid-1")).containsExactly(id);
        assertThat(placed.orders().get(0).action()).isEqualTo(Action.BUY);
    }

    @Test
    void aSellLargerThanTheLongClosesItAndOpensAShortForTheRest() {
        other.place(APT, List.of(NetOrder.sell(d("1"), d("5.1")), NetOrder.buy(d("3"), d("4.8"))));
        Placement bought = bot.place(APT, List.of(NetOrder.buyAtMarket(d("1"))));
        assertThat(bought.filledSize()).isEqualByComparingTo("1");
        assertThat(bought.averagePrice()).contains(d("5.1"));
        assertThat(bot.netPosition(APT)).isEqualByComparingTo("1");

        Placement sold = bot.place(APT, List.of(NetOrder.sellAtMarket(d("1.5")).tagged("flip")));

        assertThat(sold.orders()).extracting(o -> o.spec().side(), o -> o.spec().direction(), o -> o.spec().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.LONG, Direction.CLOSE, d("1")),
                        org.assertj.core.groups.Tuple.tuple(Side.SHORT, Direction.OPEN, d("0.5")));
        assertThat(sold.orders()).extracting(PlacedOrder::action).containsOnly(Action.SELL);
        assertThat(sold.filledSize()).isEqualByComparingTo("1.5");
        assertThat(sold.averagePrice()).contains(d("4.8"));
        assertThat(bot.netPosition(APT)).isEqualByComparingTo("-0.5");
        assertThat(bot.fills("flip")).hasSize(2).allSatisfy(f -> assertThat(f.action()).contains(Action.SELL));
    }

    @Test
    void reduceOnlyNeverOpensAndRefusesWhenThereIsNothingToReduce() {
        sandbox.resetRequestCounts();
        assertThatThrownBy(() -> bot.place(APT, List.of(NetOrder.buyAtMarket(d("1")).asReduceOnly())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reduce-only");
        assertThat(sandbox.requestCounts()).doesNotContainKey("/v1/transactions");

        other.place(APT, List.of(NetOrder.buy(d("1"), d("4.8")), NetOrder.sell(d("5"), d("5.1"))));
        bot.place(APT, List.of(NetOrder.sellAtMarket(d("0.5"))));
        Placement reduced = bot.place(APT, List.of(NetOrder.buyAtMarket(d("2")).asReduceOnly()));

        assertThat(reduced.orders()).singleElement().satisfies(o -> {
            assertThat(o.spec().side()).isEqualTo(Side.SHORT);
            assertThat(o.spec().direction()).isEqualTo(Direction.CLOSE);
            assertThat(o.spec().size()).isEqualByComparingTo("0.5");
        });
        assertThat(bot.netPosition(APT)).isEqualByComparingTo("0");
    }

    @Test
    void aMarketOrderIntoAnEmptyBookSaysNothingFilled() {
        Placement placed = bot.place(APT, List.of(NetOrder.buyAtMarket(d("1"))));

        assertThat(placed.transaction().committed()).isTrue();
        assertThat(placed.nothingFilled()).isTrue();
        assertThat(placed.filledSize()).isZero();
        assertThat(bot.netPosition(APT)).isZero();
    }

    @Test
    void cancelAllCancelsEveryOrderOfAMarketAndAcrossMarketsOneBatchPerMarket() {
        bot.place(APT, List.of(NetOrder.buy(d("1"), d("4.9")), NetOrder.buy(d("1"), d("4.8")),
                NetOrder.sell(d("1"), d("5.2"))));
        bot.place(BTC, List.of(NetOrder.buy(d("0.001"), d("60000"))));

        List<TradeResult> apt = bot.cancelAll(APT);
        assertThat(apt).singleElement().satisfies(r -> assertThat(r.operation())
                .isEqualTo(TradeOperation.CANCEL_MULTIPLE_ORDERS));
        assertThat(bot.openOrders(null)).extracting(Order::marketId).containsExactly(BTC);

        bot.place(APT, List.of(NetOrder.sell(d("1"), d("5.3"))));
        assertThat(bot.cancelAll()).hasSize(2);
        assertThat(bot.openOrders(null)).isEmpty();
        assertThat(bot.cancelAll()).isEmpty();
    }

    @Test
    void cancelByTagCancelsOnlyThatTagsOrders() {
        bot.place(APT, List.of(NetOrder.buy(d("1"), d("4.9")).tagged("a"), NetOrder.buy(d("1"), d("4.8")).tagged("b")));

        assertThat(bot.cancel("a")).hasSize(1);

        assertThat(bot.openOrders(APT)).extracting(Order::orderId).containsExactlyElementsOf(bot.ordersTagged("b"));
        assertThat(bot.cancel("nobody")).isEmpty();
    }

    @Test
    void replaceCancelsTheOpenQuotesAndPlacesNewOnesInOneTransaction() {
        Placement first = bot.replace(APT, List.of(NetOrder.buy(d("1"), d("4.9")), NetOrder.sell(d("1"), d("5.1"))));
        assertThat(first.transaction().operation()).isEqualTo(TradeOperation.PLACE_MULTIPLE_ORDERS);

        Placement second = bot.replace(APT, List.of(NetOrder.buy(d("1"), d("4.95")), NetOrder.sell(d("1"), d("5.05"))));

        assertThat(second.transaction().operation()).isEqualTo(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS);
        assertThat(second.cancelled()).containsExactlyInAnyOrderElementsOf(first.orderIds());
        assertThat(second.attempts()).isEqualTo(1);
        assertThat(bot.openOrders(APT)).extracting(Order::orderId).containsExactlyInAnyOrderElementsOf(second.orderIds());
        assertThat(bot.openOrders(APT)).extracting(Order::price)
                .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(d("4.95"), d("5.05"));
    }

    @Test
    void fillsSayBuyOrSellAndOpenOrClose() {
        other.place(APT, List.of(NetOrder.sell(d("1"), d("5.1")), NetOrder.buy(d("1"), d("4.9"))));
        bot.place(APT, List.of(NetOrder.buyAtMarket(d("1"))));
        bot.place(APT, List.of(NetOrder.sellAtMarket(d("1"))));

        List<AccountFill> fills = bot.fills(APT, null, null);

        assertThat(fills).extracting(f -> f.action().orElseThrow(), f -> f.direction().orElseThrow())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Action.BUY, Direction.OPEN),
                        org.assertj.core.groups.Tuple.tuple(Action.SELL, Direction.CLOSE));
        BigDecimal cash = fills.stream().map(f -> f.cashFlow().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = fills.stream().map(f -> f.fill().fee()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cash).isEqualByComparingTo(d("-0.2").subtract(fees));
        // The counterparty's fills come from orders its own object placed; this one looks them up.
        assertThat(other.fills(APT, null, null)).allSatisfy(f -> assertThat(f.direction()).contains(Direction.OPEN));
        assertThat(fills).extracting(AccountFill::fill).extracting(Fill::marketId).containsOnly(APT);
    }

    @Test
    void aNewWalletIsFundedAndItsKeyIsFresh() {
        KanaClient one = sandbox.newWallet(d("250"));
        KanaClient two = sandbox.newWallet(d("1"));

        assertThat(one.accounts().walletBalance(one.wallet())).isEqualByComparingTo("250");
        assertThat(one.wallet()).isNotEqualTo(two.wallet());
        assertThat(SandboxKana.newPrivateKey().toString()).isEqualTo("<redacted>");
    }

    @Test
    void anAbortSpeaksCoinsAndPricesFirstAndWireUnitsAfter() {
        other.place(APT, List.of(NetOrder.sell(d("200"), d("5.1")).withLeverage(5)));

        assertThatThrownBy(() -> bot.place(APT, List.of(NetOrder.buyAtMarket(d("200")))))
                .isInstanceOf(io.kana.core.error.TransactionFailedException.class)
                .hasMessageContaining("opening 200 APT (200000 lots) at 5.1 (5100 ticks) with leverage 1")
                .hasMessageContaining("free trading balance is 500 USDC (500000000 subunits)");
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
