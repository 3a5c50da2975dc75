package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an order costs in requests. The first order of a client also learns the market's rules and the
 * chain's constants; after it, an order that does not wait is exactly two requests: its payload and
 * its submission.
 */
class RequestCountEndToEndTest {

    /** Long enough that a wait always finds the transaction pending first, short of the node's 1 s long poll. */
    private static final Duration COMMIT_DELAY = Duration.ofMillis(400);

    private KanaSandbox sandbox;
    private KanaClient client;

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(21).commitDelay(COMMIT_DELAY).start();
        client = SandboxWallets.funded(sandbox, KEY_A, "1000", Execution.SUBMIT_ONLY, SETTINGS);
        sandbox.resetRequestCounts();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private static LimitOrderRequest order(int i) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), new BigDecimal("4.000").add(
                new BigDecimal(i).movePointLeft(3)), 2);
    }

    @Test
    void theFirstOrderLearnsTheMarketAndTheChainOnce() {
        KanaTrader.join(client.trader().deposit(dec("500")));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of(
                "/deposit", 1L,
                "/getMarketInfo", 1L,
                "/placeLimitOrder", 1L,
                "/v1", 1L,
                "/v1/accounts/{address}", 1L,
                "/v1/accounts/{address}/module/{name}", 1L,
                "/v1/estimate_gas_price", 1L,
                "/v1/transactions", 2L));
    }

    @Test
    void afterTheFirstOrderAnOrderThatDoesNotWaitCostsItsPayloadAndItsSubmission() {
        KanaTrader.join(client.trader().deposit(dec("500")));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        sandbox.resetRequestCounts();

        TradeResult one = KanaTrader.join(client.trader().placeLimitOrder(order(1)));
        assertThat(one.committed()).isFalse();
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 1L, "/v1/transactions", 1L));

        List<CompletableFuture<TradeResult>> many = new ArrayList<>();
        for (int i = 2; i < 22; i++) {
            many.add(client.trader().placeLimitOrder(order(i)));
        }
        many.forEach(KanaTrader::join);
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 21L, "/v1/transactions", 21L));
    }

    @Test
    void waitingForTheCommitAddsOneLongPoll() {
        KanaTrader.join(client.trader().deposit(dec("500")));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        KanaTrader awaiting = client.trader().withExecution(SandboxWallets.AWAIT);
        sandbox.resetRequestCounts();

        TradeResult placed = KanaTrader.join(awaiting.placeLimitOrder(order(1)));

        assertThat(placed.committed()).isTrue();
        // Straight to the node's long poll (wait_by_hash), which answers when it commits.
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of(
                "/placeLimitOrder", 1L,
                "/v1/transactions", 1L,
                "/v1/transactions/wait_by_hash/{hash}", 1L));
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(2);
    }
}
