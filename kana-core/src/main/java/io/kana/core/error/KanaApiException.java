package io.kana.core.error;

/** The Kana trade API answered, but rejected the request ({@code success:false} or an HTTP error status). */
public class KanaApiException extends KanaException {

    private final String endpoint;
    private final int httpStatus;
    private final String apiMessage;

    public KanaApiException(String endpoint, int httpStatus, String apiMessage) {
        this(endpoint, httpStatus, apiMessage, endpoint + " was rejected (HTTP " + httpStatus + "): "
                + (apiMessage == null ? "no message" : SafeText.snippet(apiMessage)));
    }

    /** For subclasses that know what the refusal means and say it in {@code message}. */
    protected KanaApiException(String endpoint, int httpStatus, String apiMessage, String message) {
        super(message);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.apiMessage = SafeText.snippet(apiMessage);
    }

    /** The endpoint name, e.g. {@code getMarketInfo}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status; 200 when the body said {@code success:false}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API's own message (at most a snippet of it), or null when it gave none. */
    public String apiMessage() {
        return apiMessage;
    }
}
