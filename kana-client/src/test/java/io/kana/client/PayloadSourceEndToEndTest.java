package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.ContractMismatchException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.PayloadFallback;
import io.kana.core.trading.PayloadSource;
import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Payloads built locally: what an order costs in requests, and what a payload of the trade API that
 * differs from the local build does (the operation falls back, nothing wrong is signed).
 */
class PayloadSourceEndToEndTest {

    /** Arguments of place_limit_order: marketId, side, direction, size, price, leverage, ... */
    private static final int SIZE = 3;
    private static final int TAKE_PROFIT = 7;
    private static final int STOP_LOSS = 8;

    private KanaSandbox sandbox;
    private KanaClient client;
    private final List<PayloadFallback> reported = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sandbox.close();
    }

    private void start(Consumer<KanaTrader.Builder> settings) {
        start(KanaSandbox.builder().seed(31).start(), settings);
    }

    private void start(KanaSandbox sandbox, Consumer<KanaTrader.Builder> settings) {
        this.sandbox = sandbox;
        client = KanaClient.builder(SandboxWallets.config(sandbox, KEY_A)).execution(Execution.SUBMIT_ONLY)
                .submitterSettings(SETTINGS).trader(settings.andThen(b -> b.onPayloadFallback(reported::add))).build();
        sandbox.fundWallet(client.wallet().hex(), dec("1000"));
        KanaTrader.join(client.trader().deposit(dec("500")));
    }

    /** One APT at 4 + i/1000, leverage 2. */
    private static LimitOrderRequest order(int i) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"),
                new BigDecimal("4.000").add(new BigDecimal(i).movePointLeft(3)), 2);
    }

    /** Places orders {@code from} to {@code to - 1} at once; returns their results. */
    private List<TradeResult> place(KanaTrader trader, int from, int to) {
        List<CompletableFuture<TradeResult>> many = new ArrayList<>();
        for (int i = from; i < to; i++) {
            many.add(trader.placeLimitOrder(order(i)));
        }
        return many.stream().map(KanaTrader::join).toList();
    }

    /** Waits until every one of {@code placed} has committed. */
    private void settle(List<TradeResult> placed) {
        placed.forEach(this::settle);
    }

    private void settle(TradeResult placed) {
        client.node().awaitTransaction(placed.hash(), SandboxWallets.COMMIT_TIMEOUT);
    }

    @Test
    void verifiedLocalOrdersCostOneRequestAfterTheFirstAndTwoWithAwaiting() {
        start(b -> b.payloadSource(PayloadSource.VERIFIED_LOCAL));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        sandbox.resetRequestCounts();

        place(client.trader(), 1, 21);
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/v1/transactions", 20L));

        sandbox.resetRequestCounts();
        TradeResult awaited = KanaTrader.join(client.trader().withExecution(SandboxWallets.AWAIT)
                .placeLimitOrder(order(21)));
        assertThat(awaited.committed()).isTrue();
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of(
                "/v1/transactions", 1L, "/v1/transactions/wait_by_hash/{hash}", 1L));
        assertThat(client.trader().localPayloads()).isEqualTo(21);
        assertThat(client.trader().payloadFallbacks()).isEmpty();
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(22);
    }

    @Test
    void oneOrderInEveryNIsComparedWithTheTradeApiAgain() {
        start(b -> b.payloadSource(PayloadSource.VERIFIED_LOCAL).payloadRecheckEvery(10));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        sandbox.resetRequestCounts();

        place(client.trader(), 1, 31);

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 3L, "/v1/transactions", 30L));
        assertThat(client.trader().localPayloads()).isEqualTo(27);
    }

    @Test
    void theTradeApiSourceCostsThePayloadAndTheSubmit() {
        start(b -> b.payloadSource(PayloadSource.TRADE_API));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        sandbox.resetRequestCounts();

        place(client.trader(), 1, 11);

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 10L, "/v1/transactions", 10L));
        assertThat(client.trader().localPayloads()).isZero();
    }

    @Test
    void aPayloadThatDriftsFromTheLocalBuildIsRefusedAndTheOperationFallsBack() {
        start(b -> b.payloadSource(PayloadSource.VERIFIED_LOCAL).payloadRecheckEvery(5));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        place(client.trader(), 1, 5);
        sandbox.tamperPayloads(p -> p.withArgument(SIZE, "999999"));
        sandbox.resetRequestCounts();

        // The fifth local order is a re-check: the API's payload now differs, so nothing is signed.
        assertThatThrownBy(() -> KanaTrader.join(client.trader().placeLimitOrder(order(5))))
                .isInstanceOf(PayloadRejectedException.class)
                .satisfies(e -> assertThat(((PayloadRejectedException) e).effectMayExist()).isFalse());
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 1L));
        assertThat(client.trader().payloadFallbacks()).singleElement()
                .satisfies(f -> assertThat(f.operation()).isEqualTo(TradeOperation.PLACE_LIMIT_ORDER));
        assertThat(reported).isEqualTo(client.trader().payloadFallbacks());

        // From now on the trade API's payloads: while tampered every order is refused, none built locally.
        long local = client.trader().localPayloads();
        assertThatThrownBy(() -> KanaTrader.join(client.trader().placeLimitOrder(order(6))))
                .isInstanceOf(PayloadRejectedException.class);
        sandbox.tamperPayloads(p -> p);
        List<TradeResult> last = place(client.trader(), 7, 9);
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 4L, "/v1/transactions", 2L));
        settle(last);
        assertThat(client.trader().localPayloads()).isEqualTo(local);
        assertThat(client.trader().payloadFallbacks()).hasSize(1);
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(7);
    }

    @Test
    void aSampleWithEqualTakeProfitAndStopLossDoesNotProveTheirOrder() {
        start(b -> b.payloadSource(PayloadSource.VERIFIED_LOCAL));
        // The API swaps take-profit and stop-loss: a sample without either (both zero) cannot show it.
        sandbox.tamperPayloads(p -> p.withArgument(TAKE_PROFIT, p.functionArguments().get(STOP_LOSS))
                .withArgument(STOP_LOSS, p.functionArguments().get(TAKE_PROFIT)));
        KanaTrader.join(client.trader().placeLimitOrder(order(0)));
        // Equal values again: their order does not matter, the local build is the same either way.
        settle(KanaTrader.join(client.trader().placeLimitOrder(order(1))));
        assertThat(client.trader().localPayloads()).isEqualTo(1);
        sandbox.resetRequestCounts();

        // A take-profit and a stop-loss: the pair is unproven, so the API is asked, and its swap is caught.
        assertThatThrownBy(() -> KanaTrader.join(client.trader().placeLimitOrder(
                order(2).withTakeProfit(dec("5")).withStopLoss(dec("3")))))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("takeProfit");
        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 1L));
        assertThat(client.trader().payloadFallbacks()).hasSize(1);
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(2);
    }

    @Test
    void localAsksTheTradeApiNothing() {
        start(b -> b.payloadSource(PayloadSource.LOCAL));
        sandbox.resetRequestCounts();

        List<TradeResult> last = place(client.trader(), 0, 5);

        assertThat(sandbox.requestCount("/placeLimitOrder")).isZero();
        assertThat(sandbox.requestCount("/v1/transactions")).isEqualTo(5);
        settle(last);
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(5);
    }

    @Test
    void localRefusesAnOperationWhoseFunctionTheChainDoesNotConfirm() throws Exception {
        // The chain publishes settlePnl under a name none of the contract's candidates has.
        String published = ContractDriftEndToEndTest.standardText()
                .replace("function unproven settle_pnl update_position", "function unproven refresh_position");
        start(KanaSandbox.builder().seed(31).contract(published).start(), b -> b.payloadSource(PayloadSource.LOCAL));
        sandbox.resetRequestCounts();

        assertThatThrownBy(() -> KanaTrader.join(client.trader().settlePnl(APT)))
                .isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("confirms none of [settle_pnl, update_position]")
                .satisfies(e -> assertThat(((ContractMismatchException) e).effectMayExist()).isFalse());
        assertThat(sandbox.requestCount("/v1/transactions")).isZero();
        assertThat(sandbox.requestCount("/settlePnl")).isZero();
    }
}
