package io.kana.aptos.abi;

import java.util.List;
import java.util.Objects;

/**
 * An exposed Move function of a module ABI.
 *
 * @param name               function name
 * @param entry              whether it is an entry function (only those can be called by a transaction)
 * @param typeParameterCount number of generic type parameters ({@code generic_type_params})
 * @param params             parameter types as Move type strings, e.g. {@code &signer}, {@code u64},
 *                           {@code vector<u128>}, {@code 0x1::option::Option<u64>}, {@code T0}
 */
public record FunctionAbi(String name, boolean entry, int typeParameterCount, List<String> params) {

    public FunctionAbi {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
    }

    /** The parameters a transaction supplies: those after the leading signers ({@code &signer}, {@code signer}). */
    public List<String> paramsAfterSigners() {
        int first = 0;
        while (first < params.size() && isSigner(params.get(first))) {
            first++;
        }
        return params.subList(first, params.size());
    }

    private static boolean isSigner(String type) {
        String t = type.strip();
        return t.equals("signer") || t.equals("&signer");
    }
}
