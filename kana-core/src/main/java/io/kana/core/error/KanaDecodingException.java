package io.kana.core.error;

/** The server answered with a body the SDK cannot decode; carries a truncated snippet of it. */
public final class KanaDecodingException extends KanaException {

    private final String endpoint;
    private final String snippet;

    public KanaDecodingException(String endpoint, String problem, String body, Throwable cause) {
        super(endpoint + " returned a response that could not be decoded (" + SafeText.snippet(problem) + "): "
                + (body == null ? "<empty>" : SafeText.snippet(body)), cause);
        this.endpoint = endpoint;
        this.snippet = body == null ? "<empty>" : SafeText.snippet(body);
    }

    public String endpoint() {
        return endpoint;
    }

    /** The start of the offending body, at most 200 characters. */
    public String snippet() {
        return snippet;
    }
}
