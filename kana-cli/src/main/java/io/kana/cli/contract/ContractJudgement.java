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
        OnChainFunction called = functions.get(function);
        ContractVerdict verdict = operation.check(called == null ? Map.of() : Map.of(function, called));
        if (verdict.confirmed()) {
            return from(verdict, Verdict.CONFIRMED, "");
        }
        String expected = operation.expectedSignature(function);
        return called == null
                ? line(operation, function, expected, "", Verdict.MISSING,
                        "the payload calls " + function + ", which the module does not have")
                : line(operation, function, expected, called.signature(), Verdict.MISMATCH,
                        "the payload calls " + called.signature() + ", the contract expects " + expected);
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
