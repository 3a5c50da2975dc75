package io.kana.core.contract;

import io.kana.core.trading.TradeOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the contract says about one write operation.
 *
 * @param operation     the write operation
 * @param endpoint      the trade API endpoint that builds its payload
 * @param nameProven    whether the evidence proves the function's name
 * @param functionNames the function's name (proven: exactly one) or its candidates, likeliest first
 * @param parameters    the Move parameters after {@code &signer}, in order
 * @param evidence      the sources behind this block
 * @param open          what the evidence leaves open
 */
public record OperationContract(TradeOperation operation, Endpoint endpoint, boolean nameProven,
        List<String> functionNames, List<Parameter> parameters, List<String> evidence, List<String> open) {

    public OperationContract {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(endpoint, "endpoint");
        functionNames = List.copyOf(functionNames);
        parameters = List.copyOf(parameters);
        evidence = List.copyOf(evidence);
        open = List.copyOf(open);
        if (functionNames.isEmpty() || (nameProven && functionNames.size() != 1)) {
            throw new IllegalArgumentException(operation + ": a proven function has one name, an unproven one at least "
                    + "one candidate; got " + functionNames);
        }
    }

    /** The proven name, or the likeliest candidate. */
    public String likeliestFunction() {
        return functionNames.get(0);
    }

    /** Whether a payload may call {@code function}: the proven name, or one of the candidates. */
    public boolean accepts(String function) {
        return functionNames.contains(function);
    }

    /** The Move parameter types after {@code &signer}, in order. */
    public List<String> parameterTypes() {
        List<String> types = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            types.add(parameter.moveType());
        }
        return types;
    }

    /** What the contract expects {@code function} to look like, e.g. {@code deposit(address, u64)}. */
    public String expectedSignature(String function) {
        return function + "(" + String.join(", ", parameterTypes()) + ")";
    }

    /**
     * Judges this operation against a module's functions (by name). A proven name must exist as an
     * entry function without type parameters whose parameter types equal the contract's; otherwise
     * the first candidate that does is confirmed. A candidate that exists in another form is a
     * mismatch; no candidate at all is missing.
     */
    public ContractVerdict check(Map<String, OnChainFunction> moduleFunctions) {
        OnChainFunction firstPresent = null;
        for (String name : functionNames) {
            OnChainFunction function = moduleFunctions.get(name);
            if (function == null) {
                continue;
            }
            if (matches(function)) {
                return verdict(ContractVerdict.Status.CONFIRMED, function);
            }
            if (firstPresent == null) {
                firstPresent = function;
            }
        }
        return firstPresent != null ? verdict(ContractVerdict.Status.MISMATCH, firstPresent)
                : new ContractVerdict(operation, ContractVerdict.Status.MISSING, likeliestFunction(),
                        expectedSignature(likeliestFunction()), "");
    }

    /**
     * Judges one accepted name alone, as {@link #check(Map)} judges each candidate: the payload's
     * function must be confirmed itself, not merely one of its siblings.
     *
     * @throws IllegalArgumentException when the contract does not accept {@code function}
     */
    public ContractVerdict check(Map<String, OnChainFunction> moduleFunctions, String function) {
        if (!accepts(function)) {
            throw new IllegalArgumentException(operation + " does not call " + function + "; it calls " + functionNames);
        }
        OnChainFunction onChain = moduleFunctions.get(function);
        if (onChain == null) {
            return new ContractVerdict(operation, ContractVerdict.Status.MISSING, function, expectedSignature(function), "");
        }
        return verdict(matches(onChain) ? ContractVerdict.Status.CONFIRMED : ContractVerdict.Status.MISMATCH, onChain);
    }

    private boolean matches(OnChainFunction function) {
        if (!function.isEntry() || function.typeParameterCount() != 0) {
            return false;
        }
        List<String> expected = parameterTypes();
        List<String> actual = function.parameterTypes();
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!MoveTypes.canonical(expected.get(i)).equals(MoveTypes.canonical(actual.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private ContractVerdict verdict(ContractVerdict.Status status, OnChainFunction function) {
        return new ContractVerdict(operation, status, function.name(), expectedSignature(function.name()),
                function.signature());
    }
}
