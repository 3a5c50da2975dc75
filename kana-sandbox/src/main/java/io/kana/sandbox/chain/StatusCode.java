package io.kana.sandbox.chain;

/**
 * The Move VM status codes the sandbox node reports, with the numbers of aptos-core's {@code
 * move-core-types/src/vm_status.rs}.
 */
enum StatusCode {
    INVALID_SIGNATURE(1),
    INVALID_AUTH_KEY(2),
    SEQUENCE_NUMBER_TOO_OLD(3),
    SEQUENCE_NUMBER_TOO_NEW(4),
    INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE(5),
    TRANSACTION_EXPIRED(6),
    SENDING_ACCOUNT_DOES_NOT_EXIST(7),
    MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND(13),
    GAS_UNIT_PRICE_BELOW_MIN_BOUND(15),
    BAD_CHAIN_ID(23),
    NUMBER_OF_TYPE_ARGUMENTS_MISMATCH(1076),
    LINKER_ERROR(1081),
    FUNCTION_RESOLUTION_FAILURE(1091),
    NUMBER_OF_ARGUMENTS_MISMATCH(1098),
    FAILED_TO_DESERIALIZE_ARGUMENT(1100);

    private final int code;

    StatusCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The node's {@code StatusType} name: codes below 1000 are validation, 1000-1999 verification. */
    String statusType() {
        return code < 1000 ? "Validation" : "Verification";
    }
}
