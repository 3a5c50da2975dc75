package io.kana.http;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import static io.kana.http.QueryValues.bool;
import static io.kana.http.QueryValues.marketId;
import static io.kana.http.QueryValues.positive;
import static io.kana.http.QueryValues.required;
import static io.kana.http.QueryValues.side;
import static io.kana.http.QueryValues.wallet;
import static io.kana.http.QueryValues.zeroOrPositive;

import io.kana.core.trading.TradeListener;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.SafeText;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.Side;
import io.kana.core.port.TransactionPayloads;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * The Kana trade API over HTTP: every read endpoint and every payload endpoint, as the kana-core ports.
 *
 * <pre>{@code
 * KanaHttpApi api = KanaHttpApi.builder(KanaHttpApi.TESTNET).apiKey(key).build();
 * Market apt = api.market(MarketId.of(1338));
 * }</pre>
 *
 * <p>Thread-safe and meant to be shared: build one per base URL and reuse it. Input is checked before
 * anything is sent ({@link InvalidRequestException}). Failures surface as kana-core errors: the API's
 * refusal as {@link io.kana.core.error.KanaApiException}, no usable answer after the {@link RetryPolicy}
 * as {@link io.kana.core.error.KanaTransportException}, an unreadable answer as
 * {@link io.kana.core.error.KanaDecodingException}. The API key is sent as {@code x-api-key} and never
 * appears in a log line or an exception message.
 */
public final class KanaHttpApi extends ReadEndpoints implements TransactionPayloads, AutoCloseable {

    /** Kana's testnet trade API. */
    public static final URI TESTNET = URI.create("https://perps-tradeapi.kanalabs.io/");

    /** Kana's mainnet trade API. */
    public static final URI MAINNET = URI.create("https://perps-tradeapi.kana.trade/");

    private final HttpUrl baseUrl;
    private final boolean apiKeySet;
    private final OkHttpClient ownedClient;

    private KanaHttpApi(Builder builder) {
        this(builder, httpClient(builder));
    }

    private KanaHttpApi(Builder builder, OkHttpClient client) {
        super(new Retrofit.Builder().baseUrl(builder.baseUrl).client(client).validateEagerly(true).build()
                        .create(KanaTradeService.class),
                new ApiCaller(builder.baseUrl, builder.retryPolicy, builder.sleeper, builder.apiKey,
                        Duration.ofMillis(client.callTimeoutMillis()), builder.listener));
        this.baseUrl = builder.baseUrl;
        this.apiKeySet = builder.apiKey != null;
        this.ownedClient = builder.httpClient == null ? client : null;
    }

    /** The client of {@code builder}'s settings: its own, or a copy of the shared one with them applied. */
    private static OkHttpClient httpClient(Builder builder) {
        OkHttpClient.Builder http = builder.httpClient == null ? new OkHttpClient.Builder() : builder.httpClient.newBuilder();
        if (builder.httpClient == null || builder.timeouts != null) {
            HttpTimeouts timeouts = builder.timeouts != null ? builder.timeouts : HttpTimeouts.DEFAULT;
            http.connectTimeout(timeouts.connect()).readTimeout(timeouts.read()).writeTimeout(timeouts.read())
                    .callTimeout(timeouts.call());
        } else if (builder.httpClient.callTimeoutMillis() == 0) {
            // A shared client without a call timeout gets the default: no call may hang for ever.
            http.callTimeout(HttpTimeouts.DEFAULT.call());
        }
        // A redirect would carry the x-api-key header to wherever it points (OkHttp strips only
        // Authorization), so none is followed; ApiCaller reports it as an error.
        http.followRedirects(false).followSslRedirects(false);
        if (builder.apiKey != null) {
            String key = builder.apiKey;
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("x-api-key", key).build()));
        }
        return http.build();
    }

    /** A builder for the API at {@code baseUrl}: {@link #TESTNET}, {@link #MAINNET} or any http(s) URL. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    // ---------------------------------------------------------------- Transaction payloads

    @Override
    public EntryFunctionPayload deposit(AccountAddress wallet, BigDecimal amount) {
        String user = wallet(wallet);
        return payload(service.deposit(positive(amount, "amount"), user));
    }

    @Override
    public EntryFunctionPayload withdraw(AccountAddress wallet, MarketId marketId, BigDecimal amount) {
        String user = wallet(wallet);
        return payload(service.withdrawSpecifiMarket(marketId(marketId), positive(amount, "amount"), user));
    }

    @Override
    public EntryFunctionPayload placeLimitOrder(LimitOrderRequest request) {
        LimitOrderRequest r = required(request, "request", "pass a LimitOrderRequest");
        return payload(service.placeLimitOrder(r.marketId().toString(), bool(r.side().tradeSide()),
                bool(r.direction().wireValue()), r.size().toPlainString(), r.price().toPlainString(),
                Integer.toString(r.leverage()), Integer.toString(r.restriction().code()),
                r.takeProfit().toPlainString(), r.stopLoss().toPlainString()));
    }

    @Override
    public EntryFunctionPayload placeMarketOrder(MarketOrderRequest request) {
        MarketOrderRequest r = required(request, "request", "pass a MarketOrderRequest");
        return payload(service.placeMarketOrder(r.marketId().toString(), bool(r.side().tradeSide()),
                bool(r.direction().wireValue()), r.size().toPlainString(), Integer.toString(r.leverage()),
                r.takeProfit().toPlainString(), r.stopLoss().toPlainString()));
    }

    @Override
    public EntryFunctionPayload placeMultipleOrders(MultipleOrdersRequest request) {
        return payload(service.placeMultipleOrders(
                RequestBodies.placeMultipleOrders(required(request, "request", "pass a MultipleOrdersRequest"))));
    }

    @Override
    public EntryFunctionPayload cancelMultipleOrders(CancelOrdersRequest request) {
        return payload(service.cancelMultipleOrders(
                RequestBodies.cancelMultipleOrders(required(request, "request", "pass a CancelOrdersRequest"))));
    }

    @Override
    public EntryFunctionPayload cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request) {
        return payload(service.cancelAndPlaceMultipleOrders(RequestBodies.cancelAndPlaceMultipleOrders(
                required(request, "request", "pass a CancelAndPlaceRequest"))));
    }

    /** A zero price is passed on as is; whether it clears the take-profit is the API's call. */
    @Override
    public EntryFunctionPayload updateTakeProfit(MarketId marketId, Side side, BigDecimal newTakeProfitPrice) {
        return payload(service.updateTakeProfit(marketId(marketId), side(side),
                zeroOrPositive(newTakeProfitPrice, "newTakeProfitPrice")));
    }

    /** A zero price is passed on as is; whether it clears the stop-loss is the API's call. */
    @Override
    public EntryFunctionPayload updateStopLoss(MarketId marketId, Side side, BigDecimal newStopLossPrice) {
        return payload(service.updateStopLoss(marketId(marketId), side(side),
                zeroOrPositive(newStopLossPrice, "newStopLossPrice")));
    }

    @Override
    public EntryFunctionPayload addMargin(MarketId marketId, Side side, BigDecimal amount) {
        return payload(service.addMargin(marketId(marketId), side(side), positive(amount, "amount")));
    }

    @Override
    public EntryFunctionPayload collapsePosition(MarketId marketId) {
        return payload(service.collapsePosition(marketId(marketId)));
    }

    @Override
    public EntryFunctionPayload settlePnl(AccountAddress wallet, MarketId marketId) {
        String user = wallet(wallet);
        return payload(service.settlePnl(marketId(marketId), user));
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Releases the connections and threads of the HTTP client this instance created. A caller-supplied
     * {@link OkHttpClient} is left alone: its owner closes it.
     */
    @Override
    public void close() {
        if (ownedClient != null) {
            ownedClient.dispatcher().executorService().shutdown();
            ownedClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "KanaHttpApi[" + SafeText.url(baseUrl.toString()) + ", apiKey " + (apiKeySet ? "set" : "not set") + "]";
    }

    // ---------------------------------------------------------------- request values

    private EntryFunctionPayload payload(Call<ResponseBody> call) {
        return caller.execute(call, Decoders.PAYLOAD);
    }

    /** Configures a {@link KanaHttpApi}. Not thread-safe; the API it builds is. */
    public static final class Builder {

        private final HttpUrl baseUrl;
        private String apiKey;
        private HttpTimeouts timeouts;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private OkHttpClient httpClient;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean allowCleartext;
        private TradeListener listener = TradeListener.NONE;

        private Builder(URI baseUrl) {
            this.baseUrl = BaseUrls.toHttpUrl(baseUrl);
        }

        /** The key sent as {@code x-api-key} on every request; without one the header is not sent. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new InvalidRequestException("apiKey", "the API key is blank; leave apiKey(...) out to send none");
            }
            for (int i = 0; i < apiKey.length(); i++) {
                char c = apiKey.charAt(i);
                if (c <= ' ' || c > '~') {
                    // Never quote the key itself.
                    throw new InvalidRequestException("apiKey", "the API key may hold only visible ASCII characters; "
                            + "position " + i + " holds character code " + (int) c);
                }
            }
            this.apiKey = apiKey;
            return this;
        }

        /**
         * How long one call may wait; default {@link HttpTimeouts#DEFAULT}. The call timeout also bounds a call
         * with all its retries.
         */
        public Builder timeouts(HttpTimeouts value) {
            this.timeouts = Objects.requireNonNull(value, "timeouts");
            return this;
        }

        /** Told of each retry ({@link TradeListener#retried}: {@code http_503}, {@code timeout}, {@code io}...). */
        public Builder listener(TradeListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** How calls without a usable answer are retried; default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Shares the connection pool, dispatcher and interceptors of an existing client. Its timeouts are
         * kept unless set on this builder; the caller stays responsible for shutting it down.
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Allows an {@code http://} base URL on a host other than this machine, where the API key and
         * every answer would travel unencrypted. Off by default; loopback hosts are always allowed.
         */
        public Builder allowCleartext(boolean value) {
            this.allowCleartext = value;
            return this;
        }

        /** Replaces the wait between retries (tests). */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @throws InvalidRequestException for cleartext {@code http://} to another host, unless allowed */
        public KanaHttpApi build() {
            if (!baseUrl.isHttps() && !allowCleartext && !BaseUrls.isLoopback(baseUrl.host())) {
                throw new InvalidRequestException("baseUrl", "the base URL " + SafeText.url(baseUrl.toString())
                        + " is cleartext http to another host: the API key would travel unencrypted; use https, "
                        + "or allow it explicitly (allowCleartext(true), KANA_ALLOW_CLEARTEXT=true)");
            }
            return new KanaHttpApi(this);
        }

        @Override
        public String toString() {
            return "KanaHttpApi.Builder[" + SafeText.url(baseUrl.toString()) + ", apiKey " + (apiKey == null ? "not set" : "set") + "]";
        }
    }
}
