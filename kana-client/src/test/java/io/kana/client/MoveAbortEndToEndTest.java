package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.TransactionFailedException;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Move aborts: caught by a simulation before anything is submitted, or committed and reported with their code. */
class MoveAbortEndToEndTest {

    /** 100 APT at 4 USDC with leverage 1 needs 400 USDC of margin; the account holds 10. */
    private static final LimitOrderRequest TOO_LARGE =
            LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("100"), dec("4"), 1);

    private KanaSandbox sandbox;
    private KanaClient client;
    private String module;

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(9).start();
        client = SandboxWallets.funded(sandbox, KEY_A, "100", SandboxWallets.AWAIT.simulatingFirst(), SETTINGS);
        module = "0xa11ce::perpetual_scripts";
        KanaTrader.join(client.trader().deposit(dec("10")));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aSimulationCatchesInsufficientMarginAndNothingIsSubmitted() {
        sandbox.resetRequestCounts();

        assertThatThrownBy(() -> KanaTrader.join(client.trader().placeLimitOrder(TOO_LARGE)))
                .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                    assertThat(e.effectMayExist()).isFalse();
                    assertThat(e.outcome().success()).isFalse();
                    MoveAbort abort = e.outcome().moveAbort();
                    assertThat(abort.module()).isEqualTo(module);
                    assertThat(abort.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
                    assertThat(abort.code()).isEqualTo(4);
                })
                .hasMessageContaining("E_INSUFFICIENT_MARGIN");

        Map<String, Long> counts = sandbox.requestCounts();
        assertThat(counts).containsEntry("/v1/transactions/simulate", 1L).doesNotContainKey("/v1/transactions");
        assertThat(client.node().account(client.wallet().address()).sequenceNumber()).isEqualTo(BigInteger.ONE);
        assertThat(client.orders().orderHistory(client.wallet(), APT, PageRequest.DEFAULT)).isEmpty();
        assertThat(client.accounts().profileBalance(client.wallet())).isEqualByComparingTo("10");
    }

    @Test
    void aSimulationLetsAGoodOrderThrough() {
        TradeResult placed = KanaTrader.join(client.trader().placeLimitOrder(
                LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), dec("4"), 1)));

        assertThat(placed.committed()).isTrue();
        assertThat(client.orders().openOrders(client.wallet(), APT)).singleElement()
                .satisfies(o -> assertThat(o.status()).isIn(null, OrderStatus.OPEN));
    }

    @Test
    void aCommittedAbortIsReportedWithItsCodeAndConsumesTheSequenceNumber() {
        KanaTrader withoutSimulation = client.trader().withExecution(SandboxWallets.AWAIT);
        OrderId unknown = OrderId.parse("123456789");

        assertThatThrownBy(() -> KanaTrader.join(withoutSimulation.cancelMultipleOrders(
                        new CancelOrdersRequest(APT, List.of(new OrderToCancel(unknown, Side.LONG))))))
                .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                    assertThat(e.effectMayExist()).isFalse();
                    assertThat(e.outcome().hash()).matches("0x[0-9a-f]{64}");
                    assertThat(e.outcome().version()).isNotNull();
                    assertThat(e.outcome().gasUsed()).isPositive();
                    MoveAbort abort = e.outcome().moveAbort();
                    assertThat(abort.module()).isEqualTo(module);
                    assertThat(abort.codeName()).isEqualTo("E_ORDER_NOT_FOUND");
                    assertThat(abort.code()).isEqualTo(5);
                    assertThat(abort.reason()).contains("123456789");
                })
                .hasMessageContaining("failed on chain");
        // The deposit used 0, the failed cancel 1.
        assertThat(client.node().account(client.wallet().address()).sequenceNumber()).isEqualTo(BigInteger.TWO);

        TradeResult next = KanaTrader.join(withoutSimulation.placeLimitOrder(
                LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), dec("4"), 1)));

        assertThat(next.sequenceNumber()).isEqualTo(BigInteger.TWO);
        assertThat(next.committed()).isTrue();
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(1);
    }
}
