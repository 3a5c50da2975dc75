package io.kana.aptos.submit;

import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.testsupport.MutableClock;
import static io.kana.aptos.submit.AptosTransactionSubmitterTest.failure;
import static io.kana.aptos.submit.AptosTransactionSubmitterTest.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submitter with a journal: written before the first send, settled as outcomes are learnt, recovered on start. */
class JournaledSubmitterTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeNode node = new FakeNode();
    private final FakeSigning signing = new FakeSigning();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final MutableClock clock = new MutableClock(START);
    private final RecordingJournal journal = new RecordingJournal();

    @TempDir
    Path dir;

    /** Keeps everything in memory and notes how many sends the node had seen when each entry was written. */
    private final class RecordingJournal implements TransactionJournal {
        final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
        final List<Integer> sendsBeforeEntry = new CopyOnWriteArrayList<>();
        final Map<String, Settlement> settlements = new ConcurrentHashMap<>();
        final List<JournalEntry> leftOver = new ArrayList<>();
        volatile RuntimeException failWrites;

        @Override
        public void signed(JournalEntry entry) {
            if (failWrites != null) {
                throw failWrites;
            }
            sendsBeforeEntry.add(node.calls("submit"));
            entries.add(entry);
        }

        @Override
        public void settled(String hash, Settlement settlement) {
            settlements.put(hash, settlement);
        }

        @Override
        public List<JournalEntry> unsettled() {
            return leftOver;
        }

        @Override
        public void close() {
        }
    }

    private AptosTransactionSubmitter submitter(TransactionJournal journal) {
        return new AptosTransactionSubmitter(new TestWallet(), node, signing,
                SubmitterSettings.defaults().withMaxUncommitted(10_000), scheduler, clock, journal);
    }

    @Test
    void eachSignedTransactionIsJournaledBeforeItsFirstSend() {
        AptosTransactionSubmitter submitter = submitter(journal);
        List<SubmittedTransaction> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(submitter.submit(payload("0x1::perps::place", "order-" + i)).join());
        }

        assertThat(journal.sendsBeforeEntry).containsExactly(0, 1, 2);
        assertThat(journal.entries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JournalEntry entry = journal.entries.get(i);
            SubmittedTransaction tx = placed.get(i);
            assertThat(entry.hash()).isEqualTo(tx.hash());
            assertThat(entry.intentId()).isEqualTo(tx.hash());
            assertThat(entry.sequenceNumber()).isEqualTo(tx.sequenceNumber().longValueExact());
            assertThat(entry.expirationTimestampSecs()).isEqualTo(tx.expirationTimestampSecs());
            assertThat(entry.sender()).isEqualTo(TestWallet.ADDRESS);
            assertThat(entry.function()).isEqualTo("0x1::perps::place");
            assertThat(entry.arguments()).isEqualTo("[order-" + i + "]");
            assertThat(entry.signedBytes()).isEqualTo(node.submitted().get(i).bytes());
        }
    }

    @Test
    void aJournalThatCannotWriteSendsNothingAndTheNumberGoesToTheNextOrder() {
        AptosTransactionSubmitter submitter = submitter(journal);
        journal.failWrites = new JournalException("disk full", null);

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "lost")));

        assertThat(error).isInstanceOf(TransactionNotSentException.class).hasMessageContaining("journal");
        assertThat(error.effectMayExist()).isFalse();
        assertThat(node.calls("submit")).isZero();
        journal.failWrites = null;
        assertThat(submitter.submit(payload("0x1::perps::place", "next")).join().sequenceNumber())
                .isEqualTo(BigInteger.valueOf(42));
    }

    @Test
    void outcomesAndRefusalsAreMarkedSettled() {
        AptosTransactionSubmitter submitter = submitter(journal);
        SubmittedTransaction ok = submitter.submit(payload("0x1::perps::place", "ok")).join();
        node.then(FakeNode.reject(400, "vm_error", 5L));
        failure(submitter.submit(payload("0x1::perps::place", "refused")));
        String refusedHash = journal.entries.get(1).hash();
        TransactionOutcome committed = new TransactionOutcome(ok.hash(), BigInteger.TEN, true, BigInteger.ONE,
                "Executed successfully", null);
        node.await = hash -> CompletableFuture.completedFuture(committed);

        submitter.awaitOutcome(ok, Duration.ofSeconds(5)).join();

        assertThat(journal.settlements).containsOnly(Map.entry(ok.hash(), Settlement.SUCCEEDED),
                Map.entry(refusedHash, Settlement.REFUSED));
    }

    @Test
    void aStartOnAJournalSettlesItsEntriesBeforeNumberingAnything() {
        JournalEntry committed = leftOver(42, "placed-before-crash");
        JournalEntry lost = leftOver(43, "signed-then-crashed");
        journal.leftOver.addAll(List.of(committed, lost));
        TransactionOutcome outcome = new TransactionOutcome(committed.hash(), BigInteger.TEN, true, BigInteger.ONE,
                "Executed successfully", null);
        CompletableFuture<TransactionOutcome> expiryProof = new CompletableFuture<>();
        node.await = hash -> hash.equals(committed.hash()) ? CompletableFuture.completedFuture(outcome) : expiryProof;

        AptosTransactionSubmitter submitter = submitter(journal);
        CompletableFuture<SubmittedTransaction> next = submitter.submit(payload("0x1::perps::place", "after-restart"));

        assertThat(next).isNotDone();
        assertThat(node.calls("submit")).as("nothing sent while an entry may still commit").isZero();
        assertThat(node.calls("sequenceNumber")).as("the count means nothing yet").isZero();
        assertThat(submitter.recovered()).isNotDone();

        node.committedCount = 43; // the committed one moved the count; the lost one never will
        expiryProof.completeExceptionally(new TransactionRejectedException(404, "transaction_not_found", 6L,
                "expired on chain time without being committed"));

        assertThat(next.join().sequenceNumber()).isEqualTo(BigInteger.valueOf(43));
        assertThat(submitter.recovered().join()).extracting(RecoveredTransaction::entry, RecoveredTransaction::settlement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(committed, Settlement.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple(lost, Settlement.EXPIRED));
        assertThat(submitter.recovered().join().get(0).outcome()).isEqualTo(outcome);
        assertThat(node.submitted()).as("a recovery sends nothing itself").hasSize(1);
        assertThat(journal.settlements).containsEntry(committed.hash(), Settlement.SUCCEEDED)
                .containsEntry(lost.hash(), Settlement.EXPIRED);
    }

    @Test
    void whileAnEntryCannotBeSettledOrdersFailUnsentAndTheNextOrderTriesAgain() {
        JournalEntry pending = leftOver(42, "unknown");
        journal.leftOver.add(pending);
        node.await = hash -> CompletableFuture.failedFuture(new KanaTransportException("await", "node down", null));
        AptosTransactionSubmitter submitter = submitter(journal);

        KanaException error = failure(submitter.submit(payload("0x1::perps::place", "first")));

        assertThat(error).isInstanceOf(TransactionNotSentException.class).hasMessageContaining(pending.hash());
        assertThat(error.effectMayExist()).isFalse();
        assertThat(node.calls("submit")).isZero();

        TransactionOutcome failed = new TransactionOutcome(pending.hash(), BigInteger.TEN, false, BigInteger.ONE,
                "Move abort", null);
        node.await = hash -> CompletableFuture.completedFuture(failed);
        node.committedCount = 43;

        assertThat(submitter.submit(payload("0x1::perps::place", "second")).join().sequenceNumber())
                .isEqualTo(BigInteger.valueOf(43));
        assertThat(submitter.recovered().join()).singleElement()
                .satisfies(r -> assertThat(r.settlement()).isEqualTo(Settlement.FAILED));
    }

    @Test
    void theFileJournalHoldsNoPrivateKeyAndIsEmptyOnceEverythingSettled() throws Exception {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal onDisk = FileTransactionJournal.open(file)) {
            AptosTransactionSubmitter submitter = submitter(onDisk);
            SubmittedTransaction tx = submitter.submit(payload("0x1::perps::place", "kept")).join();
            assertThat(onDisk.unsettled()).extracting(JournalEntry::hash).containsExactly(tx.hash());
            node.await = hash -> CompletableFuture.completedFuture(new TransactionOutcome(tx.hash(), BigInteger.TEN,
                    true, BigInteger.ONE, "Executed successfully", null));
            submitter.awaitOutcome(tx, Duration.ofSeconds(1)).join();
            assertThat(onDisk.unsettled()).isEmpty();
        }
        assertThat(Files.readAllBytes(file)).hasSizeGreaterThan(8);
        try (FileTransactionJournal reopened = FileTransactionJournal.open(file)) {
            assertThat(reopened.unsettled()).isEmpty();
        }
    }

    private JournalEntry leftOver(long number, String order) {
        SignedTransaction signed = signing.sign(payload("0x1::perps::place", order), FakeNode.abi(io.kana.core.model.AccountAddress.parse("0x1"), "perps"),
                new TransactionParameters(TestWallet.ADDRESS, number, 200_000, 100, START.getEpochSecond() + 20, 2),
                new TestWallet());
        return new JournalEntry(signed.hash(), signed.hash(), TestWallet.ADDRESS, number, START.getEpochSecond() + 20,
                "0x1::perps::place", "[" + order + "]", signed.bytes());
    }
}
