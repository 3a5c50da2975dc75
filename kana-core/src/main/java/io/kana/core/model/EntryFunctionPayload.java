package io.kana.core.model;

import io.kana.core.error.SafeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An Aptos entry-function call as a Kana write endpoint returns it: nothing is signed yet.
 *
 * <p>Arguments are kept exactly as the API gives them (JSON values): {@link String}, {@link Boolean},
 * {@link Number} ({@code BigInteger} or {@code BigDecimal} when decoded from JSON), {@link List} of
 * such values, or {@code null} (an {@code Option} none). Their Move types come from the module's ABI
 * when the transaction is built.
 *
 * @param function          {@code <address>::<module>::<function>}
 * @param typeArguments     Move type arguments, e.g. {@code 0x1::aptos_coin::AptosCoin}
 * @param functionArguments the arguments, as JSON values (unmodifiable; may contain nulls)
 */
public record EntryFunctionPayload(String function, List<String> typeArguments, List<Object> functionArguments) {

    public EntryFunctionPayload {
        Objects.requireNonNull(function, "function");
        if (function.split("::", -1).length != 3) {
            throw new IllegalArgumentException(
                    "an entry function is <address>::<module>::<function>, got '" + SafeText.snippet(function) + "'");
        }
        typeArguments = List.copyOf(typeArguments == null ? List.of() : typeArguments);
        functionArguments = immutableCopy(functionArguments == null ? List.of() : functionArguments);
    }

    /** The publishing account: the part of {@link #function()} before the first {@code ::}. */
    public AccountAddress moduleAddress() {
        return AccountAddress.parse(function.substring(0, function.indexOf("::")));
    }

    /** The module name, e.g. {@code perpetual_scripts}. */
    public String moduleName() {
        return function.split("::", -1)[1];
    }

    /** The function name, e.g. {@code place_limit_order}. */
    public String functionName() {
        return function.split("::", -1)[2];
    }

    private static List<Object> immutableCopy(List<?> values) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value instanceof List<?> nested) {
                copy.add(immutableCopy(nested));
            } else if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
                copy.add(value);
            } else {
                throw new IllegalArgumentException("a payload argument is a JSON value (string, boolean, number, "
                        + "array or null), got " + value.getClass().getName());
            }
        }
        return Collections.unmodifiableList(copy);
    }
}
