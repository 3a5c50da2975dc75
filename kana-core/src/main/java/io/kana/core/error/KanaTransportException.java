package io.kana.core.error;

/** No usable answer: connection refused or reset, timeout, or retries exhausted on 429/5xx. */
public final class KanaTransportException extends KanaException {

    private final String endpoint;

    public KanaTransportException(String endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
