package io.kana.aptos.node;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An on-chain account ({@code GET /v1/accounts/{address}}).
 *
 * @param sequenceNumber    the sequence number the account's next transaction must use
 * @param authenticationKey {@code 0x} + 64 lowercase hex; equals the address until the key is rotated
 * @param ledgerTimestampMicros the chain time of the ledger version this was read at
 *                              ({@code X-Aptos-Ledger-TimestampUsec}), or -1 when the node did not say
 */
public record AccountInfo(BigInteger sequenceNumber, String authenticationKey, long ledgerTimestampMicros) {

    public AccountInfo {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        Objects.requireNonNull(authenticationKey, "authenticationKey");
    }

    /** An account read without a known chain time. */
    public AccountInfo(BigInteger sequenceNumber, String authenticationKey) {
        this(sequenceNumber, authenticationKey, -1);
    }

    /**
     * Whether this read proves that a transaction of the account with {@code sequenceNumber} at least
     * this read's count, expiring at {@code expirationTimestampSecs}, can never commit: the chain time of
     * this read has reached its expiration while the number was not yet used.
     */
    public boolean provesNeverCommits(long sequenceNumber, long expirationTimestampSecs) {
        return BigInteger.valueOf(sequenceNumber).compareTo(this.sequenceNumber) >= 0
                && ChainTime.hasPassed(ledgerTimestampMicros, expirationTimestampSecs);
    }

    AccountInfo at(long ledgerTimestampMicros) {
        return new AccountInfo(sequenceNumber, authenticationKey, ledgerTimestampMicros);
    }
}
