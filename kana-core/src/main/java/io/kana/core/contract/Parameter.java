package io.kana.core.contract;

import java.util.Objects;

/**
 * One Move parameter of an entry function (after {@code &signer}) and where its value comes from.
 *
 * @param moveType e.g. {@code u64}, {@code vector<u128>}
 * @param name     its name in the contract, e.g. {@code marketId}
 * @param source   the request value that feeds it, e.g. {@code orders.size} (see the contract's header)
 * @param scaling  how that value is scaled, e.g. {@code lots}; empty when it is used as it is
 */
public record Parameter(String moveType, String name, String source, String scaling) {

    public Parameter {
        Objects.requireNonNull(moveType, "moveType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Whether the value is an order id: a u128 that must arrive exactly (a JSON float has lost digits
     * of it already).
     */
    public boolean isOrderId() {
        return Source.of(qualifiedSource()) == Source.CANCEL_ORDER_ID;
    }

    /** The source as the contract writes it: {@code source@scaling}, or the bare source. */
    public String qualifiedSource() {
        return scaling.isEmpty() ? source : source + "@" + scaling;
    }
}
