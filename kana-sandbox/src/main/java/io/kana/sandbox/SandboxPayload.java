package io.kana.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry-function payload a write endpoint is about to answer, as {@link
 * KanaSandbox#tamperPayloads} hands it to a test: to make the sandbox return something other than
 * what was asked for (a {@code 0x1::coin::transfer}, another module, another market or size) and
 * check that a client refuses to sign it.
 *
 * @param endpoint          the write endpoint's path, e.g. {@code /placeLimitOrder}
 * @param function          {@code <address>::<module>::<function>}
 * @param typeArguments     Move type arguments
 * @param functionArguments the arguments as JSON values: strings, or lists of strings for vectors
 */
public record SandboxPayload(String endpoint, String function, List<String> typeArguments,
        List<Object> functionArguments) {

    public SandboxPayload {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(function, "function");
        typeArguments = List.copyOf(typeArguments);
        functionArguments = List.copyOf(functionArguments);
    }

    /** This payload calling {@code value} ({@code <address>::<module>::<function>}) instead. */
    public SandboxPayload withFunction(String value) {
        return new SandboxPayload(endpoint, value, typeArguments, functionArguments);
    }

    /** This payload with type arguments {@code values}. */
    public SandboxPayload withTypeArguments(List<String> values) {
        return new SandboxPayload(endpoint, function, values, functionArguments);
    }

    /** This payload with argument {@code index} (0-based, after the signer) replaced by {@code value}. */
    public SandboxPayload withArgument(int index, Object value) {
        List<Object> arguments = new ArrayList<>(functionArguments);
        arguments.set(index, Objects.requireNonNull(value, "value"));
        return new SandboxPayload(endpoint, function, typeArguments, arguments);
    }

    /** This payload with {@code values} as its arguments. */
    public SandboxPayload withArguments(List<Object> values) {
        return new SandboxPayload(endpoint, function, typeArguments, values);
    }

    /** The payload {@code endpoint} built, in the trade API's answer shape. */
    @SuppressWarnings("unchecked")
    static SandboxPayload of(String endpoint, Map<String, Object> answer) {
        return new SandboxPayload(endpoint, (String) answer.get("function"),
                (List<String>) answer.get("typeArguments"), (List<Object>) answer.get("functionArguments"));
    }

    /** This payload in the trade API's answer shape. */
    Map<String, Object> answer() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("function", function);
        out.put("typeArguments", typeArguments);
        out.put("functionArguments", functionArguments);
        return out;
    }
}
