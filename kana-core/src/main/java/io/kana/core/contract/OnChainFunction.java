package io.kana.core.contract;

import java.util.List;
import java.util.Objects;

/**
 * A function of a published Move module as the node's ABI describes it.
 *
 * @param name               e.g. {@code place_limit_order}
 * @param isEntry            whether a transaction may call it
 * @param parameterTypes     its parameter types after the leading signers, e.g. {@code [u64, bool]}
 * @param typeParameterCount how many generic type parameters it has
 */
public record OnChainFunction(String name, boolean isEntry, List<String> parameterTypes, int typeParameterCount) {

    public OnChainFunction {
        Objects.requireNonNull(name, "name");
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** E.g. {@code place_limit_order(u64, bool)}, {@code f<T0>(u64)}, {@code g(u64) [not entry]}. */
    public String signature() {
        StringBuilder out = new StringBuilder(name);
        if (typeParameterCount > 0) {
            out.append('<');
            for (int i = 0; i < typeParameterCount; i++) {
                out.append(i == 0 ? "T" : ", T").append(i);
            }
            out.append('>');
        }
        out.append('(').append(String.join(", ", parameterTypes)).append(')');
        return isEntry ? out.toString() : out.append(" [not entry]").toString();
    }
}
