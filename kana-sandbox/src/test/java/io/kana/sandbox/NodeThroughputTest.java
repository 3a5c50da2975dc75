package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.FakePerpsModule;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Measures how many signed transactions per second the node accepts over loopback HTTP (decode,
 * Ed25519 verification, prologue, mempool) and prints it. A measurement, not a timed assertion:
 * it asserts only that every transaction was accepted and committed.
 */
class NodeThroughputTest {

    private static final int WALLETS = 20;
    private static final int PER_WALLET = 30;
    private static final int CLIENTS = 8;

    @Test
    void measuresAcceptedTransactionsPerSecond() throws Exception {
        Instant now = Instant.parse("2024-12-31T00:00:00Z");
        try (KanaSandbox sandbox = KanaSandbox.builder().clock(new MutableClock(now)).commitDelay(Duration.ZERO)
                .module(FakePerpsModule::new).start()) {
            List<List<byte[]>> perWallet = new ArrayList<>();
            String lastHash = null;
            for (int w = 0; w < WALLETS; w++) {
                TestWallet wallet = TestWallet.seeded(1000 + w);
                sandbox.fundWallet(wallet.address, BigDecimal.ZERO, KanaSandbox.DEFAULT_APT_OCTAS);
                List<byte[]> signed = new ArrayList<>();
                for (int seq = 0; seq < PER_WALLET; seq++) {
                    TestTransaction tx = new TestTransaction(wallet, seq, now.getEpochSecond() + 600);
                    signed.add(tx.signed());
                    lastHash = tx.hash();
                }
                perWallet.add(signed);
            }
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            NodeHttp http = new NodeHttp(sandbox.nodeUrl());
            http.get(""); // warm the connection and the server threads
            long started = System.nanoTime();
            List<Future<Integer>> accepted = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                accepted.add(clients.submit(() -> {
                    NodeHttp own = new NodeHttp(sandbox.nodeUrl());
                    int count = 0;
                    for (int w = client; w < WALLETS; w += CLIENTS) {
                        for (byte[] signed : perWallet.get(w)) {
                            count += own.submit(signed).status() == 202 ? 1 : 0;
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> f : accepted) {
                total += f.get();
            }
            long acceptedNanos = System.nanoTime() - started;
            http.committed(lastHash);
            long committedNanos = System.nanoTime() - started;
            clients.shutdown();

            int expected = WALLETS * PER_WALLET;
            System.out.printf("sandbox node: accepted %d signed transactions in %d ms = %.0f tx/s "
                            + "(%d clients, %d cores); all committed after %d ms%n", total, acceptedNanos / 1_000_000,
                    total * 1e9 / acceptedNanos, CLIENTS, Runtime.getRuntime().availableProcessors(),
                    committedNanos / 1_000_000);
            assertThat(total).isEqualTo(expected);
            assertThat(http.get("").json()).containsEntry("ledger_version", Integer.toString(expected));
        }
    }
}
