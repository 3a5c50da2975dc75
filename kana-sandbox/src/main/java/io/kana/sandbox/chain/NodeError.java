package io.kana.sandbox.chain;

/**
 * An Aptos node error answer: HTTP status and the body {@code {"message", "error_code",
 * "vm_error_code"}} of aptos-core's {@code AptosError}.
 *
 * @param vmErrorCode the VM status code, or null
 */
public record NodeError(int httpStatus, String errorCode, String message, Integer vmErrorCode) {

    public static NodeError invalidInput(String message) {
        return new NodeError(400, "invalid_input", message, null);
    }

    /** A transaction the VM's validation turned away, worded as the node words it. */
    static NodeError vm(StatusCode status) {
        return new NodeError(400, "vm_error",
                "Invalid transaction: Type: " + status.statusType() + " Code: " + status.name(), status.code());
    }

    public static NodeError notFound(String errorCode, String message) {
        return new NodeError(404, errorCode, message, null);
    }
}
