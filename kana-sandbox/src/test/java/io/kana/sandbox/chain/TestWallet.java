package io.kana.sandbox.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.SplittableRandom;

/** A test Ed25519 key pair, signing with the JDK; never a real key. */
public final class TestWallet {

    private final PrivateKey privateKey;
    final byte[] publicKey;
    public final String address;

    private TestWallet(byte[] seed) {
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.publicKey = Crypto.publicKeyFromSeed(seed);
        this.address = Hex.of(Crypto.authenticationKey(publicKey));
    }

    static TestWallet fromSeed(byte[] seed) {
        return new TestWallet(seed);
    }

    /** A wallet whose key comes from a seeded generator, the same on every run. */
    public static TestWallet seeded(long seed) {
        byte[] bytes = new byte[32];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new TestWallet(bytes);
    }

    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "TestWallet[" + address + "]";
    }
}
