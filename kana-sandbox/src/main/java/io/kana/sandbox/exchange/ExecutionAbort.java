package io.kana.sandbox.exchange;

/** A Move abort raised while running an entry function; the whole transaction is rolled back. */
final class ExecutionAbort extends RuntimeException {

    /** The module's abort codes (name and number as a Move abort reports them). */
    enum Code {
        E_MARKET_NOT_FOUND(1),
        E_INVALID_ARGUMENT(2),
        E_INSUFFICIENT_BALANCE(3),
        E_INSUFFICIENT_MARGIN(4),
        E_ORDER_NOT_FOUND(5),
        E_ORDER_SIDE_MISMATCH(6),
        E_FILL_OR_ABORT_NOT_FILLED(7),
        E_POST_OR_ABORT_WOULD_TAKE(8),
        E_POSITION_NOT_FOUND(9),
        E_CLOSE_SIZE_EXCEEDS_POSITION(10),
        E_ARITHMETIC_OVERFLOW(11),
        E_UNKNOWN_FUNCTION(12);

        final long number;

        Code(long number) {
            this.number = number;
        }
    }

    final Code code;

    ExecutionAbort(Code code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }
}
