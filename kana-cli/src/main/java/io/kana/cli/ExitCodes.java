package io.kana.cli;

/**
 * The exit codes of every {@code kana} command, documented in each command's {@code --help}. A
 * script tells "the answer is no" ({@link #DRIFT}) from "no answer" ({@link #UNCHECKED}) and from
 * "you called it wrong" ({@link #USAGE}).
 */
public final class ExitCodes {

    /** Everything checked and in order. */
    public static final int OK = 0;
    /** The chain or the trade API disagrees with the contract (a function mismatched or missing). */
    public static final int DRIFT = 1;
    /** Bad options or configuration (an unknown option, a missing variable, a malformed contract file). */
    public static final int USAGE = 2;
    /** Some answer could not be obtained (a node or trade API unreachable or refusing); nothing disagreed. */
    public static final int UNCHECKED = 3;
    /** A failure the command did not anticipate (a bug: please report it with the message printed). */
    public static final int INTERNAL = 4;

    private ExitCodes() {}
}
