package io.kana.aptos.node;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import okhttp3.Headers;

/** One HTTP answer of the node, body fully read. */
final class NodeResponse {

    private final int status;
    private final Headers headers;
    private final byte[] body;

    NodeResponse(int status, Headers headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    boolean retryable() {
        return AptosNodeException.isRetryable(status);
    }

    /** The {@code Retry-After} header (delta seconds or HTTP date) in milliseconds from now; -1 when absent. */
    long retryAfterMillis() {
        String value = headers.get("Retry-After");
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Math.multiplyExact(Long.parseLong(value.trim()), 1000L));
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            Date date = headers.getDate("Retry-After");
            return date == null ? -1 : Math.max(0, date.getTime() - Instant.now().toEpochMilli());
        }
    }

    /** The node's chain time from {@code X-Aptos-Ledger-TimestampUsec}, in microseconds; -1 when absent. */
    long ledgerTimestampMicros() {
        String value = headers.get("X-Aptos-Ledger-TimestampUsec");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    /** The node's error for a non-2xx answer, decoded leniently from its error body. */
    AptosNodeException error(String endpoint) {
        NodeErrorBody error = NodeErrorBody.parse(body);
        return new AptosNodeException(endpoint, status, AptosErrorCode.fromWire(error.errorCode()),
                error.errorCode(), error.vmErrorCode(), error.message());
    }
}
