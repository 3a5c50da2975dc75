package io.kana.cli.contract;

import java.util.Locale;

/** What {@code kana contract check} concludes about one operation. */
public enum Verdict {
    /** The chain (and, with {@code --payloads}, the trade API's payload) agree with the contract. */
    CONFIRMED,
    /** A function of that name exists but differs, or the trade API's payload differs from the contract. */
    MISMATCH,
    /** None of the contract's names for the function exists in the module. */
    MISSING,
    /** Could not be decided: the ABI or the payload could not be obtained. */
    UNCHECKED;

    /** The word printed for it: {@code confirmed}, {@code mismatch}, {@code missing}, {@code unchecked}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this verdict says the contract is wrong (as opposed to right or undecided). */
    boolean drift() {
        return this == MISMATCH || this == MISSING;
    }
}
