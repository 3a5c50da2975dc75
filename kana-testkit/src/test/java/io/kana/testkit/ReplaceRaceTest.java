package io.kana.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.NetOrder;
import io.kana.core.model.Order;
import io.kana.core.port.Orders;
import io.kana.core.trading.NetTrader;
import io.kana.core.trading.Placement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A quote fills between the replace's read and its commit: the atomic cancel-and-place aborts, and
 * the replace reads again and succeeds on its second attempt. Also measures what a replace costs.
 */
class ReplaceRaceTest {

    static final MarketId APT = MarketId.of(1338);

    @Test
    void aQuoteFilledBetweenReadAndCommitCostsOneRetryNotTheCycle() {
        try (SandboxKana sandbox = SandboxKana.start()) {
            KanaClient client = sandbox.newTradingWallet(d("1000"), d("500"));
            NetTrader other = sandbox.newTradingWallet(d("1000"), d("500")).netTrader();
            AtomicBoolean race = new AtomicBoolean();
            NetTrader bot = NetTrader.of(client.trader(), client.wallet(), client.markets(),
                    racing(client.orders(), race, () -> other.place(APT, List.of(NetOrder.sellAtMarket(d("1"))))),
                    client.positions(), client.accounts());
            bot.replace(APT, List.of(NetOrder.buy(d("1"), d("4.9")), NetOrder.sell(d("1"), d("5.1"))));

            sandbox.resetRequestCounts();
            bot.replace(APT, List.of(NetOrder.buy(d("1"), d("4.91")), NetOrder.sell(d("1"), d("5.09"))));
            Map<String, Long> calm = sandbox.requestCounts();

            race.set(true);
            sandbox.resetRequestCounts();
            Placement raced = bot.replace(APT, List.of(NetOrder.buy(d("1"), d("4.92")), NetOrder.sell(d("1"), d("5.08"))));
            Map<String, Long> retried = sandbox.requestCounts();

            assertThat(raced.attempts()).isEqualTo(2);
            assertThat(raced.cancelled()).hasSize(1);
            assertThat(raced.allOrderIdsKnown()).isTrue();
            assertThat(bot.openOrders(APT)).extracting(Order::orderId).containsExactlyInAnyOrderElementsOf(raced.orderIds());
            // The long the fill opened is closed first by the new ask.
            assertThat(raced.orders()).hasSize(2);
            assertThat(bot.netPosition(APT)).isEqualByComparingTo("1");
            System.out.println("replace, calm: " + total(calm) + " requests " + calm);
            System.out.println("replace, raced (incl. the counterparty's market sell): " + total(retried)
                    + " requests " + retried);
            assertThat(calm.get("/cancelAndPlaceMultipleOrders")).isEqualTo(1);
            assertThat(retried.get("/cancelAndPlaceMultipleOrders")).isEqualTo(2);
        }
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@code orders}, but while {@code race} is set its first open-orders read runs {@code meanwhile} after reading. */
    static Orders racing(Orders orders, AtomicBoolean race, Runnable meanwhile) {
        return (Orders) Proxy.newProxyInstance(Orders.class.getClassLoader(), new Class<?>[] {Orders.class},
                (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(orders, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("openOrders") && race.compareAndSet(true, false)) {
                        meanwhile.run();
                    }
                    return answer;
                });
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
