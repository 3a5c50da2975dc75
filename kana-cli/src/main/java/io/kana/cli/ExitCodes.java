package io.kana.cli;

/**
 * The exit codes of every {@code kana} command, listed in each command's {@code --help}. A script
 * tells "the answer is no" ({@link #DRIFT}) from "no answer" ({@link #UNCHECKED}), "you called it
 * wrong" ({@link #USAGE}), and, for writes, "nothing happened" ({@link #REJECTED}) from "it may have
 * happened" ({@link #OUTCOME_UNKNOWN}).
 */
public final class ExitCodes {

    /** Everything checked and in order; a write committed. */
    public static final int OK = 0;
    /** The chain or the trade API disagrees with the contract (a function mismatched or missing). */
    public static final int DRIFT = 1;
    /**
     * Bad options, input or configuration (an unknown option, a size off the market's rules, a missing
     * variable, a malformed contract file); nothing was sent.
     */
    public static final int USAGE = 2;
    /** Some answer could not be obtained (a node or trade API unreachable or refusing); nothing was changed. */
    public static final int UNCHECKED = 3;
    /** A failure the command did not anticipate (a bug: please report it with the message printed). */
    public static final int INTERNAL = 4;
    /**
     * A write did not happen and certainly will not: refused by the trade API or the chain, aborted on
     * chain, never sent, or not confirmed. Safe to retry after fixing the cause.
     */
    public static final int REJECTED = 5;
    /**
     * A write may have happened: it was signed and possibly accepted, but its outcome is unknown. Look
     * it up (the hash is printed) before trying again, or it may happen twice.
     */
    public static final int OUTCOME_UNKNOWN = 6;

    /** The list every command's {@code --help} shows, as picocli's {@code code:description} pairs. */
    static final String[] DESCRIPTIONS = {
        OK + ":success (a write: committed)",
        DRIFT + ":contract check: the chain or the trade API disagrees with the contract",
        USAGE + ":bad options, input or configuration; nothing was sent",
        UNCHECKED + ":no answer: trade API or node unreachable or refusing; nothing was changed",
        INTERNAL + ":unexpected failure (a bug; please report the message)",
        REJECTED + ":write rejected, aborted, not sent or not confirmed: nothing happened, safe to retry",
        OUTCOME_UNKNOWN + ":write outcome unknown: it may have happened; look up the printed hash before retrying"};

    private ExitCodes() {}
}
