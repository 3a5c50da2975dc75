package io.kana.aptos.submit;

import io.kana.core.model.AccountAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submitter's writes to its {@link TransactionJournal}. Writing a signed transaction must succeed before
 * it is sent; marking one settled may fail, since the next start looks every unsettled entry up again.
 */
final class JournalHooks {

    private static final Logger LOG = LoggerFactory.getLogger(JournalHooks.class);

    private final TransactionJournal journal;
    private final AccountAddress sender;

    JournalHooks(TransactionJournal journal, AccountAddress sender) {
        this.journal = journal;
        this.sender = sender;
    }

    /** Durably records a signed transaction; throws when it could not, and then nothing may send it. */
    void signed(JournalEntry entry) {
        journal.signed(entry);
    }

    void settled(String hash, Settlement settlement) {
        try {
            journal.settled(hash, settlement);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not mark {} settled in the journal ({}); the next start looks it up again",
                    sender, hash, e.getMessage());
        }
    }
}
