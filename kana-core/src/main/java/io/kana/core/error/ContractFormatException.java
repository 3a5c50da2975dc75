package io.kana.core.error;

/**
 * A contract file (see {@code io.kana.core.contract.KanaContract}) is malformed or incomplete. Raised
 * at start-up, before anything is sent.
 */
public final class ContractFormatException extends KanaException {

    private final String source;
    private final int line;
    private final String statement;

    /**
     * @param source    the file or resource the text came from
     * @param line      the 1-based line at fault, or 0 when the fault is the file as a whole
     * @param statement the statement or field at fault, e.g. {@code arg}
     * @param problem   what is wrong and, where possible, what is allowed
     */
    public ContractFormatException(String source, int line, String statement, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + statement + ": " + problem);
        this.source = source;
        this.line = line;
        this.statement = statement;
    }

    /** The file or resource the contract came from. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0 when the fault is the file as a whole (e.g. a missing operation). */
    public int line() {
        return line;
    }

    /** The statement or field at fault, e.g. {@code arg} or {@code operation}. */
    public String statement() {
        return statement;
    }
}
