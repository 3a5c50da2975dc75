package io.kana.aptos.node;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * The node's view of the chain ({@code GET /v1}).
 *
 * @param chainId               chain id to sign for: mainnet 1, testnet 2, localnet 4
 * @param ledgerVersion         latest committed ledger version
 * @param ledgerTimestampMicros chain time of that version, microseconds since the Unix epoch
 */
public record LedgerInfo(int chainId, BigInteger ledgerVersion, long ledgerTimestampMicros) {

    public LedgerInfo {
        Objects.requireNonNull(ledgerVersion, "ledgerVersion");
    }

    /** The chain clock, which decides transaction expiry (it may lag the wall clock). */
    public Instant ledgerTimestamp() {
        return Instant.EPOCH.plusNanos(Math.multiplyExact(ledgerTimestampMicros, 1_000L));
    }
}
