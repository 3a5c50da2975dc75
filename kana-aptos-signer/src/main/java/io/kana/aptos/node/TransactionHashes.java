package io.kana.aptos.node;

import java.util.Locale;
import java.util.regex.Pattern;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import io.kana.core.error.InvalidRequestException;

/**
 * Transaction hashes: {@code sha3_256(sha3_256("APTOS::Transaction") || 0x00 || signedTransaction)},
 * where {@code 0x00} is the {@code Transaction::UserTransaction} variant (TS SDK
 * {@code generateUserTransactionHash}). Computing it locally lets a lost submit answer still name
 * the transaction to look up.
 */
final class TransactionHashes {

    private static final Pattern HASH = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    private TransactionHashes() {}

    /** The hash of a signed user transaction, {@code 0x} + 64 lowercase hex. */
    static String of(byte[] signedTransaction) {
        return SignedTransaction.hashOf(signedTransaction);
    }

    /**
     * What a node's acceptance must name for bytes that come from elsewhere: their hash, computed here, and the
     * sender and sequence number their BCS starts with (RawTransaction: 32-byte sender, then the sequence number
     * as a little-endian u64); sender and number are null when the bytes are too short to hold them.
     */
    static Identity identityOf(byte[] signedTransaction) {
        String hash = of(signedTransaction);
        if (signedTransaction.length < AccountAddress.LENGTH + Long.BYTES) {
            return new Identity(hash, null, null);
        }
        AccountAddress sender = AccountAddress.ofBytes(Arrays.copyOf(signedTransaction, AccountAddress.LENGTH));
        long sequenceNumber = ByteBuffer.wrap(signedTransaction, AccountAddress.LENGTH, Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new Identity(hash, sender, unsigned(sequenceNumber));
    }

    /** Which transaction was sent: the hash, sender and number the node's 202 answer must repeat. */
    record Identity(String hash, AccountAddress sender, BigInteger sequenceNumber) {

        /** What a signed transaction already knows about itself: its hash was computed once, when it was signed. */
        static Identity of(SignedTransaction signed) {
            return new Identity(signed.hash(), signed.sender(), unsigned(signed.sequenceNumber()));
        }

        /** Whether {@code accepted}, the node's answer, names this transaction. */
        boolean isNamedBy(SubmittedTransaction accepted) {
            return accepted.hash().equals(hash) && accepted.sender().equals(sender)
                    && accepted.sequenceNumber().equals(sequenceNumber);
        }
    }

    private static BigInteger unsigned(long u64) {
        return new BigInteger(Long.toUnsignedString(u64));
    }

    /** Validates a caller's hash and returns it as {@code 0x} + 64 lowercase hex. */
    static String normalize(String hash) {
        if (hash == null || !HASH.matcher(hash.strip()).matches()) {
            throw new InvalidRequestException("hash",
                    "a transaction hash is 0x followed by 64 hex digits, got "
                            + (hash == null ? "null" : "'" + abbreviate(hash.strip()) + "'"));
        }
        String digits = hash.strip().toLowerCase(Locale.ROOT);
        return digits.startsWith("0x") ? digits : "0x" + digits;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
