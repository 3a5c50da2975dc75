package io.kana.client;

import java.util.Objects;

/**
 * A secret string (API key, private key) that never shows itself: {@code toString} is redacted, so
 * it can sit in a record that gets logged.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new KanaConfigException("secret", "a secret is not blank");
        }
        return new Secret(value.strip());
    }

    /** The secret itself; hand it to what needs it and do not keep or print it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "<redacted>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
