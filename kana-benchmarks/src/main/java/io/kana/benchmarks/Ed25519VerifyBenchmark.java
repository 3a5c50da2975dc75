package io.kana.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking one transaction's signature costs the sandbox node, which verifies with the JDK's
 * Ed25519 (as {@code io.kana.sandbox.chain.Crypto} does: a new {@link Signature} and public key per call),
 * next to Bouncy Castle's verification and signature of the same message. In the end-to-end runs the
 * node's check is the largest single cost, so it bounds what {@link EndToEndBenchmark} can show.
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar Ed25519VerifyBenchmark -f1 -wi 2 -i 3 -w 1 -r 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class Ed25519VerifyBenchmark {

    private static final String SEED = "9bf49a6a0755f953811fce125f2683d50429c3bb49e074147e0089a52eae155f";
    /** SubjectPublicKeyInfo for id-Ed25519 (RFC 8410), up to the 32 key bytes. */
    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private byte[] message;
    private byte[] publicKey;
    private byte[] signature;
    private Ed25519Signer bouncyCastleSigner;
    private Ed25519Signer bouncyCastleVerifier;
    private PublicKey jdkKey;

    @Setup
    public void setUp() throws GeneralSecurityException {
        // About the size of a place_limit_order signing message (prefix hash + raw transaction).
        message = new byte[32 + 180];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i * 31 + 7);
        }
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(SEED), 0);
        publicKey = key.generatePublicKey().getEncoded();
        bouncyCastleSigner = new Ed25519Signer();
        bouncyCastleSigner.init(true, key);
        signature = bouncyCastleSign();
        bouncyCastleVerifier = new Ed25519Signer();
        bouncyCastleVerifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        jdkKey = jdkPublicKey(publicKey);
        if (!jdkVerifyAsTheSandbox() || !bouncyCastleVerify()) {
            throw new IllegalStateException("the signature does not verify");
        }
    }

    /** As the sandbox node checks a submission: provider lookups, key decoding and verification. */
    @Benchmark
    public boolean jdkVerifyAsTheSandbox() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkPublicKey(publicKey));
        verifier.update(message);
        return verifier.verify(signature);
    }

    /** The JDK's verification alone, key decoded once: what caching keys would leave. */
    @Benchmark
    public boolean jdkVerifyCachedKey() throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jdkKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Benchmark
    public boolean bouncyCastleVerify() {
        bouncyCastleVerifier.update(message, 0, message.length);
        return bouncyCastleVerifier.verifySignature(signature);
    }

    /** The client's side of the same message, for scale. */
    @Benchmark
    public byte[] bouncyCastleSign() {
        bouncyCastleSigner.update(message, 0, message.length);
        return bouncyCastleSigner.generateSignature();
    }

    /** The raw 32-byte key as a JDK key, through its X.509 form (the sandbox builds it from the curve point). */
    private static PublicKey jdkPublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_ED25519_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
