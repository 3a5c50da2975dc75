package io.kana.core.model;

/**
 * A Move abort parsed from a {@code vm_status} such as
 * {@code "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins"}.
 *
 * @param module   the aborting module, e.g. {@code 0x1::coin}
 * @param codeName the abort code's name, e.g. {@code EINSUFFICIENT_BALANCE}, or null when not given
 * @param code     the numeric abort code
 * @param reason   the human description, or null when not given
 */
public record MoveAbort(String module, String codeName, long code, String reason) {}
