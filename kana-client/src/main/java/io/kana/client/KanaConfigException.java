package io.kana.client;

import io.kana.core.error.KanaException;

/** A setting is missing, malformed or not allowed; raised at start-up, before anything is sent. */
public final class KanaConfigException extends KanaException {

    private final String setting;

    public KanaConfigException(String setting, String message) {
        this(setting, message, null);
    }

    public KanaConfigException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting at fault, as its environment variable names it, e.g. {@code KANA_MODULE}. */
    public String setting() {
        return setting;
    }
}
