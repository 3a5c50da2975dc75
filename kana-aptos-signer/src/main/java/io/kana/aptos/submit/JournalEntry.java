package io.kana.aptos.submit;

import io.kana.core.model.AccountAddress;
import java.util.Objects;

/**
 * One signed transaction as the journal keeps it. It holds no secret: the signed bytes carry only the
 * public key and the signature.
 *
 * @param intentId       the hash of the first signing of one {@code submit} call; every later signing of the
 *                       same call (after a refusal for its number, or after a proven expiry) keeps it, so the
 *                       intent is recognised across signings
 * @param hash           this signing's hash, {@code 0x} + 64 hex
 * @param sender         the signing account
 * @param sequenceNumber the number this signing uses
 * @param expirationTimestampSecs after this time (chain clock) it can no longer commit
 * @param function       the entry function, {@code <address>::<module>::<function>}
 * @param arguments      the payload's arguments as text, for the application to recognise its intent
 * @param signedBytes    the BCS signed transaction, exactly as sent
 */
public record JournalEntry(String intentId, String hash, AccountAddress sender, long sequenceNumber,
        long expirationTimestampSecs, String function, String arguments, byte[] signedBytes) {

    public JournalEntry {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(arguments, "arguments");
        signedBytes = Objects.requireNonNull(signedBytes, "signedBytes").clone();
    }

    @Override
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    @Override
    public String toString() {
        return "JournalEntry[intent " + intentId + ", hash " + hash + ", " + sender + " #" + sequenceNumber
                + ", expires " + expirationTimestampSecs + ", " + function + " " + arguments + "]";
    }
}
