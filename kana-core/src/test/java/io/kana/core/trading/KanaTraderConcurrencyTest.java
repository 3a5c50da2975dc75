package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.MarketId;
import io.kana.core.model.TestMarkets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many operations at once on a real thread pool. */
class KanaTraderConcurrencyTest {

    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void concurrentFirstOperationsOnAMarketShareOneFetchOfItsRules() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeMarkets markets = new FakeMarkets();
        markets.override = id -> {
            try {
                // Hold the first fetch so that every operation asks while it is in flight.
                assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return id.value() == 1338 ? TestMarkets.apt() : TestMarkets.btc();
        };
        FakePayloads payloads = new FakePayloads();
        payloads.answer(kana("collapse_position", "1338"));
        FakeSubmitter submitter = new FakeSubmitter();
        KanaTrader trader = KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).executor(pool).execution(Execution.SUBMIT_ONLY).build();

        List<CompletableFuture<TradeResult>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(trader.collapsePosition(MarketId.of(1338)));
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        release.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(markets.calls).containsExactly(MarketId.of(1338));
        assertThat(submitter.submitted).hasSize(40);
        Set<BigInteger> sequenceNumbers = futures.stream().map(CompletableFuture::join)
                .map(TradeResult::sequenceNumber).collect(Collectors.toSet());
        assertThat(sequenceNumbers).hasSize(40);
    }

    @Test
    void blockingPortsRunOnTheTradersExecutorNotTheCallersThread() throws Exception {
        FakeMarkets markets = new FakeMarkets(TestMarkets.apt());
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakePayloads payloads = new FakePayloads();
        payloads.answer = () -> {
            threads.add(Thread.currentThread().getName());
            return kana("collapse_position", "1338");
        };
        ExecutorService named = Executors.newSingleThreadExecutor(r -> new Thread(r, "trader-io"));
        try {
            KanaTrader trader = KanaTrader.builder().markets(markets).payloads(payloads).submitter(new FakeSubmitter())
                    .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).executor(named).build();

            trader.collapsePosition(MarketId.of(1338)).get(5, TimeUnit.SECONDS);

            assertThat(threads).containsExactly("trader-io");
        } finally {
            named.shutdownNow();
        }
    }

    @Test
    void theDefaultExecutorRunsOnDaemonThreads() throws Exception {
        FakePayloads payloads = new FakePayloads();
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        payloads.answer = () -> {
            threads.add(Thread.currentThread());
            return kana("collapse_position", "1338");
        };
        KanaTrader trader = KanaTrader.builder().markets(new FakeMarkets(TestMarkets.apt())).payloads(payloads)
                .submitter(new FakeSubmitter()).payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).build();

        trader.collapsePosition(MarketId.of(1338)).get(5, TimeUnit.SECONDS);

        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).startsWith("kana-trader-");
        });
    }
}
