package io.kana.aptos.node;

import java.util.Locale;

/**
 * The node's {@code error_code} values (aptos-core {@code api/types/src/error.rs}), so callers can
 * branch on them; {@link #UNKNOWN} stands for a code this SDK does not know, or no error body.
 */
public enum AptosErrorCode {
    ACCOUNT_NOT_FOUND,
    RESOURCE_NOT_FOUND,
    MODULE_NOT_FOUND,
    STRUCT_FIELD_NOT_FOUND,
    VERSION_NOT_FOUND,
    TRANSACTION_NOT_FOUND,
    TABLE_ITEM_NOT_FOUND,
    BLOCK_NOT_FOUND,
    STATE_VALUE_NOT_FOUND,
    VERSION_PRUNED,
    BLOCK_PRUNED,
    INVALID_INPUT,
    INVALID_TRANSACTION_UPDATE,
    SEQUENCE_NUMBER_TOO_OLD,
    VM_ERROR,
    REJECTED_BY_FILTER,
    HEALTH_CHECK_FAILED,
    MEMPOOL_IS_FULL,
    INTERNAL_ERROR,
    WEB_FRAMEWORK_ERROR,
    BCS_NOT_SUPPORTED,
    API_DISABLED,
    UNKNOWN;

    /** The code as the node writes it, e.g. {@code account_not_found}; {@code unknown} for UNKNOWN. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a wire name such as {@code mempool_is_full}; UNKNOWN for null or unknown names. */
    public static AptosErrorCode fromWire(String wireName) {
        if (wireName == null) {
            return UNKNOWN;
        }
        for (AptosErrorCode code : values()) {
            if (code != UNKNOWN && code.wireName().equals(wireName)) {
                return code;
            }
        }
        return UNKNOWN;
    }
}
