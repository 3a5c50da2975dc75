package io.kana.http;

/** A response value does not have the shape the wire contract promises; becomes a KanaDecodingException. */
final class WireFormatException extends RuntimeException {

    WireFormatException(String message) {
        super(message);
    }

    WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
