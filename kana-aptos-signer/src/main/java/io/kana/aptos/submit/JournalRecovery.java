package io.kana.aptos.submit;

import io.kana.core.error.TransactionNotSentException;
import io.kana.core.model.SubmittedTransaction;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the entries a previous process journaled and did not see settled: each is committed (its outcome
 * read from the node) or proven never to execute by a node whose chain time passed its expiration. Nothing
 * is sent: an entry that never left the crashed process cannot commit, so it expires.
 */
final class JournalRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);
    /** Beyond the expiration by the local clock, how long the node may take to show chain time past it. */
    private static final Duration CHAIN_LAG_ALLOWANCE = Duration.ofSeconds(30);

    private final NodeGateway node;
    private final TransactionJournal journal;
    private final Clock clock;

    JournalRecovery(NodeGateway node, TransactionJournal journal, Clock clock) {
        this.node = node;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Completes with every entry's fate, in journal order, once all are settled; fails with
     * {@link TransactionNotSentException} when one could not be settled (the node did not answer or its chain
     * time did not reach the expiration in time): then nothing may be numbered yet, and a later call tries again.
     */
    CompletableFuture<List<RecoveredTransaction>> settleAll(List<JournalEntry> entries) {
        List<CompletableFuture<RecoveredTransaction>> settling = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            settling.add(settle(entry));
        }
        return CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new)).thenApply(all -> {
            List<RecoveredTransaction> recovered = new ArrayList<>(settling.size());
            settling.forEach(each -> recovered.add(each.join()));
            if (!recovered.isEmpty()) {
                LOG.info("settled {} journaled transactions of a previous run", recovered.size());
            }
            return recovered;
        });
    }

    private CompletableFuture<RecoveredTransaction> settle(JournalEntry entry) {
        SubmittedTransaction transaction = new SubmittedTransaction(entry.hash(), entry.sender(),
                BigInteger.valueOf(entry.sequenceNumber()), entry.expirationTimestampSecs());
        long untilExpiryMillis = Math.max(0, entry.expirationTimestampSecs() * 1000 - clock.millis());
        Duration timeout = Duration.ofMillis(untilExpiryMillis).plus(CHAIN_LAG_ALLOWANCE);
        return Futures.call(() -> node.await(transaction, timeout)).handle((outcome, error) -> {
            Settlement proven = Settlement.provenBy(outcome, error);
            if (proven == null) {
                throw new TransactionNotSentException("settle the journal", "journaled transaction " + entry.hash()
                        + " of a previous run is neither committed nor proven expired yet ("
                        + Futures.unwrap(error).getMessage() + "); no new transaction is numbered before it is",
                        Futures.unwrap(error));
            }
            journal.settled(entry.hash(), proven);
            return new RecoveredTransaction(entry, proven, outcome);
        });
    }
}
