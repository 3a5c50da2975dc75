package io.kana.aptos.node;

import java.util.Locale;
import java.util.regex.Pattern;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.model.AccountAddress;
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
     * The sender and sequence number a signed transaction's BCS starts with (RawTransaction: 32-byte sender,
     * then the sequence number as a little-endian u64), or null when the bytes are too short to hold them.
     */
    static Identity identityOf(byte[] signedTransaction) {
        if (signedTransaction.length < AccountAddress.LENGTH + Long.BYTES) {
            return null;
        }
        AccountAddress sender = AccountAddress.ofBytes(Arrays.copyOf(signedTransaction, AccountAddress.LENGTH));
        long sequenceNumber = ByteBuffer.wrap(signedTransaction, AccountAddress.LENGTH, Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new Identity(sender, new BigInteger(Long.toUnsignedString(sequenceNumber)));
    }

    /** Who sent a transaction and with which number. */
    record Identity(AccountAddress sender, BigInteger sequenceNumber) {}

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
