package io.kana.cli.contract;

import java.util.Objects;

/**
 * What the trade API's payload for one operation showed, judged by the library's own payload check.
 *
 * @param kind     agrees, rejected, or failed (no payload to judge)
 * @param function the payload's function name when it agrees; empty otherwise
 * @param detail   the check's or the failure's message; empty when it agrees
 */
record PayloadOutcome(Kind kind, String function, String detail) {

    enum Kind {
        /** The library's payload check passed: this payload would have been signed. */
        AGREES,
        /** The library's payload check refused it: the trade API disagrees with the contract. */
        REJECTED,
        /** No payload could be judged (the trade API failed, or no market to ask about). */
        FAILED
    }

    PayloadOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(detail, "detail");
    }

    static PayloadOutcome agrees(String function) {
        return new PayloadOutcome(Kind.AGREES, function, "");
    }

    static PayloadOutcome rejected(String detail) {
        return new PayloadOutcome(Kind.REJECTED, "", detail);
    }

    static PayloadOutcome failed(String detail) {
        return new PayloadOutcome(Kind.FAILED, "", detail);
    }
}
