package io.kana.aptos.node;

/**
 * The one rule for "this transaction can no longer commit": the chain time of a node's ledger has reached
 * the transaction's expiration. Every block after that ledger version has a later timestamp, and the
 * prologue only admits a transaction while the block timestamp is below its expiration. The local clock
 * proves nothing: a node may lag, and the local clock may run ahead of the chain.
 */
final class ChainTime {

    private ChainTime() {}

    /**
     * @param ledgerTimestampMicros the node's {@code X-Aptos-Ledger-TimestampUsec}, or negative when unknown
     * @param expirationTimestampSecs the transaction's expiration, or negative when unknown
     */
    static boolean hasPassed(long ledgerTimestampMicros, long expirationTimestampSecs) {
        return ledgerTimestampMicros >= 0 && expirationTimestampSecs >= 0
                && ledgerTimestampMicros / 1_000_000L >= expirationTimestampSecs;
    }
}
