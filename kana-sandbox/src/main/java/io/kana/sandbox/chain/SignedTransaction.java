package io.kana.sandbox.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded {@code SignedTransaction}: an entry-function {@code RawTransaction} with a single
 * Ed25519 authenticator, the only kind the sandbox node accepts.
 *
 * @param sender          long-form address
 * @param sequenceNumber  unsigned 64 bits
 * @param payloadBytes    the BCS TransactionPayload, to tell a changed payload from a resubmission
 * @param maxGasAmount    unsigned 64 bits
 * @param gasUnitPrice    unsigned 64 bits
 * @param expirationSecs  unsigned 64 bits
 * @param rawBytes        the BCS RawTransaction, which the signature covers
 * @param signedBytes     the bytes as submitted
 * @param hash            the transaction hash, {@code 0x} hex
 */
public record SignedTransaction(String sender, long sequenceNumber, EntryFunction payload, byte[] payloadBytes,
        long maxGasAmount, long gasUnitPrice, long expirationSecs, int chainId, byte[] publicKey, byte[] signature,
        byte[] rawBytes, byte[] signedBytes, String hash) {

    private static final int ENTRY_FUNCTION_PAYLOAD = 2;
    private static final int ED25519_AUTHENTICATOR = 0;

    /**
     * An entry-function call.
     *
     * @param moduleAddress long-form address
     * @param arguments     each argument's BCS bytes
     */
    public record EntryFunction(String moduleAddress, String moduleName, String function, List<MoveType> typeArguments,
            List<byte[]> arguments) {
        public EntryFunction {
            typeArguments = List.copyOf(typeArguments);
            arguments = List.copyOf(arguments);
        }

        /** {@code <address>::<module>::<function>}, address in AIP-40 standard form. */
        public String functionId() {
            return Hex.standardAddress(Hex.address(moduleAddress)) + "::" + moduleName + "::" + function;
        }
    }

    /**
     * Decodes the complete BCS body of a submission.
     *
     * @throws BcsReader.BcsException when the bytes are not a canonical signed entry-function
     *                                transaction with an Ed25519 authenticator
     */
    static SignedTransaction decode(byte[] body) {
        BcsReader in = new BcsReader(body);
        String sender = Hex.longAddress(in.address());
        long sequenceNumber = in.u64();
        int payloadStart = in.position();
        int payloadVariant = in.uleb128();
        if (payloadVariant != ENTRY_FUNCTION_PAYLOAD) {
            throw new BcsReader.BcsException("payload variant " + payloadVariant
                    + " is not supported by the sandbox node; it accepts entry-function payloads (variant 2)");
        }
        EntryFunction payload = readEntryFunction(in);
        byte[] payloadBytes = in.slice(payloadStart, in.position());
        long maxGasAmount = in.u64();
        long gasUnitPrice = in.u64();
        long expirationSecs = in.u64();
        int chainId = in.u8();
        int rawEnd = in.position();
        int authenticatorVariant = in.uleb128();
        if (authenticatorVariant != ED25519_AUTHENTICATOR) {
            throw new BcsReader.BcsException("authenticator variant " + authenticatorVariant
                    + " is not supported by the sandbox node; it accepts single Ed25519 (variant 0)");
        }
        byte[] publicKey = in.byteVector();
        if (publicKey.length != 32) {
            throw new BcsReader.BcsException("an Ed25519 public key is 32 bytes, got " + publicKey.length);
        }
        byte[] signature = in.byteVector();
        if (signature.length != 64) {
            throw new BcsReader.BcsException("an Ed25519 signature is 64 bytes, got " + signature.length);
        }
        in.requireEnd("the signed transaction");
        return new SignedTransaction(sender, sequenceNumber, payload, payloadBytes, maxGasAmount, gasUnitPrice, expirationSecs,
                chainId, publicKey, signature, in.slice(0, rawEnd), body.clone(),
                Hex.of(Crypto.transactionHash(body)));
    }

    private static EntryFunction readEntryFunction(BcsReader in) {
        String moduleAddress = Hex.longAddress(in.address());
        String moduleName = in.string();
        String function = in.string();
        int typeArgumentCount = in.uleb128();
        List<MoveType> typeArguments = new ArrayList<>(Math.min(typeArgumentCount, 16));
        for (int i = 0; i < typeArgumentCount; i++) {
            typeArguments.add(MoveType.readTag(in));
        }
        int argumentCount = in.uleb128();
        List<byte[]> arguments = new ArrayList<>(Math.min(argumentCount, 64));
        for (int i = 0; i < argumentCount; i++) {
            arguments.add(in.byteVector());
        }
        return new EntryFunction(moduleAddress, moduleName, function, typeArguments, arguments);
    }

    /** True when the signature is a valid Ed25519 signature by the included public key. */
    boolean signatureValid() {
        return Crypto.verifyTransaction(publicKey, signature, rawBytes);
    }

    /** The authentication key derived from the included public key, long-form hex. */
    String authenticationKey() {
        return Hex.of(Crypto.authenticationKey(publicKey));
    }
}
