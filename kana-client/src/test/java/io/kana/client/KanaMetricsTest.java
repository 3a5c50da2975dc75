package io.kana.client;

import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.stream.Feed;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeListener;
import io.kana.sandbox.KanaSandbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With Micrometer present the client counts how writes end, the submitter's work and the streams' drops. */
class KanaMetricsTest {

    @Test
    void aCommittedWriteCountsAsSucceededWithItsCommitLatencyAndTheFirstNumberRead() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(21).start();
                KanaClient kana = client(sandbox, KEY_A, registry, SandboxWallets.AWAIT)) {
            sandbox.fundWallet(kana.wallet().hex(), new BigDecimal("100"));

            KanaTrader.join(kana.trader().deposit(new BigDecimal("10")));

            // Recorded as the caller's future completes, possibly just after join() returns.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(count(registry, "deposit", "succeeded")).isEqualTo(1);
                Timer commit = registry.find("kana.trade.commit").tag("operation", "deposit").timer();
                assertThat(commit == null ? 0 : commit.count()).isEqualTo(1);
            });
            assertThat(registry.get("kana.submitter.resyncs").counter().count()).isGreaterThanOrEqualTo(1);
            assertThat(registry.find("kana.trades").tag("outcome", "rejected").counter()).isNull();
        }
    }

    @Test
    void anAbortedWriteIsRejectedAndAnUnseenCommitIsOutcomeUnknown() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(22).commitDelay(Duration.ofSeconds(2)).start();
                KanaClient patient = client(sandbox, KEY_A, registry, SandboxWallets.AWAIT);
                KanaClient hasty = client(sandbox, KEY_B, registry, Execution.awaitCommit(Duration.ofMillis(300)))) {
            sandbox.fundWallet(patient.wallet().hex(), new BigDecimal("100"));
            sandbox.fundWallet(hasty.wallet().hex(), new BigDecimal("100"));

            assertThatThrownBy(() -> KanaTrader.join(patient.trader().deposit(new BigDecimal("5000"))))
                    .isInstanceOf(TransactionFailedException.class);
            assertThatThrownBy(() -> KanaTrader.join(hasty.trader().deposit(new BigDecimal("1"))))
                    .isInstanceOf(TransactionOutcomeUnknownException.class);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(count(registry, "deposit", "rejected")).isEqualTo(1);
                assertThat(count(registry, "deposit", "outcome_unknown")).isEqualTo(1);
            });
            assertThat(registry.find("kana.trades").tag("outcome", "succeeded").counter()).isNull();
        }
    }

    @Test
    void aLostSubmitAnswerCountsARetryByItsCause() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(24).start();
                KanaClient kana = client(sandbox, KEY_A, registry, SandboxWallets.AWAIT)) {
            sandbox.fundWallet(kana.wallet().hex(), new BigDecimal("100"));
            sandbox.faults().dropAnswerAfterSubmit(1.0);

            try {
                KanaTrader.join(kana.trader().deposit(new BigDecimal("10")));
            } catch (TransactionOutcomeUnknownException stillUnknown) {
                // Every answer is dropped: whichever way it ends, the re-send was counted.
            }

            assertThat(counted(registry.find("kana.retries").tag("cause", "unanswered").counter()))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aTradeApiAnswering503IsRetriedAndCountedByStatus() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(25).start();
                KanaClient kana = client(sandbox, KEY_A, registry, SandboxWallets.AWAIT)) {
            sandbox.faults().serviceUnavailable(io.kana.sandbox.SandboxFaults.Target.TRADE_API, 1.0);

            assertThatThrownBy(() -> kana.markets().allPerpetualAssets())
                    .isInstanceOf(io.kana.core.error.KanaTransportException.class);

            assertThat(counted(registry.find("kana.retries").tag("cause", "http_503").counter()))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aCutStreamConnectionCountsAReconnectAndAGap() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(23).start();
                KanaClient kana = KanaClient.builder(SandboxWallets.config(sandbox, KEY_A))
                        .wsUrl(URI.create(sandbox.wsUrl())).listener(new KanaMetrics(registry)).build()) {
            kana.streams().subscribe(Feed.openOrders(kana.wallet())).subscribe(new Recorder<>());
            await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.streamConnections() > 0);

            sandbox.cutStreamConnections();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(counted(registry.find("kana.stream.reconnects").counter())).isGreaterThanOrEqualTo(1);
                assertThat(counted(registry.find("kana.stream.gaps").tag("topic", "open_orders")
                        .tag("cause", "disconnected").counter())).isGreaterThanOrEqualTo(1);
            });
        }
    }

    @Test
    void withMicrometerPresentTheClientBindsTheGlobalRegistryAndWithoutItNothing() {
        assertThat(Assembly.detectMetrics(KanaMetricsTest.class.getClassLoader()))
                .isInstanceOf(KanaMetrics.class);

        ClassLoader withoutMicrometer = new ClassLoader(KanaMetricsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.micrometer.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThat(Assembly.detectMetrics(withoutMicrometer)).isSameAs(TradeListener.NONE);
    }

    private static KanaClient client(KanaSandbox sandbox, String key, MeterRegistry registry, Execution execution) {
        return KanaClient.builder(SandboxWallets.config(sandbox, key)).execution(execution)
                .submitterSettings(SandboxWallets.SETTINGS).listener(new KanaMetrics(registry)).build();
    }

    private static double count(MeterRegistry registry, String operation, String outcome) {
        return counted(registry.find("kana.trades").tag("operation", operation).tag("outcome", outcome).counter());
    }

    /** A counter's count; 0 before anything registered it. */
    private static double counted(Counter counter) {
        return counter == null ? 0 : counter.count();
    }
}
