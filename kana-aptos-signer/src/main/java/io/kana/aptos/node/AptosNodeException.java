package io.kana.aptos.node;

import io.kana.core.error.KanaException;

/**
 * The Aptos node answered a read with an error status, e.g. 404 {@code account_not_found} or
 * {@code module_not_found}. Rejected submissions raise
 * {@link io.kana.core.error.TransactionRejectedException} instead.
 */
public final class AptosNodeException extends KanaException {

    private final String endpoint;
    private final int httpStatus;
    private final AptosErrorCode errorCode;
    private final Long vmErrorCode;

    AptosNodeException(String endpoint, int httpStatus, AptosErrorCode errorCode, String rawErrorCode,
            Long vmErrorCode, String nodeMessage) {
        super(endpoint + ": the Aptos node answered HTTP " + httpStatus
                + (rawErrorCode == null ? "" : " " + rawErrorCode)
                + (vmErrorCode == null ? "" : " (vm_error_code " + vmErrorCode + ")")
                + ": " + (nodeMessage == null || nodeMessage.isBlank() ? "no message" : nodeMessage)
                + (isRetryable(httpStatus) ? " (transient: try again later)" : ""));
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.vmErrorCode = vmErrorCode;
    }

    /** The operation that failed, e.g. {@code account}. */
    public String endpoint() {
        return endpoint;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The node's {@code error_code}; UNKNOWN when absent or not recognized (the raw code is in the message). */
    public AptosErrorCode errorCode() {
        return errorCode;
    }

    /** The node's {@code vm_error_code}, or null; see {@link VmStatusCode#of(Long)}. */
    public Long vmErrorCode() {
        return vmErrorCode;
    }

    /** Whether the same request may succeed later (HTTP 408, 429 or 5xx). */
    public boolean retryable() {
        return isRetryable(httpStatus);
    }

    static boolean isRetryable(int httpStatus) {
        return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
}
