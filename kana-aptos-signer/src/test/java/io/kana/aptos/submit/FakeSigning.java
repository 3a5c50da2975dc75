package io.kana.aptos.submit;

import io.kana.aptos.tx.TransactionParameters;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.error.KanaException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Stands in for the transaction builder: the "bytes" are readable text holding every header field and
 * the order's first argument, the hash is their SHA-256. Records every header it signed, in call order.
 */
final class FakeSigning implements TransactionSigning {

    private final List<TransactionParameters> signed = new ArrayList<>();
    private final List<TransactionParameters> simulated = new ArrayList<>();
    private volatile Predicate<EntryFunctionPayload> refuse = payload -> false;
    private volatile RuntimeException refusal;

    @Override
    public SignedBytes sign(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, WalletSigner wallet) {
        if (refuse.test(payload)) {
            throw refusal;
        }
        synchronized (signed) {
            signed.add(header);
        }
        byte[] bytes = encode("signed", payload, header, wallet.sign(new byte[] {1}));
        return new SignedBytes(bytes, hash(bytes));
    }

    @Override
    public byte[] simulation(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, byte[] publicKey) {
        synchronized (simulated) {
            simulated.add(header);
        }
        return encode("simulation", payload, header, publicKey);
    }

    void refuse(Predicate<EntryFunctionPayload> which, RuntimeException error) {
        refusal = error;
        refuse = which;
    }

    List<TransactionParameters> signed() {
        synchronized (signed) {
            return List.copyOf(signed);
        }
    }

    List<Long> signedNumbers() {
        return signed().stream().map(TransactionParameters::sequenceNumber).toList();
    }

    List<TransactionParameters> simulated() {
        synchronized (simulated) {
            return List.copyOf(simulated);
        }
    }

    static String hash(byte[] bytes) {
        try {
            return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The sequence number inside fake bytes. */
    static long numberOf(byte[] bytes) {
        return Long.parseLong(field(bytes, "seq"));
    }

    /** The expiration inside fake bytes. */
    static long expiryOf(byte[] bytes) {
        return Long.parseLong(field(bytes, "exp"));
    }

    /** The order's first argument (its id in these tests) inside fake bytes. */
    static String orderOf(byte[] bytes) {
        return field(bytes, "order");
    }

    private static String field(byte[] bytes, String name) {
        for (String part : new String(bytes, StandardCharsets.UTF_8).split(";")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in fake transaction");
    }

    private static byte[] encode(String kind, EntryFunctionPayload payload, TransactionParameters header, byte[] proof) {
        String text = kind + ";fn=" + payload.function() + ";order=" + payload.functionArguments().get(0)
                + ";sender=" + header.sender() + ";seq=" + header.sequenceNumber() + ";maxGas=" + header.maxGasAmount()
                + ";price=" + header.gasUnitPrice() + ";exp=" + header.expirationTimestampSecs()
                + ";chain=" + header.chainId() + ";proof=" + HexFormat.of().formatHex(proof);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
