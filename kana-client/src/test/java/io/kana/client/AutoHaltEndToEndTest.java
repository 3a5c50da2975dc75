package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kana.core.error.KanaException;
import io.kana.core.error.RiskLimitException;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.port.RetryPolicy;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.StreamTransport;
import io.kana.core.stream.Topic;
import io.kana.core.trading.HaltReport;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxFaults.Target;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The automatic halt against the sandbox's faults, on a clock the test moves: an outage of the trade API,
 * the node or the stream feed longer than the limit halts once, refuses new orders without a request and
 * cancels the open orders once the API answers; shorter outages, and a client without the setting, do not.
 */
class AutoHaltEndToEndTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> reasons = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<HaltReport>> reports = new CopyOnWriteArrayList<>();
    private KanaSandbox sandbox;
    private KanaClient client;

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(43).start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        sandbox.close();
    }

    /** A client with one open order; single attempts, so each failing read is one observed failure. */
    private KanaTrader trading(boolean autoHalt) {
        KanaClient.Builder builder = KanaClient.builder(SandboxWallets.config(sandbox, KEY_A))
                .execution(SandboxWallets.AWAIT).submitterSettings(SandboxWallets.SETTINGS)
                .retryPolicy(RetryPolicy.NONE).autoHaltClock(nanos::get)
                .onAutoHalt((reason, report) -> {
                    reasons.add(reason);
                    reports.add(report);
                });
        if (autoHalt) {
            builder.autoHaltAfter(LIMIT);
        }
        client = builder.build();
        sandbox.fundWallet(client.wallet().hex(), dec("1000"));
        KanaTrader trader = client.trader();
        KanaTrader.join(trader.deposit(dec("100")));
        KanaTrader.join(trader.placeLimitOrder(bid("4")));
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(1);
        return trader;
    }

    private static LimitOrderRequest bid(String price) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), dec(price), 2);
    }

    private void elapse(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    private void apiReadFails() {
        assertThatThrownBy(() -> client.markets().market(APT)).isInstanceOf(KanaException.class);
    }

    private void nodeReadFails() {
        assertThatThrownBy(() -> client.node().ledgerInfo()).isInstanceOf(KanaException.class);
    }

    /** A new order is refused as halted, and no payload for it is asked of the trade API. */
    private void newOrderRefusedUnsent(KanaTrader trader) {
        assertThatThrownBy(() -> KanaTrader.join(trader.placeLimitOrder(bid("4.1"))))
                .isInstanceOfSatisfying(RiskLimitException.class, e -> assertThat(e.limit()).isEqualTo("halted"));
        assertThat(sandbox.requestCount("/placeLimitOrder")).isZero();
    }

    /** The pending halt's report, tried again until the API and the node answer (each check retries once due). */
    private HaltReport reportOnceAnswering() {
        CompletableFuture<HaltReport> report = reports.get(0);
        await().atMost(30, TimeUnit.SECONDS).until(() -> {
            elapse(client.autoHalt().retryEvery());
            client.autoHalt().check();
            return report.isDone();
        });
        return report.join();
    }

    @Test
    void theTradeApiUnreachablePastTheLimitHaltsOnceRefusesOrdersAndCancelsOnceItAnswers() {
        KanaTrader trader = trading(true);
        sandbox.faults().serviceUnavailable(Target.TRADE_API, 1.0);
        apiReadFails();
        elapse(Duration.ofSeconds(29));
        apiReadFails();
        client.autoHalt().check();
        assertThat(trader.haltReason()).as("29 s of outage, under the limit").isEmpty();

        elapse(Duration.ofSeconds(2));
        apiReadFails();

        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason)
                .contains("the trade API unreachable for 31.0 s").contains("HTTP 503"));
        assertThat(trader.haltReason()).contains(reasons.get(0));
        sandbox.resetRequestCounts();
        newOrderRefusedUnsent(trader);
        assertThat(sandbox.requestCount("/v1/transactions")).isZero();

        elapse(Duration.ofMinutes(5));
        apiReadFails();
        client.autoHalt().check();
        assertThat(reasons).as("one halt per outage").hasSize(1);
        assertThat(reports.get(0)).as("nothing cancelled while the API is down").isNotDone();

        sandbox.faults().reset();
        HaltReport report = reportOnceAnswering();

        assertThat(report.reason()).isEqualTo(reasons.get(0));
        assertThat(report.problems()).isEmpty();
        assertThat(report.cancelledCount()).isEqualTo(1);
        assertThat(client.orders().openOrders(client.wallet(), APT)).isEmpty();
        trader.resume();
        KanaTrader.join(trader.placeLimitOrder(bid("4.2")));
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(1);
    }

    @Test
    void anAnswerEndsTheOutageSoBlipsShorterThanTheLimitDoNotHalt() {
        KanaTrader trader = trading(true);
        sandbox.faults().serviceUnavailable(Target.TRADE_API, 1.0);
        apiReadFails();
        elapse(Duration.ofSeconds(20));
        apiReadFails();
        sandbox.faults().reset();
        client.markets().market(APT);
        sandbox.faults().serviceUnavailable(Target.TRADE_API, 1.0);
        elapse(Duration.ofSeconds(20));
        apiReadFails();
        elapse(Duration.ofSeconds(20));
        apiReadFails();
        client.autoHalt().check();

        assertThat(trader.haltReason()).as("60 s of failures, but never 30 s without an answer").isEmpty();
        assertThat(reasons).isEmpty();

        elapse(Duration.ofSeconds(11));
        apiReadFails();
        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason)
                .contains("the trade API unreachable for 31.0 s"));
    }

    @Test
    void theNodeUnreachablePastTheLimitHaltsAndCancelsOnceItAnswers() {
        KanaTrader trader = trading(true);
        sandbox.faults().serviceUnavailable(Target.NODE_READS, 1.0).serviceUnavailable(Target.SUBMIT, 1.0);
        nodeReadFails();
        elapse(Duration.ofSeconds(31));
        sandbox.resetRequestCounts();
        nodeReadFails();

        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason)
                .contains("the node unreachable for 31.0 s"));
        assertThat(trader.haltReason()).contains(reasons.get(0));
        await().atMost(30, TimeUnit.SECONDS).until(() -> sandbox.requestCount("/v1/transactions") > 0);
        assertThat(client.orders().openOrders(client.wallet(), APT)).as("the cancel was refused by the node").hasSize(1);
        newOrderRefusedUnsent(trader);

        sandbox.faults().reset();
        HaltReport report = reportOnceAnswering();

        assertThat(report.problems()).isEmpty();
        assertThat(report.cancelledCount()).isEqualTo(1);
        assertThat(client.orders().openOrders(client.wallet(), APT)).isEmpty();
    }

    @Test
    void aStreamConnectionDownPastTheLimitHalts() {
        KanaTrader trader = trading(true);
        FakeStreamTransport transport = new FakeStreamTransport();
        try (KanaStreams streams = KanaStreams.builder(transport).build()) {
            client.autoHalt().watch(streams);
            transport.listener.connected(false, 0);
            transport.listener.disconnected("stale feed: no message for 60000 ms (limit 60000 ms)");
            await().until(() -> client.autoHalt().isDown(AutoHalt.Source.STREAM_FEED));
            elapse(Duration.ofSeconds(20));
            transport.listener.connected(true, 3);
            await().until(() -> !client.autoHalt().isDown(AutoHalt.Source.STREAM_FEED));
            elapse(Duration.ofSeconds(20));
            client.autoHalt().check();
            assertThat(trader.haltReason()).as("reconnected within the limit").isEmpty();

            transport.listener.disconnected("stale feed: no message for 60000 ms (limit 60000 ms)");
            await().until(() -> client.autoHalt().isDown(AutoHalt.Source.STREAM_FEED));
            elapse(Duration.ofSeconds(31));
            client.autoHalt().check();
        }

        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason)
                .contains("the stream feed stale for 31.0 s").contains("stale feed: no message"));
        assertThat(trader.haltReason()).contains(reasons.get(0));
        HaltReport report = reportOnceAnswering();
        assertThat(report.cancelledCount()).isEqualTo(1);
        assertThat(client.orders().openOrders(client.wallet(), APT)).isEmpty();
    }

    @Test
    void offByDefault() {
        KanaTrader trader = trading(false);
        sandbox.faults().serviceUnavailable(Target.TRADE_API, 1.0).serviceUnavailable(Target.NODE_READS, 1.0);
        apiReadFails();
        nodeReadFails();
        elapse(Duration.ofHours(1));
        apiReadFails();
        nodeReadFails();
        sandbox.faults().reset();

        assertThat(client.autoHalt()).isNull();
        assertThat(trader.haltReason()).isEmpty();
        assertThat(reasons).isEmpty();
        KanaTrader.join(trader.placeLimitOrder(bid("4.1")));
        assertThat(client.orders().openOrders(client.wallet(), APT)).hasSize(2);
    }

    @Test
    void aReadOnlyClientHasNothingToHalt() {
        client = KanaClient.builder(KanaConfig.sandbox(URI.create(sandbox.apiUrl()),
                URI.create(sandbox.nodeUrl()), sandbox.moduleId(), null)).autoHaltAfter(LIMIT).build();

        assertThat(client.canTrade()).isFalse();
        assertThat(client.autoHalt()).isNull();
    }

    @Test
    void theEnvironmentSetsTheLimitAsADuration() {
        assertThat(ClientEnvironment.duration("KANA_AUTO_HALT_AFTER", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ClientEnvironment.duration("KANA_AUTO_HALT_AFTER", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ClientEnvironment.duration("KANA_AUTO_HALT_AFTER", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ClientEnvironment.duration("KANA_AUTO_HALT_AFTER", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        for (String bad : List.of("soon", "30", "-5s", "0s")) {
            assertThatThrownBy(() -> ClientEnvironment.builder(Map.of("KANA_AUTO_HALT_AFTER", bad)))
                    .as(bad).isInstanceOfSatisfying(KanaConfigException.class,
                            e -> assertThat(e.getMessage()).contains(bad));
        }
    }

    /** A stream connection the test drives: it only hands the listener out. */
    private static final class FakeStreamTransport implements StreamTransport {
        volatile Listener listener;

        @Override
        public void start(Listener value) {
            this.listener = value;
        }

        @Override
        public void subscribe(Topic topic, String key) {}

        @Override
        public void unsubscribe(Topic topic, String key) {}

        @Override
        public void close() {}
    }
}
