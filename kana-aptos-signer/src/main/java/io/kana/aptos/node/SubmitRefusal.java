package io.kana.aptos.node;

import io.kana.core.error.TransactionRejectedException;

/**
 * What a node's error answer to {@code POST /v1/transactions} proves about the transaction. The one place
 * that reads a refusal: the node client and the submitter both ask it.
 */
public enum SubmitRefusal {
    /** HTTP 507 {@code mempool_is_full}: not taken now; the same bytes may be sent again once some commit. */
    MEMPOOL_FULL,
    /**
     * Refused for its sequence number ({@code sequence_number_too_old}, {@code invalid_transaction_update},
     * VM {@code SEQUENCE_NUMBER_TOO_OLD/NEW}): not taken; the order may be signed again with a fresh number.
     */
    NUMBERING,
    /** Refused for good: not taken, and the same transaction would be refused again. */
    DEFINITE,
    /**
     * No proof either way (408, 429, 5xx but 507): gateways answer these themselves, and whether they forwarded
     * the body first is not knowable, so the node may have taken the transaction.
     */
    LOST;

    /** Whether the node did not take the transaction: everything but {@link #LOST}. */
    public boolean provesNotTaken() {
        return this != LOST;
    }

    /** Whether an error status alone proves the transaction was not taken. */
    public static boolean provesNotTaken(int httpStatus) {
        return httpStatus == 507 || (httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429);
    }

    /** What {@code rejection}, the node's error answer to a submission, proves. */
    public static SubmitRefusal of(TransactionRejectedException rejection) {
        if (!provesNotTaken(rejection.httpStatus())) {
            return LOST;
        }
        AptosErrorCode code = AptosErrorCode.fromWire(rejection.errorCode());
        if (rejection.httpStatus() == 507 || code == AptosErrorCode.MEMPOOL_IS_FULL) {
            return MEMPOOL_FULL;
        }
        if (code == AptosErrorCode.SEQUENCE_NUMBER_TOO_OLD || code == AptosErrorCode.INVALID_TRANSACTION_UPDATE) {
            return NUMBERING;
        }
        if (code == AptosErrorCode.VM_ERROR) {
            VmStatusCode vm = VmStatusCode.of(rejection.vmErrorCode()).orElse(null);
            if (vm == VmStatusCode.SEQUENCE_NUMBER_TOO_OLD || vm == VmStatusCode.SEQUENCE_NUMBER_TOO_NEW) {
                return NUMBERING;
            }
        }
        return DEFINITE;
    }
}
