package io.kana.benchmarks;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.node.AptosNodeClient;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.client.KanaClient;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.Direction;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the library adds to an order over the sandbox's own handling, one order at a time:
 * {@code rawRoundTrips} is the bare floor (GET the payload, POST a transaction signed in advance, both
 * with a plain OkHttp call); {@code placeLimitOrder} is the same two requests made by {@link KanaTrader}
 * with validation, payload decoding and checking, ABI encoding, Ed25519 signing and numbering. The
 * difference is the library's cost per order.
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar LibraryOverheadBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LibraryOverheadBenchmark {

    private static final MediaType SIGNED_TRANSACTION = MediaType.get("application/x.aptos.signed_transaction+bcs");
    /** Enough pre-signed transactions for one iteration at well over 3,000 orders per second. */
    private static final int PRESIGNED_PER_ITERATION = 15_000;
    private static final BigDecimal SIZE = new BigDecimal("0.5");
    private static final BigDecimal PRICE = new BigDecimal("2.5");

    private KanaSandbox sandbox;
    private KanaClient client;
    private KanaTrader trader;
    private OkHttpClient http;
    private String payloadUrl;
    private String submitUrl;

    private KanaClient rawAccount;
    private Ed25519WalletSigner rawWallet;
    private ModuleAbi abi;
    private EntryFunctionPayload payload;
    private long gasUnitPrice;
    private long nextSequenceNumber;
    private byte[][] presigned;
    private int used;

    @Setup(Level.Trial)
    public void start() {
        sandbox = Sandboxes.start();
        client = KanaClient.builder(Sandboxes.config(sandbox)).wallet(Sandboxes.wallet("overhead: library")).build();
        Sandboxes.fundAndDeposit(sandbox, client);
        trader = client.trader().withExecution(Execution.SUBMIT_ONLY);

        rawWallet = Sandboxes.wallet("overhead: raw");
        rawAccount = KanaClient.builder(Sandboxes.config(sandbox)).wallet(rawWallet).build();
        Sandboxes.fundAndDeposit(sandbox, rawAccount);
        AptosNodeClient node = rawAccount.node();
        AccountAddress module = AccountAddress.parse(sandbox.moduleAddress());
        abi = node.moduleAbi(module, "perpetual_scripts");
        gasUnitPrice = node.estimateGasPrice().gasEstimate();
        nextSequenceNumber = node.account(rawWallet.address()).sequenceNumber().longValueExact();
        payload = rawAccount.payloads().placeLimitOrder(
                LimitOrderRequest.of(EndToEndBenchmark.APT, Side.LONG, Direction.OPEN, SIZE, PRICE, 20));

        http = new OkHttpClient();
        payloadUrl = sandbox.apiUrl() + "placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=0.5"
                + "&price=2.5&leverage=20&restriction=0&takeProfit=0&stopLoss=0";
        submitUrl = sandbox.nodeUrl() + "/transactions";
    }

    /** Signs this iteration's raw transactions ahead of time, so {@code rawRoundTrips} measures HTTP only. */
    @Setup(Level.Iteration)
    public void presign() {
        TransactionFactory factory = new TransactionFactory();
        long expiration = Instant.now().getEpochSecond() + 600;
        presigned = new byte[PRESIGNED_PER_ITERATION][];
        for (int i = 0; i < presigned.length; i++) {
            TransactionParameters parameters = new TransactionParameters(rawWallet.address(), nextSequenceNumber + i,
                    200_000, gasUnitPrice, expiration, sandbox.chainId());
            presigned[i] = factory.sign(payload, abi, parameters, rawWallet).bytes();
        }
        used = 0;
    }

    @TearDown(Level.Iteration)
    public void advance() {
        nextSequenceNumber += used;
    }

    @Benchmark
    public int rawRoundTrips() throws IOException {
        if (used == presigned.length) {
            throw new IllegalStateException("raise PRESIGNED_PER_ITERATION: " + used + " orders in one iteration");
        }
        int length;
        try (Response response = http.newCall(new Request.Builder().url(payloadUrl).build()).execute()) {
            length = response.body().string().length();
        }
        Request submit = new Request.Builder().url(submitUrl)
                .post(RequestBody.create(presigned[used++], SIGNED_TRANSACTION)).build();
        try (Response response = http.newCall(submit).execute()) {
            if (response.code() != 202) {
                throw new IllegalStateException("submit answered " + response.code() + ": " + response.body().string());
            }
            return length + response.body().string().length();
        }
    }

    @Benchmark
    public Object placeLimitOrder() {
        return KanaTrader.join(trader.placeLimitOrder(
                LimitOrderRequest.of(EndToEndBenchmark.APT, Side.LONG, Direction.OPEN, SIZE, PRICE, 20)));
    }

    @TearDown(Level.Trial)
    public void stop() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        client.close();
        rawAccount.close();
        sandbox.close();
    }
}
