package io.kana.aptos.abi;

/**
 * A JSON value does not convert to its Move type. Internal: the function encoder adds the function,
 * argument index and type to make an {@link AbiEncodingException}. Carries no stack trace.
 */
final class ValueMismatch extends RuntimeException {

    private final transient Object value;

    ValueMismatch(String reason, Object value) {
        super(reason, null, false, false);
        this.value = value;
    }

    /** The innermost value at fault (an element for a vector). */
    Object value() {
        return value;
    }

    /** The same mismatch, located inside an enclosing vector or option. */
    ValueMismatch within(String location) {
        return new ValueMismatch(location + ": " + getMessage(), value);
    }
}
