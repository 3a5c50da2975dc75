package io.kana.examples;

import io.kana.core.error.KanaException;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Numbered, readable output for the examples: one block per step, with the transaction it sent. */
final class Steps {

    private final PrintStream out;
    private int step;

    Steps(PrintStream out) {
        this.out = out;
    }

    void header(String text) {
        out.println(text);
        out.println("-".repeat(Math.min(text.length(), 100)));
    }

    /** Prints a step that reads. */
    void read(String title, Object value) {
        out.printf("[%2d] %s%n", ++step, title);
        out.println("     " + String.valueOf(value).replace("\n", "\n     "));
    }

    /** Runs and prints a step that writes a transaction; returns its result, or rethrows its typed error. */
    TradeResult write(String title, Supplier<CompletableFuture<TradeResult>> operation) {
        out.printf("[%2d] %s%n", ++step, title);
        try {
            TradeResult result = KanaTrader.join(operation.get());
            TransactionOutcome outcome = result.outcome();
            out.printf("     tx %s (sequence %s)%n", result.hash(), result.sequenceNumber());
            if (outcome != null) {
                out.printf("     committed at version %s, gas %s: %s%n", outcome.version(), outcome.gasUsed(), outcome.vmStatus());
            } else {
                out.println("     accepted by the node (not waiting for the commit)");
            }
            return result;
        } catch (KanaException e) {
            out.println("     FAILED: " + e.getMessage());
            out.println("     the effect " + (e.effectMayExist() ? "may exist: look the transaction up" : "does not exist"));
            throw e;
        }
    }

    void skip(String title, String why) {
        out.printf("[%2d] %s: skipped, %s%n", ++step, title, why);
    }

    void note(String text) {
        out.println("     " + text);
    }
}
