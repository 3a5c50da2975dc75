package io.kana.cli.contract;

import io.kana.core.contract.ContractVerdict;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.contract.OperationContract;
import java.util.Map;

/**
 * Combines the chain's verdict ({@link OperationContract#check}, the library's one rule) with what
 * the trade API's payload showed. An operation is confirmed only when both agree, on the same
 * function; a definite disagreement outranks an undecided part.
 */
final class ContractJudgement {

    private ContractJudgement() {}

    /**
     * @param payload the payload's outcome, or null when payloads were not asked for
     */
    static OperationCheck judge(OperationContract operation, ModuleReading chain, PayloadOutcome payload) {
        if (!chain.readable()) {
            String expected = operation.expectedSignature(operation.likeliestFunction());
            if (payload != null && payload.kind() == PayloadOutcome.Kind.REJECTED) {
                return line(operation, operation.likeliestFunction(), expected, "", Verdict.MISMATCH,
                        "payload: " + payload.detail() + "; ABI: " + chain.problem());
            }
            return line(operation, operation.likeliestFunction(), expected, "", Verdict.UNCHECKED,
                    "ABI: " + chain.problem());
        }
        ContractVerdict onChain = operation.check(chain.functions());
        if (onChain.status() == ContractVerdict.Status.MISSING) {
            String why = chain.problem().isEmpty()
                    ? "no function " + String.join(" or ", operation.functionNames()) + " in the module"
                    : chain.problem();
            return from(onChain, Verdict.MISSING, why);
        }
        if (onChain.status() == ContractVerdict.Status.MISMATCH) {
            return from(onChain, Verdict.MISMATCH, "the chain has " + onChain.onChainSignature() + ", the contract expects "
                    + onChain.expectedSignature());
        }
        if (payload == null) {
            return from(onChain, Verdict.CONFIRMED, "");
        }
        return switch (payload.kind()) {
            case REJECTED -> from(onChain, Verdict.MISMATCH, "payload: " + payload.detail());
            case FAILED -> from(onChain, Verdict.UNCHECKED, "payload: " + payload.detail());
            case AGREES -> payload.function().equals(onChain.function())
                    ? from(onChain, Verdict.CONFIRMED, "")
                    : payloadFunction(operation, chain.functions(), payload.function());
        };
    }

    /** The payload calls another of the contract's candidates: that function is the one to judge. */
    private static OperationCheck payloadFunction(OperationContract operation, Map<String, OnChainFunction> functions,
            String function) {
        if (!operation.accepts(function)) {
            return line(operation, function, operation.expectedSignature(function), "", Verdict.MISMATCH,
                    "the payload calls " + function + ", which the contract does not name for " + operation.operation());
        }
        ContractVerdict verdict = operation.check(functions, function);
        String why = switch (verdict.status()) {
            case CONFIRMED -> "";
            case MISSING -> "the payload calls " + function + ", which the module does not have";
            case MISMATCH -> "the payload calls " + verdict.onChainSignature() + ", the contract expects "
                    + verdict.expectedSignature();
        };
        return from(verdict, conclusion(verdict.status()), why);
    }

    private static Verdict conclusion(ContractVerdict.Status status) {
        return switch (status) {
            case CONFIRMED -> Verdict.CONFIRMED;
            case MISMATCH -> Verdict.MISMATCH;
            case MISSING -> Verdict.MISSING;
        };
    }

    private static OperationCheck from(ContractVerdict verdict, Verdict conclusion, String detail) {
        return new OperationCheck(verdict.operation(), verdict.function(), verdict.expectedSignature(),
                verdict.onChainSignature(), conclusion, detail);
    }

    private static OperationCheck line(OperationContract operation, String function, String expected,
            String onChain, Verdict conclusion, String detail) {
        return new OperationCheck(operation.operation(), function, expected, onChain, conclusion, detail);
    }
}
