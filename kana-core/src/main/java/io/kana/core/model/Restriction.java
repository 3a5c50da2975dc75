package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;

/** How a limit order may interact with the book. On the wire: the {@code u8} {@code restriction}. */
public enum Restriction {
    /** Rest whatever does not fill at once. */
    NO_RESTRICTION(0),
    /** Fill completely at once or abort. */
    FILL_OR_ABORT(1),
    /** Abort if any part would take liquidity (maker only). */
    POST_OR_ABORT(3);

    private final int code;

    Restriction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Restriction fromCode(int code) {
        for (Restriction r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new InvalidRequestException("restriction", "restriction is 0, 1 or 3, got " + code);
    }
}
