package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.RiskLimitException;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.Side;
import io.kana.core.trading.HaltReport;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.RiskLimits;
import io.kana.core.trading.RiskState;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pre-trade risk limits refuse before any request (the sandbox counts none), and the kill switch
 * leaves no open order on any market.
 */
class RiskAndHaltEndToEndTest {

    private static final MarketId BTC = MarketId.of(1339);

    /** The account's state as an application would keep it; set by each test. */
    private static final class State implements RiskState {
        volatile int openOrders;
        final Map<MarketId, BigDecimal> positions = new ConcurrentHashMap<>();
        final Map<MarketId, BigDecimal> references = new ConcurrentHashMap<>();
        volatile BigDecimal loss = BigDecimal.ZERO;

        @Override
        public int openOrders() {
            return openOrders;
        }

        @Override
        public BigDecimal position(MarketId market) {
            return positions.getOrDefault(market, BigDecimal.ZERO);
        }

        @Override
        public Optional<BigDecimal> referencePrice(MarketId market) {
            return Optional.ofNullable(references.get(market));
        }

        @Override
        public BigDecimal realisedLossToday() {
            return loss;
        }
    }

    private KanaSandbox sandbox;
    private KanaClient client;
    private final State state = new State();

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(41).start();
        state.references.put(APT, dec("4"));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sandbox.close();
    }

    /** A fresh client (it knows no market yet, so any request would show in the counts). */
    private KanaClient client(RiskLimits limits) {
        client = KanaClient.builder(SandboxWallets.config(sandbox, KEY_A)).execution(SandboxWallets.AWAIT)
                .submitterSettings(SETTINGS).trader(b -> b.riskLimits(limits).riskState(state)).build();
        sandbox.fundWallet(client.wallet().hex(), dec("100000"));
        sandbox.resetRequestCounts();
        return client;
    }

    private static LimitOrderRequest limit(String size, String price) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec(size), dec(price), 2);
    }

    private void refusedWithoutRequests(String limit, Supplier<CompletableFuture<?>> order) {
        assertThatThrownBy(() -> KanaTrader.join(order.get()))
                .isInstanceOfSatisfying(RiskLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(limit);
                    assertThat(e.effectMayExist()).isFalse();
                });
        assertThat(sandbox.requestCounts()).as("requests after a " + limit + " refusal").isEmpty();
    }

    @Test
    void maxOrderNotional() {
        KanaTrader trader = client(RiskLimits.none().withMaxOrderNotional(dec("100"))).trader();
        refusedWithoutRequests("maxOrderNotional", () -> trader.placeLimitOrder(limit("30", "4")));
        // A market order is valued at the reference price: 30 x 4.
        refusedWithoutRequests("maxOrderNotional", () -> trader.placeMarketOrder(
                MarketOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("30"), 2)));
        refusedWithoutRequests("maxOrderNotional", () -> trader.placeMultipleOrders(MultipleOrdersRequest.of(APT,
                List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, dec("1"), dec("4"), 2),
                        OrderSpec.limit(Side.LONG, Direction.OPEN, dec("26"), dec("4"), 2)))));
    }

    @Test
    void maxOpenOrders() {
        state.openOrders = 10;
        KanaTrader trader = client(RiskLimits.none().withMaxOpenOrders(10)).trader();
        refusedWithoutRequests("maxOpenOrders", () -> trader.placeLimitOrder(limit("1", "4")));
    }

    @Test
    void maxPositionPerMarket() {
        state.positions.put(APT, dec("-9"));
        KanaTrader trader = client(RiskLimits.none().withMaxPosition(dec("10"))).trader();
        refusedWithoutRequests("maxPosition", () -> trader.placeMarketOrder(
                MarketOrderRequest.of(APT, Side.SHORT, Direction.OPEN, dec("2"), 2)));
    }

    @Test
    void priceBandAgainstTheReference() {
        KanaTrader trader = client(RiskLimits.none().withPriceBandPercent(dec("5"))).trader();
        refusedWithoutRequests("priceBand", () -> trader.placeLimitOrder(limit("1", "4.25")));
        refusedWithoutRequests("priceBand", () -> trader.placeLimitOrder(limit("1", "3.79")));
        state.references.remove(APT);
        refusedWithoutRequests("priceBand", () -> trader.placeLimitOrder(limit("1", "4")));
    }

    @Test
    void orderRatePerSecond() {
        KanaTrader trader = client(RiskLimits.none().withMaxOrdersPerSecond(1)).trader();
        KanaTrader.join(trader.deposit(dec("500")));
        sandbox.resetRequestCounts();

        // The gate judges at the call, so the second call is refused within the first one's second.
        CompletableFuture<?> first = trader.placeLimitOrder(limit("1", "4"));
        CompletableFuture<?> second = trader.placeLimitOrder(limit("1", "4.001"));
        KanaTrader.join(first);

        assertThatThrownBy(() -> KanaTrader.join(second)).isInstanceOfSatisfying(RiskLimitException.class,
                e -> assertThat(e.limit()).isEqualTo("maxOrdersPerSecond"));
        assertThat(sandbox.requestCount("/placeLimitOrder")).isEqualTo(1);
        assertThat(sandbox.requestCount("/v1/transactions")).isEqualTo(1);
    }

    @Test
    void dailyRealisedLossStop() {
        state.loss = dec("250");
        KanaTrader trader = client(RiskLimits.none().withDailyLossStop(dec("250"))).trader();
        refusedWithoutRequests("dailyLossStop", () -> trader.placeLimitOrder(limit("1", "4")));
    }

    @Test
    void theKillSwitchCancelsHundredsOfOrdersAcrossMarketsAndRefusesNewOnes() throws Exception {
        KanaTrader trader = client(RiskLimits.none()).trader();
        KanaTrader.join(trader.deposit(dec("50000")));
        List<CompletableFuture<?>> placed = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<OrderSpec> orders = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                orders.add(OrderSpec.limit(Side.LONG, Direction.OPEN, dec("1"),
                        dec("3.000").add(new BigDecimal(batch * 100 + i).movePointLeft(3)), 2));
            }
            placed.add(trader.placeMultipleOrders(MultipleOrdersRequest.of(APT, orders)));
        }
        List<OrderSpec> btc = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            btc.add(OrderSpec.limit(Side.LONG, Direction.OPEN, dec("0.001"), new BigDecimal(60000 - i), 10));
        }
        placed.add(trader.placeMultipleOrders(MultipleOrdersRequest.of(BTC, btc)));
        placed.forEach(KanaTrader::join);
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(300);
        assertThat(client.orders().openOrders(client.wallet(), BTC)).hasSize(100);

        HaltReport report = trader.halt("test: runaway loop").get(30, TimeUnit.SECONDS);

        assertThat(report.problems()).isEmpty();
        assertThat(report.cancelledCount()).isEqualTo(400);
        assertThat(report.cancelled().get(APT)).hasSize(300);
        assertThat(report.cancelled().get(BTC)).hasSize(100);
        assertThat(report.transactions()).as("one cancel transaction per market").isEqualTo(2);
        assertThat(client.orders().openOrders(client.wallet(), APT)).isEmpty();
        assertThat(client.orders().openOrders(client.wallet(), BTC)).isEmpty();
        assertThat(trader.haltReason()).contains("test: runaway loop");

        sandbox.resetRequestCounts();
        refusedWithoutRequests("halted", () -> trader.placeLimitOrder(limit("1", "4")));
        refusedWithoutRequests("halted", () -> trader.withExecution(SandboxWallets.AWAIT).placeMarketOrder(
                MarketOrderRequest.of(BTC, Side.SHORT, Direction.OPEN, dec("0.001"), 10)));

        trader.resume();
        KanaTrader.join(trader.placeLimitOrder(limit("1", "4")));
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(1);
    }
}
