package io.kana.aptos.node;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * Client of an Aptos node's REST API (NODE_URL, ending in {@code /v1}): chain and account state,
 * gas prices, module ABIs, submitting and simulating signed transactions, and waiting for them.
 *
 * <p>Thread-safe; create one per node and share it. The {@code ...Async} methods never block a
 * thread per call (OkHttp's dispatcher does the I/O); their futures complete on OkHttp or timer
 * threads, exceptionally with a {@link KanaException}, so do heavy work in {@code ...Async} stages
 * on your own executor. The blocking methods throw the same exceptions.
 *
 * <p>Reads are retried per {@link RetryPolicy}. Submissions are never retried here: when their
 * answer is lost the transaction may have been accepted, which {@link #submit(SignedTransaction)} reports as
 * {@link TransactionOutcomeUnknownException} carrying the hash to look up.
 */
public final class AptosNodeClient implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long DEFAULT_MAX_RESPONSE_BYTES = 4L << 20;
    /** Reads change nothing: one more attempt than the trade API's default, since every order waits on the node. */
    private static final RetryPolicy DEFAULT_RETRIES = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));

    private final HttpUrl nodeUrl;
    private final NodeApi api;
    private final NodeCalls calls;
    private final NodeWrites writes;
    private final TransactionAwaiter awaiter;
    private final OkHttpClient ownedHttpClient;
    private final boolean hasApiKey;

    private AptosNodeClient(Builder builder, HttpUrl nodeUrl) {
        this.nodeUrl = nodeUrl;
        this.hasApiKey = builder.apiKey != null;
        this.ownedHttpClient = builder.httpClient == null ? NodeHttpSetup.defaultHttpClient() : null;
        OkHttpClient http = NodeHttpSetup.forNode(builder.httpClient != null ? builder.httpClient : ownedHttpClient,
                builder.httpClient != null, nodeUrl, builder.timeouts, builder.apiKey);
        this.api = new Retrofit.Builder()
                .baseUrl(nodeUrl.newBuilder().addPathSegment("").build())
                .client(http)
                .build()
                .create(NodeApi.class);
        this.calls = new NodeCalls(builder.retryPolicy, builder.delayer, builder.maxResponseBytes);
        this.writes = new NodeWrites(api, calls);
        this.awaiter = new TransactionAwaiter(api, calls, builder.delayer, builder.initialPoll, builder.maxPoll);
    }

    /** Starts a client for {@code nodeUrl}, e.g. {@code https://api.testnet.aptoslabs.com/v1}. */
    public static Builder builder(String nodeUrl) {
        return new Builder(nodeUrl);
    }

    /** Chain id, latest ledger version and chain time ({@code GET /v1}). */
    public LedgerInfo ledgerInfo() {
        return join(calls.read("ledgerInfo", () -> api.ledgerInfo(nodeUrl), NodeJson::ledgerInfo), "ledgerInfo");
    }

    /**
     * Sequence number and authentication key of {@code address}.
     *
     * @throws AptosNodeException with {@link AptosErrorCode#ACCOUNT_NOT_FOUND} when the account does
     *                            not exist on chain (it has never received funds)
     */
    public AccountInfo account(AccountAddress address) {
        return join(accountAsync(address), "account");
    }

    /** {@link #account(AccountAddress)} without blocking. */
    public CompletableFuture<AccountInfo> accountAsync(AccountAddress address) {
        Objects.requireNonNull(address, "address");
        return NodeCalls.then(calls.read("account", () -> api.account(address.hex())),
                response -> NodeCalls.decoded("account", response, NodeJson::account)
                        .thenApply(account -> account.at(response.ledgerTimestampMicros())));
    }

    /** Gas unit price estimates ({@code GET /v1/estimate_gas_price}). */
    public GasPriceEstimate estimateGasPrice() {
        return join(calls.read("estimateGasPrice", api::estimateGasPrice, NodeJson::gasPrice), "estimateGasPrice");
    }

    /**
     * The ABI of module {@code moduleName} published at {@code address}.
     *
     * @throws AptosNodeException with {@link AptosErrorCode#MODULE_NOT_FOUND} when there is no such module
     */
    public ModuleAbi moduleAbi(AccountAddress address, String moduleName) {
        Objects.requireNonNull(address, "address");
        if (moduleName == null || !IDENTIFIER.matcher(moduleName).matches()) {
            throw new InvalidRequestException("moduleName", "a Move module name is an identifier such as"
                    + " perpetual_scripts (letters, digits, _), got " + (moduleName == null ? "null" : "'" + moduleName + "'"));
        }
        return join(calls.read("moduleAbi", () -> api.module(address.hex(), moduleName), NodeJson::module),
                "moduleAbi");
    }

    /**
     * Submits a transaction signed by this SDK, once. Completes when the node accepted exactly this transaction
     * into mempool (HTTP 202 naming its {@link SignedTransaction#hash()}, sender and sequence number), or
     * exceptionally with
     * <ul>
     *   <li>{@link TransactionRejectedException}: refused and not executed (4xx such as
     *       {@code sequence_number_too_old}, {@code invalid_transaction_update}, {@code vm_error}
     *       with a {@link VmStatusCode}, {@code invalid_input}; or 507 {@code mempool_is_full});</li>
     *   <li>{@link TransactionOutcomeUnknownException}: the answer was lost (I/O error, timeout,
     *       408, 429, 5xx) or named another transaction, so the node may have accepted it. Look the hash up,
     *       or resubmit the identical bytes; never re-sign the order under a new sequence number.</li>
     *   <li>{@link InvalidRequestException}, before sending: a {@link SignedTransaction#isSimulation() simulation}.</li>
     * </ul>
     */
    public CompletableFuture<SubmittedTransaction> submitAsync(SignedTransaction signed) {
        return writes.submit(signed);
    }

    /** {@link #submitAsync(SignedTransaction)}, blocking. */
    public SubmittedTransaction submit(SignedTransaction signed) {
        return join(submitAsync(signed), e -> NodeWrites.lostAnswer(signed.hash(),
                "interrupted while waiting for the node's answer", e));
    }

    /**
     * {@link #submitAsync(SignedTransaction)} for BCS signed-transaction bytes from elsewhere: their hash is
     * computed and their sender and sequence number read from them to check the node's answer.
     */
    public CompletableFuture<SubmittedTransaction> submitAsync(byte[] signedTransaction) {
        return writes.submit(signedTransaction);
    }

    /** {@link #submitAsync(byte[])}, blocking. */
    public SubmittedTransaction submit(byte[] signedTransaction) {
        return join(submitAsync(signedTransaction), e -> NodeWrites.lostAnswer(TransactionHashes.of(signedTransaction),
                "interrupted while waiting for the node's answer", e));
    }

    /**
     * Executes a signed transaction without committing it. Its signature must be invalid (64 zero
     * bytes), or the node refuses it with {@code invalid_input}. Simulation has no effect, so it is
     * retried like a read.
     *
     * @return the would-be outcome; on a Move abort {@code success} is false and
     *         {@link TransactionOutcome#moveAbort()} says why
     * @throws TransactionRejectedException when the node refuses the transaction (4xx)
     */
    public TransactionOutcome simulate(byte[] signedTransaction) {
        return join(writes.simulate(signedTransaction), NodeWrites.SIMULATE);
    }

    /** What the node knows about {@code hash}: not found, pending or committed (successfully or not). */
    public TransactionStatus transactionByHash(String hash) {
        return join(transactionByHashAsync(hash), TransactionAwaiter.BY_HASH);
    }

    /** {@link #transactionByHash(String)} without blocking. */
    public CompletableFuture<TransactionStatus> transactionByHashAsync(String hash) {
        String normalized;
        try {
            normalized = TransactionHashes.normalize(hash);
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return lookup(TransactionAwaiter.BY_HASH, normalized,
                calls.read(TransactionAwaiter.BY_HASH, () -> api.byHash(normalized)));
    }

    /**
     * One server-side long poll ({@code wait_by_hash}): the node answers once the transaction
     * commits or after its own wait limit (1 s by default), so the answer may still be pending.
     */
    public TransactionStatus waitTransactionByHash(String hash) {
        String normalized = TransactionHashes.normalize(hash);
        return join(lookup(TransactionAwaiter.WAIT_BY_HASH, normalized,
                calls.read(TransactionAwaiter.WAIT_BY_HASH, () -> api.waitByHash(normalized))),
                TransactionAwaiter.WAIT_BY_HASH);
    }

    /**
     * Waits until {@code hash} commits or {@code timeout} passes. Use it when only the hash is
     * known (e.g. after a lost submit answer); prefer {@link #awaitTransaction(SubmittedTransaction,
     * Duration)}, which can also prove expiry.
     *
     * @return the outcome of a successful transaction
     * @throws io.kana.core.error.TransactionFailedException when it committed but failed (e.g. a
     *         Move abort, parsed into {@link TransactionOutcome#moveAbort()})
     * @throws TransactionOutcomeUnknownException when it did not commit in time, or the node could
     *         not tell; it may still commit until it expires
     */
    public TransactionOutcome awaitTransaction(String hash, Duration timeout) {
        return join(awaitTransactionAsync(hash, timeout), e -> new TransactionOutcomeUnknownException(
                String.valueOf(hash), "interrupted while waiting", e));
    }

    /** {@link #awaitTransaction(String, Duration)} without blocking; cancel the future to stop waiting. */
    public CompletableFuture<TransactionOutcome> awaitTransactionAsync(String hash, Duration timeout) {
        return await(hash, -1, timeout, false);
    }

    /**
     * Waits until {@code transaction} commits or {@code timeout} passes, like
     * {@link #awaitTransaction(String, Duration)}. In addition, once the node's chain time
     * ({@code X-Aptos-Ledger-TimestampUsec}) reaches the transaction's expiration while the node
     * does not know it, the wait ends with {@link TransactionRejectedException} (HTTP 404,
     * {@code transaction_not_found}, {@link VmStatusCode#TRANSACTION_EXPIRED}): it was definitely
     * not executed, so it is safe to sign the order again.
     */
    public TransactionOutcome awaitTransaction(SubmittedTransaction transaction, Duration timeout) {
        Objects.requireNonNull(transaction, "transaction");
        return join(awaitTransactionAsync(transaction, timeout), e -> new TransactionOutcomeUnknownException(
                transaction.hash(), "interrupted while waiting", e));
    }

    /** {@link #awaitTransaction(SubmittedTransaction, Duration)} without blocking; cancel the future to stop waiting. */
    public CompletableFuture<TransactionOutcome> awaitTransactionAsync(SubmittedTransaction transaction,
            Duration timeout) {
        Objects.requireNonNull(transaction, "transaction");
        return await(transaction.hash(), transaction.expirationTimestampSecs(), timeout, false);
    }

    /**
     * {@link #awaitTransactionAsync(SubmittedTransaction, Duration)}, except that a transaction that committed
     * and failed completes normally with its outcome ({@code success} false, its Move abort parsed), for a
     * caller that treats every commit alike and decides itself what a failed one means.
     */
    public CompletableFuture<TransactionOutcome> awaitCommitAsync(SubmittedTransaction transaction, Duration timeout) {
        Objects.requireNonNull(transaction, "transaction");
        return await(transaction.hash(), transaction.expirationTimestampSecs(), timeout, true);
    }

    private CompletableFuture<TransactionOutcome> await(String hash, long expirationTimestampSecs, Duration timeout,
            boolean failedCommitIsOutcome) {
        String normalized;
        try {
            normalized = TransactionHashes.normalize(hash);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidRequestException("timeout", "the wait timeout must be positive, got " + timeout);
            }
        } catch (InvalidRequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return awaiter.await(normalized, expirationTimestampSecs, timeout, failedCommitIsOutcome);
    }

    /** Releases the connection pool and threads of the HTTP client this client created itself. */
    @Override
    public void close() {
        if (ownedHttpClient != null) {
            ownedHttpClient.dispatcher().executorService().shutdown();
            ownedHttpClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "AptosNodeClient[" + NodeHttpSetup.withoutCredentials(nodeUrl) + (hasApiKey ? ", apiKey=<redacted>" : "") + "]";
    }

    /** A by_hash or wait_by_hash answer; 404 is an answer here ("not found"), not an error. */
    private static CompletableFuture<TransactionStatus> lookup(String endpoint, String hash,
            CompletableFuture<NodeResponse> read) {
        return NodeCalls.then(read, response -> response.status() == 404
                ? CompletableFuture.completedFuture(TransactionStatus.notFound(hash))
                : NodeCalls.decoded(endpoint, response, NodeJson::transaction));
    }

    private static <T> T join(CompletableFuture<T> future, String endpoint) {
        return join(future, e -> new KanaTransportException(endpoint, "interrupted", e));
    }

    private static <T> T join(CompletableFuture<T> future, Function<InterruptedException, KanaException> onInterrupt) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw onInterrupt.apply(e);
        } catch (ExecutionException e) {
            Throwable cause = NodeCalls.unwrap(e.getCause());
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new KanaTransportException("node", "unexpected failure: " + cause, cause);
        }
    }

    /** Settings of an {@link AptosNodeClient}; only the node URL is required. */
    public static final class Builder {

        private final String nodeUrl;
        private OkHttpClient httpClient;
        private HttpTimeouts timeouts;
        private RetryPolicy retryPolicy = DEFAULT_RETRIES;
        private Duration initialPoll = Duration.ofMillis(200);
        private Duration maxPoll = Duration.ofSeconds(2);
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean allowCleartext;
        private String apiKey;
        private Delayer delayer = Delayer.SHARED_TIMER;

        private Builder(String nodeUrl) {
            this.nodeUrl = nodeUrl;
        }

        /**
         * The OkHttp client to share (its connection pool and dispatcher). By default the client
         * creates its own, allowing 128 concurrent calls, and releases it on {@link #close()}.
         * Its interceptors must not retry requests: submissions must reach the node at most once.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * How long one HTTP call may wait; default {@link HttpTimeouts#DEFAULT} with a 10 s call timeout, or the
         * shared client's own (with a 10 s call timeout when it has none). Keep the read and call timeouts above
         * the node's 1 s {@code wait_by_hash} long poll.
         */
        public Builder timeouts(HttpTimeouts value) {
            this.timeouts = Objects.requireNonNull(value, "timeouts");
            return this;
        }

        /** The longest answer read, in bytes; a longer one fails the call with a typed error. Default 4 MiB. */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1024) {
                throw new InvalidRequestException("maxResponseBytes", "maxResponseBytes must be at least 1024, got " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Allows {@code http://} to a host other than this machine; by default only {@code https://} or a
         * loopback address are accepted, since transactions and the API key would cross the network in clear.
         */
        public Builder allowCleartext(boolean allow) {
            this.allowCleartext = allow;
            return this;
        }

        /**
         * How reads are retried; default 4 attempts, 200 ms base delay, 5 s maximum. A {@code Retry-After}
         * longer than the maximum delay fails the read at once.
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The by_hash polling interval while waiting: starts at {@code initial}, grows 1.5x up to {@code max}; default 200 ms to 2 s. */
        public Builder pollInterval(Duration initial, Duration max) {
            positive(initial, "initial poll interval");
            if (max == null || max.compareTo(initial) < 0) {
                throw new InvalidRequestException("pollInterval", "the maximum poll interval must be at least the"
                        + " initial " + initial + ", got " + max);
            }
            this.initialPoll = initial;
            this.maxPoll = max;
            return this;
        }

        /**
         * An Aptos Labs API key, sent as {@code Authorization: Bearer <key>} to raise rate limits.
         * It never appears in {@code toString}, logs or exception messages.
         */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank() || !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new InvalidRequestException("apiKey",
                        "an API key is a non-empty string of visible ASCII characters without spaces");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** For tests: how retry and poll delays are scheduled. */
        Builder delayer(Delayer delayer) {
            this.delayer = Objects.requireNonNull(delayer, "delayer");
            return this;
        }

        public AptosNodeClient build() {
            return new AptosNodeClient(this, NodeHttpSetup.nodeUrl(nodeUrl, allowCleartext));
        }

        @Override
        public String toString() {
            return "AptosNodeClient.Builder[" + NodeHttpSetup.redacted(nodeUrl) + (apiKey == null ? "" : ", apiKey=<redacted>") + "]";
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new InvalidRequestException(name, name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
