package io.kana.core.port;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;

/**
 * How long an adapter waits on one HTTP call to the trade API or the node; the trade API client, the node
 * client and {@code KanaClient.Builder} all take it.
 *
 * @param connect longest wait to open a TCP/TLS connection
 * @param read    longest silence while reading an answer or writing a request
 * @param call    longest time for one call, from connecting to the last byte of the answer, so an answer that
 *                drips in slowly still ends
 */
public record HttpTimeouts(Duration connect, Duration read, Duration call) {

    /** 5 s to connect, 15 s of silence, 30 s per call. */
    public static final HttpTimeouts DEFAULT =
            new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));

    /** @throws InvalidRequestException naming the first component that is null, zero or negative */
    public HttpTimeouts {
        positive(connect, "connect");
        positive(read, "read");
        positive(call, "call");
    }

    /** These timeouts with {@code connect} instead. */
    public HttpTimeouts withConnect(Duration connect) {
        return new HttpTimeouts(connect, read, call);
    }

    /** These timeouts with {@code read} instead. */
    public HttpTimeouts withRead(Duration read) {
        return new HttpTimeouts(connect, read, call);
    }

    /** These timeouts with {@code call} instead. */
    public HttpTimeouts withCall(Duration call) {
        return new HttpTimeouts(connect, read, call);
    }

    private static void positive(Duration timeout, String component) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidRequestException(component, "the " + component + " timeout must be positive, got " + timeout);
        }
    }
}
