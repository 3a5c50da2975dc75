package io.kana.aptos.abi;

import io.kana.core.error.KanaException;

/**
 * A payload does not fit its function's ABI: unknown or non-entry function, wrong number of
 * (type) arguments, or an argument that cannot be converted to its Move parameter type. Nothing
 * was signed.
 */
public final class AbiEncodingException extends KanaException {

    private final String function;
    private final int argumentIndex;
    private final String moveType;

    AbiEncodingException(String function, String message) {
        this(function, -1, null, message);
    }

    AbiEncodingException(String function, int argumentIndex, String moveType, String message) {
        super(message);
        this.function = function;
        this.argumentIndex = argumentIndex;
        this.moveType = moveType;
    }

    /** The payload's function id, {@code <address>::<module>::<function>}. */
    public String function() {
        return function;
    }

    /** Index into the payload's {@code functionArguments} at fault, or -1 when no single argument is. */
    public int argumentIndex() {
        return argumentIndex;
    }

    /** The Move type of the parameter at fault, as the ABI spells it; null when no single argument is. */
    public String moveType() {
        return moveType;
    }
}
