package io.kana.aptos.tx;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.util.Objects;

/**
 * Everything of a raw transaction but its payload. The u64 fields are {@code long}s read as unsigned
 * (parse decimal text with {@link Long#parseUnsignedLong(String)}), so sequence numbers and gas
 * values cover the whole u64 range.
 *
 * @param sender                  the account the transaction runs as
 * @param sequenceNumber          the sender's next sequence number (u64)
 * @param maxGasAmount            gas units the sender allows at most (u64)
 * @param gasUnitPrice            octas per gas unit (u64)
 * @param expirationTimestampSecs chain time in seconds after which it can no longer commit (u64)
 * @param chainId                 1 mainnet, 2 testnet, 4 localnet (u8)
 */
public record TransactionParameters(AccountAddress sender, long sequenceNumber, long maxGasAmount, long gasUnitPrice,
        long expirationTimestampSecs, int chainId) {

    public TransactionParameters {
        Objects.requireNonNull(sender, "sender");
        if (chainId < 0 || chainId > 255) {
            throw new InvalidRequestException("chainId", "a chain id is a u8 (0..255), got " + chainId);
        }
    }

    @Override
    public String toString() {
        return "TransactionParameters[sender=" + sender + ", sequenceNumber=" + Long.toUnsignedString(sequenceNumber)
                + ", maxGasAmount=" + Long.toUnsignedString(maxGasAmount)
                + ", gasUnitPrice=" + Long.toUnsignedString(gasUnitPrice)
                + ", expirationTimestampSecs=" + Long.toUnsignedString(expirationTimestampSecs)
                + ", chainId=" + chainId + "]";
    }
}
