package io.kana.core.error;

/** The caller's input is invalid; raised before anything is sent or signed. */
public final class InvalidRequestException extends KanaException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public InvalidRequestException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code size}. */
    public String field() {
        return field;
    }
}
