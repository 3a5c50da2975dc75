package io.kana.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** Counts every request by endpoint, then applies the injected faults before the real handler. */
final class FaultingHandler implements HttpHandler {

    private final HttpHandler delegate;
    private final SandboxFaults faults;
    private final Function<HttpExchange, SandboxFaults.Target> targetOf;
    private final Function<String, String> endpointOf;
    private final ConcurrentHashMap<String, LongAdder> counts;
    private final boolean nodeShaped;

    /**
     * @param nodeShaped true to answer faults with the node's error JSON, false with the trade
     *                   API's envelope
     */
    FaultingHandler(HttpHandler delegate, SandboxFaults faults, Function<HttpExchange, SandboxFaults.Target> targetOf,
            Function<String, String> endpointOf, ConcurrentHashMap<String, LongAdder> counts, boolean nodeShaped) {
        this.delegate = delegate;
        this.faults = faults;
        this.targetOf = targetOf;
        this.endpointOf = endpointOf;
        this.counts = counts;
        this.nodeShaped = nodeShaped;
    }

    /** A snapshot of the counts, sorted by endpoint. */
    static Map<String, Long> snapshot(ConcurrentHashMap<String, LongAdder> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((endpoint, count) -> out.put(endpoint, count.sum()));
        return out;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        counts.computeIfAbsent(endpointOf.apply(exchange.getRequestURI().getPath()), e -> new LongAdder()).increment();
        SandboxFaults.Target target = targetOf.apply(exchange);
        Duration latency = faults.latency(target);
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        switch (faults.decide(target)) {
            case UNAVAILABLE -> reject(exchange, 503, "sandbox fault: service unavailable, try again");
            case RATE_LIMITED -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                reject(exchange, 429, "sandbox fault: too many requests, retry after 1 second");
            }
            case PASS -> delegate.handle(exchange);
        }
    }

    private void reject(HttpExchange exchange, int status, String message) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String body = nodeShaped
                    ? "{\"message\":\"" + message + "\",\"error_code\":\"internal_error\",\"vm_error_code\":null}"
                    : "{\"success\":false,\"message\":\"" + message + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
