package io.kana.sandbox;

import com.squareup.moshi.Moshi;
import io.kana.sandbox.http.NodeHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small loopback HTTP client for the tests, parsing JSON bodies into maps. */
final class NodeHttp {

    /** A response: status, headers and the parsed JSON body (null when empty). */
    record Reply(int status, Map<String, List<String>> headers, Object body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    NodeHttp(String base) {
        this.base = base;
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply submit(byte[] signed) {
        return post("/transactions", signed);
    }

    Reply post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", NodeHandler.SIGNED_TRANSACTION_BCS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            return sendOrThrow(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply sendOrThrow(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Object body = response.body().isEmpty() ? null
                    : new Moshi.Builder().build().adapter(Object.class).fromJson(response.body());
            return new Reply(response.statusCode(), response.headers().map(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (by wait_by_hash long polls) until the transaction has committed, and returns it. */
    Map<String, Object> committed(String hash) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Reply reply = get("/transactions/wait_by_hash/" + hash);
            if (reply.status() == 200 && "user_transaction".equals(reply.json().get("type"))) {
                return reply.json();
            }
        }
        throw new AssertionError("transaction " + hash + " did not commit within 10 s");
    }
}
