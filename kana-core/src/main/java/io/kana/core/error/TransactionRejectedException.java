package io.kana.core.error;

/**
 * The Aptos node refused the transaction before execution (bad sequence number, signature, expired,
 * mempool full...). It was not executed.
 */
public final class TransactionRejectedException extends KanaException {

    private final int httpStatus;
    private final String errorCode;
    private final Long vmErrorCode;

    public TransactionRejectedException(int httpStatus, String errorCode, Long vmErrorCode, String message) {
        super("the Aptos node rejected the transaction (HTTP " + httpStatus + ", " + errorCode
                + (vmErrorCode == null ? "" : ", vm_error_code " + vmErrorCode) + "): " + message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.vmErrorCode = vmErrorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The node's {@code error_code}, e.g. {@code sequence_number_too_old}. */
    public String errorCode() {
        return errorCode;
    }

    /** The node's {@code vm_error_code}, or null. */
    public Long vmErrorCode() {
        return vmErrorCode;
    }
}
