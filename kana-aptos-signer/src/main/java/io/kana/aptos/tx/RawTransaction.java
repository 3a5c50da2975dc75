package io.kana.aptos.tx;

import io.kana.aptos.bcs.BcsWriter;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.error.SignerException;
import io.kana.core.port.WalletSigner;
import java.util.Objects;

/**
 * An unsigned Aptos transaction: sender, sequence number, entry-function payload, gas, expiration and
 * chain id, BCS-encoded in that order.
 *
 * @param parameters everything but the payload
 * @param payload    the entry function to call
 */
public record RawTransaction(TransactionParameters parameters, EntryFunction payload) {

    /** {@code sha3_256("APTOS::RawTransaction")}, the prefix of every single-signer signing message. */
    static final byte[] SIGNING_SALT = Sha3.salt("APTOS::RawTransaction");

    private static final int SIGNATURE_LENGTH = 64;
    private static final int PUBLIC_KEY_LENGTH = 32;

    public RawTransaction {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(payload, "payload");
    }

    /** The BCS bytes. */
    public byte[] bytes() {
        BcsWriter writer = new BcsWriter(256);
        encode(writer);
        return writer.toByteArray();
    }

    /** What Ed25519 signs: {@code sha3_256("APTOS::RawTransaction") || bcs(this)}. */
    public byte[] signingMessage() {
        return startSigningMessage().toByteArray();
    }

    public void encode(BcsWriter writer) {
        writer.address(parameters.sender());
        writer.u64(parameters.sequenceNumber());
        payload.encodeAsPayload(writer);
        writer.u64(parameters.maxGasAmount());
        writer.u64(parameters.gasUnitPrice());
        writer.u64(parameters.expirationTimestampSecs());
        writer.u8(parameters.chainId());
    }

    /**
     * Signs with {@code signer} (Ed25519) and returns the transaction ready to submit.
     *
     * @throws SignerException when the signer fails or gives a key or signature of the wrong length
     */
    public SignedTransaction sign(WalletSigner signer) {
        BcsWriter writer = startSigningMessage();
        byte[] signature;
        byte[] publicKey;
        try {
            signature = signer.sign(writer.toByteArray());
            publicKey = signer.publicKey();
        } catch (SignerException e) {
            throw e;
        } catch (RuntimeException e) {
            // A custody's own message may say why (an HSM offline); implementations never quote key material.
            throw new SignerException("the wallet's signer failed: " + e.getClass().getSimpleName() + ": "
                    + SafeText.snippet(String.valueOf(e.getMessage())), e);
        }
        return finish(writer, signerOutput(publicKey, PUBLIC_KEY_LENGTH, "public key"),
                signerOutput(signature, SIGNATURE_LENGTH, "signature"), false);
    }

    /**
     * The form {@code POST /transactions/simulate} requires: signed with 64 zero bytes, since the node
     * refuses to simulate a validly signed transaction.
     *
     * @param publicKey the sender's 32-byte Ed25519 public key
     */
    public SignedTransaction forSimulation(byte[] publicKey) {
        return finish(startSigningMessage(), requireLength(publicKey, PUBLIC_KEY_LENGTH, "public key").clone(),
                new byte[SIGNATURE_LENGTH], true);
    }

    private BcsWriter startSigningMessage() {
        BcsWriter writer = new BcsWriter(512);
        writer.fixedBytes(SIGNING_SALT);
        encode(writer);
        return writer;
    }

    private SignedTransaction finish(BcsWriter signingMessage, byte[] publicKey, byte[] signature, boolean simulation) {
        int rawLength = signingMessage.size() - SIGNING_SALT.length;
        Ed25519Authenticator.write(signingMessage, publicKey, signature);
        byte[] signed = signingMessage.toByteArray(SIGNING_SALT.length, signingMessage.size() - SIGNING_SALT.length);
        return new SignedTransaction(this, signed, rawLength, simulation);
    }

    private static byte[] signerOutput(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new SignerException("an Ed25519 " + what + " has " + length + " bytes, the signer gave "
                    + (bytes == null ? "null" : bytes.length), null);
        }
        return bytes;
    }

    private static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new InvalidRequestException(what.replace(" ", ""), "an Ed25519 " + what + " has " + length
                    + " bytes, the signer gave " + (bytes == null ? "null" : bytes.length));
        }
        return bytes;
    }
}
