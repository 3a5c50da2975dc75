package io.kana.aptos.submit;

import io.kana.core.model.TransactionOutcome;
import java.util.Objects;

/**
 * A transaction a previous process journaled and did not see settled, with its fate as a restart
 * established it on chain.
 *
 * @param entry      what was journaled before it was sent
 * @param settlement committed (succeeded or failed) or proven never to execute
 * @param outcome    the committed outcome; null when it was not committed
 */
public record RecoveredTransaction(JournalEntry entry, Settlement settlement, TransactionOutcome outcome) {

    public RecoveredTransaction {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(settlement, "settlement");
    }
}
