package io.kana.sandbox.chain;

import java.util.ArrayList;
import java.util.List;

/** Builds signed entry-function transactions for tests, with every field open to tampering. */
public final class TestTransaction {

    public static final String MODULE = "0x6a0b1f4c2d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";

    TestWallet wallet;
    String sender;
    long sequenceNumber;
    public String moduleAddress = MODULE;
    public String moduleName = "perpetual_scripts";
    public String function = "collapse_position";
    public List<byte[]> typeArguments = new ArrayList<>();
    List<byte[]> arguments = new ArrayList<>(List.of(TestBcs.u64Arg(1)));
    public long maxGasAmount = 200_000;
    public long gasUnitPrice = 100;
    long expirationSecs;
    public int chainId = 4;
    /** Replaces the public key in the authenticator when set. */
    byte[] publicKeyOverride;
    /** Signs with this wallet instead of the sender's. */
    public TestWallet signer;
    public boolean zeroSignature;

    public TestTransaction(TestWallet wallet, long sequenceNumber, long expirationSecs) {
        this.wallet = wallet;
        this.sender = wallet.address;
        this.sequenceNumber = sequenceNumber;
        this.expirationSecs = expirationSecs;
    }

    public TestTransaction function(String name, byte[]... args) {
        this.function = name;
        this.arguments = new ArrayList<>(List.of(args));
        return this;
    }

    byte[] raw() {
        TestBcs out = new TestBcs().address(sender).u64(sequenceNumber)
                .uleb(2).address(moduleAddress).string(moduleName).string(function)
                .uleb(typeArguments.size());
        typeArguments.forEach(out::raw);
        out.uleb(arguments.size());
        arguments.forEach(out::bytes);
        return out.u64(maxGasAmount).u64(gasUnitPrice).u64(expirationSecs).u8(chainId).toByteArray();
    }

    public byte[] signed() {
        byte[] raw = raw();
        byte[] message = new TestBcs().raw(Crypto.RAW_TRANSACTION_SALT).raw(raw).toByteArray();
        byte[] signature = zeroSignature ? new byte[64] : (signer != null ? signer : wallet).sign(message);
        byte[] publicKey = publicKeyOverride != null ? publicKeyOverride
                : (signer != null ? signer : wallet).publicKey;
        return new TestBcs().raw(raw).uleb(0).bytes(publicKey).bytes(signature).toByteArray();
    }

    /** The node's hash of {@link #signed()}, computed independently of the node. */
    public String hash() {
        return Hex.of(Crypto.transactionHash(signed()));
    }
}
