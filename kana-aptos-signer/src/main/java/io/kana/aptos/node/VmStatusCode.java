package io.kana.aptos.node;

import java.util.Optional;

/**
 * The Move VM's transaction validation (prologue) status codes, as carried in a node error's
 * {@code vm_error_code} (see {@link io.kana.core.error.TransactionRejectedException#vmErrorCode()}).
 *
 * <p>Numbering from aptos-core {@code third_party/move/move-core/types/src/vm_status.rs},
 * {@code enum StatusCode}, validation range 0-999 (commit 0023774c60db78010b658da15579b71fbd55410f).
 * Reserved codes 37-40 and the verification/execution ranges are not listed.
 */
public enum VmStatusCode {
    UNKNOWN_VALIDATION_STATUS(0),
    INVALID_SIGNATURE(1),
    INVALID_AUTH_KEY(2),
    SEQUENCE_NUMBER_TOO_OLD(3),
    SEQUENCE_NUMBER_TOO_NEW(4),
    INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE(5),
    TRANSACTION_EXPIRED(6),
    SENDING_ACCOUNT_DOES_NOT_EXIST(7),
    REJECTED_WRITE_SET(8),
    INVALID_WRITE_SET(9),
    EXCEEDED_MAX_TRANSACTION_SIZE(10),
    UNKNOWN_SCRIPT(11),
    UNKNOWN_MODULE(12),
    MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND(13),
    MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS(14),
    GAS_UNIT_PRICE_BELOW_MIN_BOUND(15),
    GAS_UNIT_PRICE_ABOVE_MAX_BOUND(16),
    INVALID_GAS_SPECIFIER(17),
    SENDING_ACCOUNT_FROZEN(18),
    UNABLE_TO_DESERIALIZE_ACCOUNT(19),
    CURRENCY_INFO_DOES_NOT_EXIST(20),
    INVALID_MODULE_PUBLISHER(21),
    NO_ACCOUNT_ROLE(22),
    BAD_CHAIN_ID(23),
    SEQUENCE_NUMBER_TOO_BIG(24),
    BAD_TRANSACTION_FEE_CURRENCY(25),
    FEATURE_UNDER_GATING(26),
    SECONDARY_KEYS_ADDRESSES_COUNT_MISMATCH(27),
    SIGNERS_CONTAIN_DUPLICATES(28),
    SEQUENCE_NONCE_INVALID(29),
    CHAIN_ACCOUNT_INFO_DOES_NOT_EXIST(30),
    ACCOUNT_NOT_MULTISIG(31),
    NOT_MULTISIG_OWNER(32),
    MULTISIG_TRANSACTION_NOT_FOUND(33),
    MULTISIG_TRANSACTION_INSUFFICIENT_APPROVALS(34),
    MULTISIG_TRANSACTION_PAYLOAD_DOES_NOT_MATCH_HASH(35),
    GAS_PAYER_ACCOUNT_MISSING(36);

    private final long code;

    VmStatusCode(long code) {
        this.code = code;
    }

    /** The numeric code, as in {@code vm_error_code}. */
    public long code() {
        return code;
    }

    /** The constant for {@code vmErrorCode}; empty for null or a code outside this list. */
    public static Optional<VmStatusCode> of(Long vmErrorCode) {
        if (vmErrorCode == null) {
            return Optional.empty();
        }
        for (VmStatusCode status : values()) {
            if (status.code == vmErrorCode) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
