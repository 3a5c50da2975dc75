package io.kana.aptos.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransactionJournalTest {

    @TempDir
    Path dir;

    static JournalEntry entry(int n) {
        byte[] bytes = new byte[100 + n];
        Arrays.fill(bytes, (byte) n);
        String hash = "0x" + String.format("%064x", n);
        return new JournalEntry("0x" + String.format("%064x", 1000 + n), hash, TestWallet.ADDRESS, 40 + n,
                1_772_000_000L + n, "0x1::perps::place", "[order-" + n + ", 5.7]", bytes);
    }

    @Test
    void entriesSurviveAReopenWithEveryFieldAndOnlyUnsettledOnesRemain() {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            journal.signed(entry(1));
            journal.signed(entry(2));
            journal.signed(entry(3));
            journal.settled(entry(2).hash(), Settlement.SUCCEEDED);
        }

        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            List<JournalEntry> left = journal.unsettled();
            assertThat(left).extracting(JournalEntry::hash).containsExactly(entry(1).hash(), entry(3).hash());
            JournalEntry read = left.get(1);
            JournalEntry written = entry(3);
            assertThat(read.intentId()).isEqualTo(written.intentId());
            assertThat(read.sender()).isEqualTo(written.sender());
            assertThat(read.sequenceNumber()).isEqualTo(43);
            assertThat(read.expirationTimestampSecs()).isEqualTo(written.expirationTimestampSecs());
            assertThat(read.function()).isEqualTo(written.function());
            assertThat(read.arguments()).isEqualTo("[order-3, 5.7]");
            assertThat(read.signedBytes()).isEqualTo(written.signedBytes());
        }
    }

    @Test
    void aTornLastRecordIsDroppedAtEveryByteOffsetAndTheRecordsBeforeItKept() throws IOException {
        Path file = dir.resolve("journal");
        long beforeLast;
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            journal.signed(entry(1));
            journal.signed(entry(2));
            beforeLast = Files.size(file);
            journal.signed(entry(3));
        }
        byte[] whole = Files.readAllBytes(file);
        assertThat(whole.length).isGreaterThan((int) beforeLast + 100);

        for (int cut = (int) beforeLast; cut < whole.length; cut++) {
            Path torn = dir.resolve("torn-" + cut);
            Files.write(torn, Arrays.copyOf(whole, cut));
            try (FileTransactionJournal journal = FileTransactionJournal.open(torn)) {
                assertThat(journal.unsettled()).as("cut at byte %d", cut).extracting(JournalEntry::hash)
                        .containsExactly(entry(1).hash(), entry(2).hash());
                journal.signed(entry(4)); // appends after the kept records, not after the torn bytes
            }
            try (FileTransactionJournal journal = FileTransactionJournal.open(torn)) {
                assertThat(journal.unsettled()).as("cut at byte %d, then appended", cut).extracting(JournalEntry::hash)
                        .containsExactly(entry(1).hash(), entry(2).hash(), entry(4).hash());
            }
            Files.delete(torn);
        }
    }

    @Test
    void aChecksumFailureInTheLastRecordIsATornWrite() throws IOException {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            journal.signed(entry(1));
            journal.signed(entry(2));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(file, bytes);

        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            assertThat(journal.unsettled()).extracting(JournalEntry::hash).containsExactly(entry(1).hash());
        }
    }

    @Test
    void aChecksumFailureWithRecordsAfterItIsDamageAndRefusedRatherThanDropped() throws IOException {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            journal.signed(entry(1));
            journal.signed(entry(2));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[8 + 8 + 40] ^= 0x01; // inside the first record's body
        Files.write(file, bytes);

        assertThatThrownBy(() -> FileTransactionJournal.open(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("damaged at byte 8").hasMessageContaining("checksum");
        assertThat(Files.readAllBytes(file)).as("nothing cut away").isEqualTo(bytes);
    }

    @Test
    void spaceAllocatedButNeverWrittenAtTheEndIsATornWrite() throws IOException {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            journal.signed(entry(1));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 300));

        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            assertThat(journal.unsettled()).extracting(JournalEntry::hash).containsExactly(entry(1).hash());
        }
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }

    @Test
    void compactionKeepsOnlyUnsettledEntries() throws IOException {
        Path file = dir.resolve("journal");
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            for (int i = 1; i <= 50; i++) {
                journal.signed(entry(i));
            }
            for (int i = 1; i <= 50; i++) {
                if (i != 17) {
                    journal.settled(entry(i).hash(), Settlement.SUCCEEDED);
                }
            }
            long before = Files.size(file);
            journal.compact();
            assertThat(Files.size(file)).isLessThan(before / 20);
            journal.signed(entry(51));
        }
        try (FileTransactionJournal journal = FileTransactionJournal.open(file)) {
            assertThat(journal.unsettled()).extracting(JournalEntry::hash)
                    .containsExactly(entry(17).hash(), entry(51).hash());
        }
        assertThat(dir.resolve("journal.compacting")).doesNotExist();
    }

    @Test
    void oneJournalIsUsedByOneOwnerAtATime() {
        Path file = dir.resolve("journal");
        FileTransactionJournal owner = FileTransactionJournal.open(file);
        try {
            assertThatThrownBy(() -> FileTransactionJournal.open(file)).isInstanceOf(JournalException.class);
        } finally {
            owner.close();
        }
        FileTransactionJournal.open(file).close();
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "my trading notes, not a journal");

        assertThatThrownBy(() -> FileTransactionJournal.open(file)).isInstanceOf(JournalException.class)
                .hasMessageContaining("not a Kana transaction journal");
        assertThat(Files.readString(file)).isEqualTo("my trading notes, not a journal");

        Path tiny = dir.resolve("tiny.txt");
        Files.writeString(tiny, "abc");
        assertThatThrownBy(() -> FileTransactionJournal.open(tiny)).isInstanceOf(JournalException.class);
        assertThat(Files.readString(tiny)).isEqualTo("abc");
    }
}
