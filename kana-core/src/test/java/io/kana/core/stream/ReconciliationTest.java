package io.kana.core.stream;

import static io.kana.core.stream.Items.MARKET;
import static io.kana.core.stream.Items.WALLET;
import static io.kana.core.stream.Items.fill;
import static io.kana.core.stream.Items.order;
import static io.kana.core.stream.Items.trade;
import static io.kana.core.stream.Items.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.model.MarketPrice;
import io.kana.core.model.OrderStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private final FakeReads rest = new FakeReads();
    private final Reconciliation reconciliation = new Reconciliation(rest, rest, rest, rest);

    @Test
    void aFillIsIdentifiedByItsTradeAndOrderSoBothSidesOfASelfMatchCount() {
        assertThat(Reconciliation.key(trade("t1", 1, 10))).isEqualTo(Reconciliation.key(trade("t1", 1, 99)));
        assertThat(Reconciliation.key(trade("t1", 1, 10))).isNotEqualTo(Reconciliation.key(trade("t1", 2, 10)));
        // Without a trade id the version tells two fills of one order apart.
        assertThat(Reconciliation.key(trade(null, 1, 10))).isNotEqualTo(Reconciliation.key(trade(null, 1, 11)));
    }

    @Test
    void anOrderHistoryRowIsItsOrderAtAVersion() {
        assertThat(Reconciliation.key(order(5, 100, OrderStatus.OPEN, "2")))
                .isEqualTo(Reconciliation.key(order(5, 100, OrderStatus.OPEN, "2")))
                .isNotEqualTo(Reconciliation.key(order(5, 101, OrderStatus.OPEN, "2")))
                .isNotEqualTo(Reconciliation.key(order(5, 100, OrderStatus.PARTIALLY_FILLED, "1")))
                .isNotEqualTo(Reconciliation.key(order(6, 100, OrderStatus.OPEN, "2")));
        assertThat(Reconciliation.version(order(5, 100, OrderStatus.OPEN, "2"))).isEqualTo(BigInteger.valueOf(100));
    }

    @Test
    void aTransferIsItsVersionDirectionAndAmountWhateverTheScale() {
        assertThat(Reconciliation.key(transfer("10.50", true, 7))).isEqualTo(Reconciliation.key(transfer("10.5", true, 7)));
        assertThat(Reconciliation.key(transfer("10.5", true, 7))).isNotEqualTo(Reconciliation.key(transfer("10.5", false, 7)));
        assertThat(Reconciliation.version("not a ledger item")).isNull();
    }

    @Test
    void tradeHistoryIsFetchedNewestFirstDownToTheKnownVersionAndReturnedOldestFirst() {
        IntStream.rangeClosed(1, 250).forEach(n -> rest.trades.add(fill(n)));

        List<?> since120 = reconciliation.fetch(Feed.tradeHistory(WALLET), BigInteger.valueOf(1120));

        assertThat(since120).isEqualTo(IntStream.rangeClosed(121, 250).mapToObj(Items::fill).toList());
        // Page two (rows 150..51) reaches version 1120, so page three is never asked for.
        assertThat(rest.calls).containsExactly("tradeHistory 0", "tradeHistory 100");
    }

    @Test
    void withNoKnownVersionEveryPageIsFetched() {
        IntStream.rangeClosed(1, 200).forEach(n -> rest.trades.add(fill(n)));

        List<?> all = reconciliation.fetch(Feed.liveTradeHistory(WALLET), null);

        assertThat(all).hasSize(200).first().isEqualTo(fill(1));
        assertThat(rest.calls).containsExactly("tradeHistory 0", "tradeHistory 100", "tradeHistory 200");
    }

    @Test
    void orderHistoryKeepsEveryVersionNewerThanTheKnownOne() {
        rest.orderHistory.addAll(List.of(order(5, 100, OrderStatus.OPEN, "2"),
                order(5, 101, OrderStatus.PARTIALLY_FILLED, "1"), order(5, 102, OrderStatus.FILLED, "0")));

        assertThat(reconciliation.fetch(Feed.orderHistory(WALLET), BigInteger.valueOf(100)))
                .isEqualTo(List.of(order(5, 101, OrderStatus.PARTIALLY_FILLED, "1"), order(5, 102, OrderStatus.FILLED, "0")));
    }

    @Test
    void transfersAndRecentTradesAreFilteredToNewerAndSortedOldestFirst() {
        rest.transfers.addAll(List.of(transfer("3", false, 30), transfer("1", true, 10), transfer("2", true, 20)));
        // getAllTrades answers newest first.
        rest.recentTrades.addAll(List.of(fill(3), fill(2), fill(1)));

        assertThat(reconciliation.fetch(Feed.depositWithdrawHistory(WALLET), BigInteger.TEN))
                .isEqualTo(List.of(transfer("2", true, 20), transfer("3", false, 30)));
        assertThat(reconciliation.fetch(Feed.recentTrades(MARKET), BigInteger.valueOf(1001)))
                .isEqualTo(List.of(fill(2), fill(3)));
    }

    @Test
    void snapshotTopicsAreFetchedWhole() {
        rest.openOrders.add(order(5, 100, OrderStatus.OPEN, "2"));
        rest.price = new MarketPrice(new BigDecimal("4.9"), new BigDecimal("5.1"));

        assertThat(reconciliation.fetch(Feed.openOrders(WALLET), BigInteger.valueOf(999)))
                .isEqualTo(List.of(order(5, 100, OrderStatus.OPEN, "2")));
        assertThat(reconciliation.fetch(Feed.bestPrice(MARKET), null)).isEqualTo(List.of(rest.price));
        assertThat(reconciliation.fetch(Feed.positions(WALLET), null)).isEmpty();
    }

    @Test
    void theBookAndFundingRatesHaveNoRestCounterpart() {
        assertThat(reconciliation.canRecover(Topic.ORDERBOOK)).isFalse();
        assertThat(reconciliation.canRecover(Topic.LIVE_FUNDING_RATE)).isFalse();
        assertThatThrownBy(() -> reconciliation.fetch(Feed.orderBook(MARKET), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no REST counterpart");
    }

    @Test
    void aTopicIsRecoverableOnlyWithThePortThatServesIt() {
        Reconciliation ordersOnly = new Reconciliation(rest, null, null, null);
        assertThat(ordersOnly.canRecover(Topic.TRADE_HISTORY)).isTrue();
        assertThat(ordersOnly.canRecover(Topic.OPEN_ORDERS)).isTrue();
        assertThat(ordersOnly.canRecover(Topic.POSITIONS)).isFalse();
        assertThat(ordersOnly.canRecover(Topic.DEPOSIT_WITHDRAW_HISTORY)).isFalse();
        assertThat(ordersOnly.canRecover(Topic.BEST_PRICE)).isFalse();
        for (Topic topic : Topic.values()) {
            assertThat(reconciliation.canRecover(topic)).as(topic.wireName())
                    .isEqualTo(Reconciliation.kind(topic) != Reconciliation.Kind.NONE);
        }
    }
}
