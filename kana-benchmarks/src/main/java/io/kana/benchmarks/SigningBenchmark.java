package io.kana.benchmarks;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.contract.KanaContract;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
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
 * The cost of turning a trade-API payload into signed transaction bytes, next to the cost of the
 * bare Ed25519 signature of the same message (the floor: everything else should add little).
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar SigningBenchmark -f1 -wi 3 -i 5 -w 1 -r 2 -tu us -bm avgt</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {

    /** Mainnet's module, as the contract file names it. */
    private static final String MODULE_ID = KanaContract.standard().moduleId("mainnet").orElseThrow();
    private static final String MODULE = MODULE_ID.substring(0, MODULE_ID.indexOf("::"));
    private static final String SEED = "9bf49a6a0755f953811fce125f2683d50429c3bb49e074147e0089a52eae155f";

    private TransactionFactory factory;
    private ModuleAbi abi;
    private EntryFunctionPayload placeLimitOrder;
    private TransactionParameters parameters;
    private Ed25519WalletSigner signer;

    private WalletSigner fixedSignature;
    private Ed25519Signer bouncyCastle;
    private byte[] signingMessage;

    @Setup
    public void setUp() {
        abi = perpetualScriptsAbi();
        // Exactly as the trade API returns it: every argument a string.
        placeLimitOrder = new EntryFunctionPayload(MODULE_ID + "::place_limit_order", List.of(),
                List.of("1338", "true", "false", "250000000", "65000000000", "20", "0", "0", "0"));
        signer = Ed25519WalletSigner.fromText("ed25519-priv-0x" + SEED);
        parameters = new TransactionParameters(signer.address(), 42, 20_000, 100, 1_767_225_600L, 1);
        factory = new TransactionFactory();

        SignedTransaction reference = factory.sign(placeLimitOrder, abi, parameters, signer);
        signingMessage = reference.signingMessage();
        fixedSignature = new FixedSignatureSigner(signer.address(), signer.publicKey(), reference.signature());
        bouncyCastle = new Ed25519Signer();
        bouncyCastle.init(true, new Ed25519PrivateKeyParameters(HexFormat.of().parseHex(SEED), 0));
    }

    /** Payload (strings) + cached ABI -> BCS arguments -> raw transaction -> Ed25519 -> signed bytes and hash. */
    @Benchmark
    public byte[] payloadToSignedBytes() {
        return factory.sign(placeLimitOrder, abi, parameters, signer).bytes();
    }

    /** {@link #payloadToSignedBytes()} minus the Ed25519 math: what the SDK adds on top of the signature. */
    @Benchmark
    public byte[] payloadToSignedBytesWithoutEd25519() {
        return factory.sign(placeLimitOrder, abi, parameters, fixedSignature).bytes();
    }

    /** Bouncy Castle's Ed25519 signature of the same signing message, nothing else. */
    @Benchmark
    public byte[] bouncyCastleEd25519Only() {
        bouncyCastle.update(signingMessage, 0, signingMessage.length);
        return bouncyCastle.generateSignature();
    }

    /** Returns a precomputed signature, so a benchmark measures everything but the signing itself. */
    private record FixedSignatureSigner(AccountAddress address, byte[] key, byte[] signature) implements WalletSigner {
        @Override
        public byte[] publicKey() {
            return key.clone();
        }

        @Override
        public byte[] sign(byte[] message) {
            return signature.clone();
        }
    }

    /** The perpetual_scripts entry functions (after the leading {@code &signer}), as docs/wire-contract.md lists them. */
    static ModuleAbi perpetualScriptsAbi() {
        List<String> place = List.of("u64", "vector<bool>", "vector<bool>", "vector<bool>", "vector<u64>",
                "vector<u64>", "vector<u64>", "vector<u8>", "vector<u64>", "vector<u64>");
        return new ModuleAbi(AccountAddress.parse(MODULE), MODULE_ID.substring(MODULE.length() + 2), List.of(
                entry("deposit", "address", "u64"),
                entry("withdraw_specific_market", "u64", "u64"),
                entry("place_limit_order", "u64", "bool", "bool", "u64", "u64", "u64", "u8", "u64", "u64"),
                entry("place_market_order", "u64", "bool", "bool", "u64", "u64", "u64", "u64"),
                new FunctionAbi("place_multiple_orders", true, 0, prepend(place)),
                entry("cancel_multiple_orders", "u64", "vector<u128>", "vector<bool>"),
                entry("update_take_profit", "u64", "bool", "u64"),
                entry("update_stop_loss", "u64", "bool", "u64"),
                entry("add_margin", "u64", "bool", "u64"),
                entry("collapse_position", "u64"),
                entry("settle_pnl", "address", "u64")));
    }

    private static FunctionAbi entry(String name, String... params) {
        return new FunctionAbi(name, true, 0, prepend(List.of(params)));
    }

    private static List<String> prepend(List<String> params) {
        List<String> all = new java.util.ArrayList<>(params.size() + 1);
        all.add("&signer");
        all.addAll(params);
        return all;
    }
}
