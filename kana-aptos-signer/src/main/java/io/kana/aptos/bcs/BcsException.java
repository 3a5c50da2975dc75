package io.kana.aptos.bcs;

import io.kana.core.error.KanaException;

/** A value cannot be BCS-encoded (out of range for its type) or bytes are not valid BCS. */
public final class BcsException extends KanaException {

    public BcsException(String message) {
        super(message);
    }
}
