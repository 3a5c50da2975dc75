package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.node.TransactionStatus;
import io.kana.aptos.submit.FileTransactionJournal;
import io.kana.aptos.submit.JournalEntry;
import io.kana.aptos.submit.RecoveredTransaction;
import io.kana.aptos.submit.Settlement;
import io.kana.core.model.Order;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process placing orders on a journal is killed with SIGKILL at random points; after each kill a client
 * restarted on the same journal settles every journaled transaction, and in the end the chain's committed
 * transactions and the book agree with the journal: nothing lost, nothing placed twice.
 */
class JournalCrashTest {

    private static final int RUNS = 20;
    private static final int ORDERS_PER_RUN = 40;
    private static final long SEED = 20_261_129L;

    @TempDir
    Path dir;
    private KanaSandbox sandbox;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void killedMidFlightEveryJournaledIntentIsSettledAndNonePlacedTwice() throws Exception {
        sandbox = KanaSandbox.builder().seed(12).commitDelay(Duration.ofMillis(20)).start();
        Path journal = dir.resolve("orders.journal");
        long before;
        try (KanaClient setup = SandboxWallets.funded(sandbox, KEY_A, "100000")) {
            KanaTrader.join(setup.trader().deposit(dec("20000")));
            before = setup.node().account(setup.wallet().address()).sequenceNumber().longValueExact();
        }
        Random random = new Random(SEED);
        Map<String, RecoveredTransaction> settled = new LinkedHashMap<>();
        int killedAfterJournaling = 0;

        for (int run = 0; run < RUNS; run++) {
            Process child = startChild(journal, 3_000 + run * ORDERS_PER_RUN);
            awaitLine(child, "READY");
            Thread.sleep(150 + random.nextInt(650));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            List<JournalEntry> left;
            try (FileTransactionJournal onDisk = FileTransactionJournal.open(journal)) {
                left = onDisk.unsettled();
            }
            killedAfterJournaling += left.isEmpty() ? 0 : 1;
            try (KanaClient restarted = restarted(journal)) {
                List<RecoveredTransaction> outcomes = restarted.recoveredOutcomes().get(30, TimeUnit.SECONDS);
                assertThat(outcomes).as("run %d: every journaled transaction settled", run)
                        .extracting(r -> r.entry().hash())
                        .containsExactlyElementsOf(left.stream().map(JournalEntry::hash).toList());
                outcomes.forEach(r -> assertThat(settled.put(r.entry().hash(), r)).isNull());
            }
            try (FileTransactionJournal onDisk = FileTransactionJournal.open(journal)) {
                assertThat(onDisk.unsettled()).as("run %d: nothing left to settle", run).isEmpty();
            }
        }

        try (KanaClient check = restarted(journal)) {
            int committed = 0;
            List<String> placedIntents = new ArrayList<>();
            for (RecoveredTransaction r : settled.values()) {
                TransactionStatus onChain = check.node().transactionByHash(r.entry().hash());
                if (r.settlement() == Settlement.EXPIRED) {
                    assertThat(onChain.phase()).as("expired %s", r.entry()).isEqualTo(TransactionStatus.Phase.NOT_FOUND);
                } else {
                    assertThat(onChain.phase()).as("committed %s", r.entry()).isEqualTo(TransactionStatus.Phase.COMMITTED);
                    committed++;
                }
                if (r.settlement() == Settlement.SUCCEEDED) {
                    placedIntents.add(r.entry().intentId());
                }
            }
            long after = check.node().account(check.wallet().address()).sequenceNumber().longValueExact();
            assertThat(after - before).as("every committed transaction of the wallet is a journaled one")
                    .isEqualTo(committed);
            assertThat(placedIntents).as("no intent executed twice").doesNotHaveDuplicates();

            List<BigDecimal> book = check.orders().openOrders(check.wallet(), APT).stream().map(Order::price).toList();
            assertThat(book).as("no order placed twice").doesNotHaveDuplicates();
            assertThat(book).as("the book holds exactly the journaled orders that executed").hasSize(placedIntents.size());
            assertThat(placedIntents.size()).as("orders placed before the kills").isGreaterThan(RUNS);
        }
        System.out.printf("journal crash test: %d runs, %d transactions settled on restart (%d executed, %d expired),"
                + " %d kills came after the first journaled order%n", RUNS, settled.size(),
                settled.values().stream().filter(r -> r.settlement().executed()).count(),
                settled.values().stream().filter(r -> r.settlement() == Settlement.EXPIRED).count(), killedAfterJournaling);
    }

    private KanaClient restarted(Path journal) {
        return KanaClient.builder(SandboxWallets.config(sandbox, KEY_A)).journal(journal)
                .execution(Execution.SUBMIT_ONLY).submitterSettings(JournalCrashChild.settings()).build();
    }

    private Process startChild(Path journal, long firstTick) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
                sandbox.apiUrl(), sandbox.nodeUrl(), sandbox.moduleAddress() + "::perpetual_scripts",
                journal.toString(), Long.toString(firstTick), Integer.toString(ORDERS_PER_RUN));
        builder.environment().put("KANA_PRIVATE_KEY", KEY_A);
        builder.redirectErrorStream(true);
        Process child = builder.start();
        children.add(child);
        return child;
    }

    /** Reads the child's output until {@code line}; the rest is drained in the background. */
    private static void awaitLine(Process child, String line) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String next;
        while ((next = out.readLine()) != null) {
            if (next.equals(line)) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.append(next).append('\n');
        }
        throw new AssertionError("the child ended before " + line + ":\n" + seen);
    }
}
