package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.PageRequest;
import io.kana.core.model.PlacedOrder;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Side;
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link NetTrader#readBack}: a hedge-mode placement's ids and fills, found by the committed version only. */
class NetTraderReadBackTest {

    private static final MarketId APT = MarketId.of(1338);
    private static final OrderSpec LONG_LIMIT = OrderSpec.limit(Side.LONG, Direction.OPEN, d("1.5"), d("4.9"), 1);
    private static final OrderSpec SHORT_MARKET = OrderSpec.market(Side.SHORT, Direction.OPEN, d("2"), 2);

    private final TraderFixture fixture = new TraderFixture();
    private final RecordedOrders orders = new RecordedOrders();
    private final NetTrader net = NetTrader.of(fixture.trader, WalletAddress.parse(TraderFixture.WALLET),
            fixture.markets, orders, unused(Positions.class), unused(Accounts.class));

    @Test
    void theOrdersAndFillsOfTheCommittedVersionAreFound() {
        orders.history.add(order(5, LONG_LIMIT, false, 40));
        orders.history.add(order(6, SHORT_MARKET, true, 40));
        orders.history.add(order(8, LONG_LIMIT, false, 41));
        orders.history.add(order(9, SHORT_MARKET, true, 41));
        orders.fills.add(fill(6, "5.0", "2", 40));
        orders.fills.add(fill(9, "5.1", "1.5", 41));
        orders.fills.add(fill(9, "5.5", "0.5", 41));

        Placement placement = net.readBack(APT, committed(41), List.of(LONG_LIMIT, SHORT_MARKET));

        assertThat(placement.orders()).extracting(PlacedOrder::spec).containsExactly(LONG_LIMIT, SHORT_MARKET);
        assertThat(placement.orderIds()).containsExactly(OrderId.of(8), OrderId.of(9));
        assertThat(placement.allOrderIdsKnown()).isTrue();
        assertThat(placement.fills()).extracting(Fill::orderId).containsExactly(OrderId.of(9), OrderId.of(9));
        assertThat(placement.filledSize()).isEqualByComparingTo("2");
        assertThat(placement.averagePrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("5.2"));
    }

    @Test
    void aVersionWithNoRecordsLeavesTheIdsUnknownRatherThanTakingALookAlike() {
        orders.history.add(order(5, LONG_LIMIT, false, 40));
        orders.fills.add(fill(5, "4.9", "1.5", 40));

        Placement placement = net.readBack(APT, committed(41), List.of(LONG_LIMIT));

        assertThat(placement.orders()).singleElement().satisfies(o -> assertThat(o.orderId()).isEmpty());
        assertThat(placement.orderIds()).isEmpty();
        assertThat(placement.allOrderIdsKnown()).isFalse();
        assertThat(placement.fills()).isEmpty();
    }

    @Test
    void withoutACommitNothingIsReadAndNoIdIsKnown() {
        TradeResult pending = new TradeResult(TradeOperation.PLACE_LIMIT_ORDER,
                TraderFixture.kana("place_limit_order"), "0x" + "ab".repeat(32), BigInteger.ONE, null);

        Placement placement = net.readBack(APT, pending, List.of(LONG_LIMIT));

        assertThat(placement.allOrderIdsKnown()).isFalse();
        assertThat(orders.calls).isEmpty();
    }

    private static TradeResult committed(long version) {
        String hash = "0x" + "cd".repeat(32);
        return new TradeResult(TradeOperation.PLACE_MULTIPLE_ORDERS, TraderFixture.kana("place_multiple_orders"), hash,
                BigInteger.ONE, new TransactionOutcome(hash, BigInteger.valueOf(version), true, BigInteger.TEN,
                        "Executed successfully", null));
    }

    private static Order order(long id, OrderSpec spec, boolean market, long version) {
        return new Order(OrderId.of(id), APT, null, Optional.of(spec.side()), spec.direction(), null, market,
                market ? null : spec.price(), spec.size(), spec.size(), BigDecimal.ZERO, null, spec.leverage(),
                OrderStatus.of("Open"), null, Instant.EPOCH, Instant.EPOCH, BigInteger.valueOf(version));
    }

    private static Fill fill(long orderId, String price, String size, long version) {
        return new Fill(APT, OrderId.of(orderId), null, Optional.empty(), d(price), d(size), null, false, "t" + orderId,
                Instant.EPOCH, BigInteger.valueOf(version));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> port) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " is not read back");
        });
    }

    /** Order history and fills as Kana serves them: newest first. */
    private static final class RecordedOrders implements Orders {
        final List<Order> history = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public List<Order> orderHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
            calls.add("orderHistory");
            return newestFirst(history);
        }

        @Override
        public List<Fill> fillsBetween(WalletAddress wallet, MarketId marketId, Instant from, Instant to,
                PageRequest page) {
            calls.add("fillsBetween");
            return newestFirst(fills);
        }

        private static <T> List<T> newestFirst(List<T> rows) {
            List<T> copy = new ArrayList<>(rows);
            Collections.reverse(copy);
            return copy;
        }

        @Override
        public List<Order> openOrders(WalletAddress wallet, MarketId marketId) {
            throw new AssertionError("not read back");
        }

        @Override
        public List<Order> openOrdersFromContract(WalletAddress wallet, MarketId marketId) {
            throw new AssertionError("not read back");
        }

        @Override
        public List<OrderId> openOrderIds(WalletAddress wallet, MarketId marketId) {
            throw new AssertionError("not read back");
        }

        @Override
        public Order orderStatus(MarketId marketId, OrderId orderId) {
            throw new AssertionError("not read back");
        }

        @Override
        public Order fetchOrderStatus(MarketId marketId, OrderId orderId) {
            throw new AssertionError("not read back");
        }

        @Override
        public List<Fill> fills(MarketId marketId, ProfileAddress profile, TimeRange range, OrderId orderId) {
            throw new AssertionError("not read back");
        }

        @Override
        public List<Trade> tradeHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
            throw new AssertionError("not read back");
        }
    }
}
