package io.kana.core.contract;

import java.util.List;
import java.util.Objects;

/**
 * A trade API write endpoint.
 *
 * @param method     {@code GET} or {@code POST}
 * @param path       e.g. {@code /placeLimitOrder}
 * @param parameters its parameters, in the documented order
 */
public record Endpoint(String method, String path, List<String> parameters) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        parameters = List.copyOf(parameters);
    }
}
