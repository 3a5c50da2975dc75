package io.kana.aptos.submit;

import io.kana.core.error.KanaException;

/**
 * The transaction journal cannot be used: unreadable, corrupted before its last record, held by another
 * process, or a write or sync failed. Raised before anything is sent.
 */
public final class JournalException extends KanaException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
