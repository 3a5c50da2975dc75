package io.kana.cli.contract;

import io.kana.core.trading.TradeOperation;
import java.util.Objects;

/**
 * One line of the check: an operation and what was concluded about it.
 *
 * @param operation         the write operation
 * @param function          the function judged (the confirmed one, the differing one, or the contract's
 *                          likeliest name when none was found)
 * @param expectedSignature what the contract expects, e.g. {@code deposit(address, u64)}
 * @param onChainSignature  what the chain has; empty when missing or unchecked
 * @param verdict           the conclusion
 * @param detail            why, when not confirmed; empty otherwise
 */
public record OperationCheck(TradeOperation operation, String function, String expectedSignature,
        String onChainSignature, Verdict verdict, String detail) {

    public OperationCheck {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(expectedSignature, "expectedSignature");
        Objects.requireNonNull(onChainSignature, "onChainSignature");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
    }
}
