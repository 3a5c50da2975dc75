package io.kana.aptos.node;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An on-chain account ({@code GET /v1/accounts/{address}}).
 *
 * @param sequenceNumber    the sequence number the account's next transaction must use
 * @param authenticationKey {@code 0x} + 64 lowercase hex; equals the address until the key is rotated
 */
public record AccountInfo(BigInteger sequenceNumber, String authenticationKey) {

    public AccountInfo {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(authenticationKey, "authenticationKey");
    }
}
