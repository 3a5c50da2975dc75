package io.kana.aptos.submit;

import java.util.List;

/**
 * Where the submitter writes down each signed transaction before it sends it, so that a process that
 * crashes mid-flight can learn on restart what became of every transaction it may have sent.
 *
 * <p>The submitter calls {@link #signed} after signing and before the first send: when it returns, the
 * entry must be durable (on disk). If it throws, the transaction is not sent. {@link #settled} records
 * that a transaction's fate is known; it need not be durable, since an unsettled entry is only looked up
 * again. {@link #unsettled()} is read once, when a submitter starts on the journal.
 *
 * <p>{@link #NONE}, the default, keeps nothing; {@link FileTransactionJournal} keeps a file.
 */
public interface TransactionJournal extends AutoCloseable {

    /** Keeps nothing: no crash safety, no cost. */
    TransactionJournal NONE = new TransactionJournal() {
        @Override
        public void signed(JournalEntry entry) {
        }

        @Override
        public void settled(String hash, Settlement settlement) {
        }

        @Override
        public List<JournalEntry> unsettled() {
            return List.of();
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "TransactionJournal.NONE";
        }
    };

    /** Records a signed transaction durably; returns only once it would survive a crash. */
    void signed(JournalEntry entry);

    /** Records that the transaction with {@code hash} is settled; later starts need not look it up. */
    void settled(String hash, Settlement settlement);

    /** The entries recorded as signed and not (yet) settled, in the order they were signed. */
    List<JournalEntry> unsettled();

    @Override
    void close();
}
