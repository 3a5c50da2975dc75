package io.kana.examples;

import io.kana.core.model.TransactionOutcome;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prints an example's numbered steps, the transactions each one committed and what it read, and
 * keeps a record of them for tests. Prints nothing secret: addresses, amounts and hashes only.
 */
final class Transcript {

    private static final String INDENT = "     ";

    /** One step: its transactions (in order), or why it was skipped. */
    record Step(int number, String title, List<TradeResult> transactions, String skippedBecause) {

        boolean skipped() {
            return skippedBecause != null;
        }
    }

    private final PrintStream out;
    private final List<Step> steps = new ArrayList<>();
    private String title;
    private List<TradeResult> transactions;
    private String skippedBecause;

    Transcript(PrintStream out) {
        this.out = out;
    }

    void banner(String text) {
        out.println(text);
    }

    /** Starts the next numbered step. */
    void step(String stepTitle) {
        endStep();
        title = stepTitle;
        transactions = new ArrayList<>();
        out.printf("[%2d] %s%n", steps.size() + 1, stepTitle);
    }

    /** A detail of the current step. */
    void detail(String format, Object... args) {
        out.println(INDENT + String.format(format, args));
    }

    /** Runs a write, waits for its commit and prints its hash and outcome under {@code label}. */
    TradeResult transaction(String label, CompletableFuture<TradeResult> write) {
        TradeResult result = KanaTrader.join(write);
        transactions.add(result);
        TransactionOutcome outcome = result.outcome();
        if (outcome == null) {
            detail("%-15s %s  submitted, not awaited", label, result.hash());
        } else {
            detail("%-15s %s  version %s  gas %s  %s", label, result.hash(), outcome.version(), outcome.gasUsed(),
                    outcome.vmStatus());
        }
        return result;
    }

    /** Marks the current step as skipped and says why. */
    void skip(String reason) {
        skippedBecause = reason;
        detail("skipped: %s", reason);
    }

    /** Where the run is, for an error message: {@code " in step 4 (Place ...)"}, or empty before the first step. */
    String where() {
        return title == null ? "" : " in step " + (steps.size() + 1) + " (" + title + ")";
    }

    /** Ends the last step and prints the tally. */
    List<Step> finish() {
        endStep();
        long committed = steps.stream().mapToLong(s -> s.transactions().size()).sum();
        long skipped = steps.stream().filter(Step::skipped).count();
        out.printf("Done: %d steps, %d transactions committed, %d steps skipped.%n", steps.size(), committed, skipped);
        return List.copyOf(steps);
    }

    private void endStep() {
        if (title != null) {
            steps.add(new Step(steps.size() + 1, title, List.copyOf(transactions), skippedBecause));
            title = null;
            skippedBecause = null;
        }
    }
}
