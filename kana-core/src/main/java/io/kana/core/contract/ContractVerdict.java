package io.kana.core.contract;

import io.kana.core.trading.TradeOperation;
import java.util.Objects;

/**
 * What the chain says about one operation of the contract.
 *
 * @param operation         the write operation
 * @param status            confirmed, mismatch or missing
 * @param function          the function judged: the confirmed one, the mismatching one, or (missing)
 *                          the contract's likeliest name
 * @param expectedSignature what the contract expects of {@code function}, e.g. {@code deposit(address, u64)}
 * @param onChainSignature  what the chain has (see {@link OnChainFunction#signature()}); empty when missing
 */
public record ContractVerdict(TradeOperation operation, Status status, String function, String expectedSignature,
        String onChainSignature) {

    /** The outcome of a check. */
    public enum Status {
        /** The function exists, is an entry function without generics, and its parameter types are the contract's. */
        CONFIRMED,
        /** A candidate exists but is not an entry function, is generic, or takes other parameter types. */
        MISMATCH,
        /** No candidate name exists in the module. */
        MISSING
    }

    public ContractVerdict {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(expectedSignature, "expectedSignature");
        Objects.requireNonNull(onChainSignature, "onChainSignature");
    }

    /** Whether the chain confirms the contract. */
    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }
}
