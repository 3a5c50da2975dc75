package io.kana.aptos.tx;

import io.kana.core.model.AccountAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A transaction with its Ed25519 authenticator: {@link #bytes()} is the body of
 * {@code POST /v1/transactions} (content type {@code application/x.aptos.signed_transaction+bcs}),
 * {@link #hash()} the hash the node will report for it, computed locally. Immutable.
 */
public final class SignedTransaction {

    /** {@code sha3_256("APTOS::Transaction") || 0x00}: the hash prefix; 0x00 is Transaction::UserTransaction. */
    private static final byte[] HASH_SALT_AND_USER_VARIANT = Arrays.copyOf(Sha3.salt("APTOS::Transaction"), 33);

    private final RawTransaction rawTransaction;
    private final byte[] signed;
    private final int rawLength;
    private final boolean simulation;
    private final String hash;

    SignedTransaction(RawTransaction rawTransaction, byte[] signed, int rawLength, boolean simulation) {
        this.rawTransaction = rawTransaction;
        this.signed = signed;
        this.rawLength = rawLength;
        this.simulation = simulation;
        this.hash = hashOf(signed);
    }

    /**
     * The hash of any BCS signed user transaction, as the node will report it:
     * {@code 0x} + 64 hex of {@code sha3_256(sha3_256("APTOS::Transaction") || 0x00 || signedTransaction)}.
     */
    public static String hashOf(byte[] signedTransaction) {
        return "0x" + HexFormat.of().formatHex(
                Sha3.hash(HASH_SALT_AND_USER_VARIANT, signedTransaction, 0, signedTransaction.length));
    }

    /** The BCS bytes {@code bcs(RawTransaction) || bcs(TransactionAuthenticator)} (a fresh copy). */
    public byte[] bytes() {
        return signed.clone();
    }

    /** {@code 0x} + 64 hex: {@code sha3_256(sha3_256("APTOS::Transaction") || 0x00 || bytes())}. */
    public String hash() {
        return hash;
    }

    public RawTransaction rawTransaction() {
        return rawTransaction;
    }

    /** The BCS bytes of the raw transaction (a fresh copy). */
    public byte[] rawTransactionBytes() {
        return Arrays.copyOf(signed, rawLength);
    }

    /** The message that was signed: {@code sha3_256("APTOS::RawTransaction") || rawTransactionBytes()}. */
    public byte[] signingMessage() {
        byte[] message = Arrays.copyOf(RawTransaction.SIGNING_SALT, RawTransaction.SIGNING_SALT.length + rawLength);
        System.arraycopy(signed, 0, message, RawTransaction.SIGNING_SALT.length, rawLength);
        return message;
    }

    /** The 32-byte Ed25519 public key in the authenticator (a fresh copy). */
    public byte[] publicKey() {
        int start = rawLength + 2;
        return Arrays.copyOfRange(signed, start, start + 32);
    }

    /** The 64-byte signature in the authenticator (a fresh copy); all zeros for a simulation. */
    public byte[] signature() {
        int start = rawLength + 2 + 32 + 1;
        return Arrays.copyOfRange(signed, start, start + 64);
    }

    /** Whether this carries the zero signature of {@link RawTransaction#forSimulation(byte[])}: never submit it. */
    public boolean isSimulation() {
        return simulation;
    }

    public AccountAddress sender() {
        return rawTransaction.parameters().sender();
    }

    /** The sequence number, a u64 read as unsigned. */
    public long sequenceNumber() {
        return rawTransaction.parameters().sequenceNumber();
    }

    /** The expiration in chain seconds, a u64 read as unsigned. */
    public long expirationTimestampSecs() {
        return rawTransaction.parameters().expirationTimestampSecs();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTransaction other && Arrays.equals(signed, other.signed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signed);
    }

    @Override
    public String toString() {
        return "SignedTransaction[" + (simulation ? "simulation, " : "") + "hash=" + hash + ", sender="
                + sender() + ", sequenceNumber=" + Long.toUnsignedString(sequenceNumber()) + ", "
                + rawTransaction.payload().functionId() + "]";
    }
}
