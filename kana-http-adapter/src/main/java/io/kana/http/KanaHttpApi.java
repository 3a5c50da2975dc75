package io.kana.http;

import static io.kana.http.QueryValues.bool;
import static io.kana.http.QueryValues.limit;
import static io.kana.http.QueryValues.marketId;
import static io.kana.http.QueryValues.offset;
import static io.kana.http.QueryValues.optional;
import static io.kana.http.QueryValues.order;
import static io.kana.http.QueryValues.orderId;
import static io.kana.http.QueryValues.page;
import static io.kana.http.QueryValues.positive;
import static io.kana.http.QueryValues.required;
import static io.kana.http.QueryValues.side;
import static io.kana.http.QueryValues.wallet;
import static io.kana.http.QueryValues.zeroOrPositive;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.ProfileNotFoundException;
import io.kana.core.error.SafeText;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.Fill;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.NumberBounds;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.port.TransactionPayloads;
import io.kana.http.Decoders.DataDecoder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
public final class KanaHttpApi implements Markets, Accounts, Orders, Positions, TransactionPayloads, AutoCloseable {

    /** Kana's testnet trade API. */
    public static final URI TESTNET = URI.create("https://perps-tradeapi.kanalabs.io/");

    /** Kana's mainnet trade API. */
    public static final URI MAINNET = URI.create("https://perps-tradeapi.kana.trade/");

    private final HttpUrl baseUrl;
    private final boolean apiKeySet;
    private final KanaTradeService service;
    private final ApiCaller caller;
    private final OkHttpClient ownedClient;

    private KanaHttpApi(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.apiKeySet = builder.apiKey != null;
        OkHttpClient.Builder http = builder.httpClient == null ? new OkHttpClient.Builder() : builder.httpClient.newBuilder();
        if (builder.httpClient == null || builder.connectTimeout != null) {
            http.connectTimeout(orDefault(builder.connectTimeout, Builder.DEFAULT_CONNECT_TIMEOUT));
        }
        if (builder.httpClient == null || builder.readTimeout != null) {
            Duration read = orDefault(builder.readTimeout, Builder.DEFAULT_READ_TIMEOUT);
            http.readTimeout(read).writeTimeout(read);
        }
        // A shared client without a call timeout gets the default: no call may hang for ever.
        if (builder.httpClient == null || builder.callTimeout != null || builder.httpClient.callTimeoutMillis() == 0) {
            http.callTimeout(orDefault(builder.callTimeout, Builder.DEFAULT_CALL_TIMEOUT));
        }
        // A redirect would carry the x-api-key header to wherever it points (OkHttp strips only
        // Authorization), so none is followed; ApiCaller reports it as an error.
        http.followRedirects(false).followSslRedirects(false);
        if (builder.apiKey != null) {
            String key = builder.apiKey;
            http.addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("x-api-key", key).build()));
        }
        OkHttpClient client = http.build();
        this.ownedClient = builder.httpClient == null ? client : null;
        this.service = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(client)
                .validateEagerly(true)
                .build()
                .create(KanaTradeService.class);
        this.caller = new ApiCaller(baseUrl, builder.retryPolicy, builder.sleeper, builder.apiKey,
                Duration.ofMillis(client.callTimeoutMillis()));
    }

    /** A builder for the API at {@code baseUrl}: {@link #TESTNET}, {@link #MAINNET} or any http(s) URL. */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    // ---------------------------------------------------------------- Markets

    @Override
    public Market market(MarketId marketId) {
        String id = marketId(marketId);
        return call(service.getMarketInfo(id), Decoders.market(marketId));
    }

    @Override
    public MarketPrice marketPrice(MarketId marketId) {
        return call(service.getMarketPrice(marketId(marketId)), Decoders.MARKET_PRICE);
    }

    @Override
    public BigDecimal lastExecutionPrice(MarketId marketId) {
        return call(service.getLastPlacedPrice(marketId(marketId)), Decoders.DECIMAL);
    }

    @Override
    public List<Trade> recentTrades(MarketId marketId) {
        return call(service.getAllTrades(marketId(marketId)), Decoders.TRADES);
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(MarketId marketId) {
        if (marketId == null) {
            throw new InvalidRequestException("marketId",
                    "getPerpetualAssetsInfo needs a marketId or a baseName: pass a MarketId, or use "
                            + "perpetualAssetInfo(String baseName) or allPerpetualAssets()");
        }
        return call(service.getPerpetualAssetsInfo(marketId.toString(), null), Decoders.PERPETUAL_ASSETS);
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(String baseName) {
        if (baseName == null || baseName.isBlank()) {
            throw new InvalidRequestException("baseName",
                    "getPerpetualAssetsInfo needs a marketId or a baseName: pass a base asset such as \"BTC\", "
                            + "or use perpetualAssetInfo(MarketId) or allPerpetualAssets(); got "
                            + (baseName == null ? "null" : "a blank name"));
        }
        return call(service.getPerpetualAssetsInfo(null, baseName.strip()), Decoders.PERPETUAL_ASSETS);
    }

    @Override
    public List<PerpetualAssetInfo> allPerpetualAssets() {
        return call(service.getPerpetualAssetsInfoAllMarkets(), Decoders.PERPETUAL_ASSETS);
    }

    // ---------------------------------------------------------------- Accounts

    @Override
    public AccountAddress profileAddress(AccountAddress wallet) {
        return call(service.getProfileAddress(wallet(wallet)), Decoders.ADDRESS);
    }

    @Override
    public BigDecimal walletBalance(AccountAddress wallet) {
        return call(service.getWalletAccountBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    /**
     * A refusal of this well-formed request (HTTP 200 or 400 with {@code success:false}) is what Kana
     * answers for a wallet that has not deposited yet, so it surfaces as {@link ProfileNotFoundException}
     * carrying the API's own message; authentication and routing errors stay plain
     * {@link KanaApiException}s.
     */
    @Override
    public BigDecimal profileBalance(AccountAddress wallet) {
        try {
            return call(service.getProfileBalanceSnapshot(wallet(wallet)), Decoders.DECIMAL);
        } catch (KanaApiException e) {
            if (e.httpStatus() == 200 || e.httpStatus() == 400) {
                throw new ProfileNotFoundException(wallet, e);
            }
            throw e;
        }
    }

    @Override
    public BigDecimal netProfileBalance(AccountAddress wallet) {
        return call(service.getNetProfileBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    @Override
    public BigDecimal aptBalance(AccountAddress wallet) {
        return call(service.getAccountAptBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    @Override
    public List<BalanceTransfer> depositAndWithdrawHistory(AccountAddress wallet) {
        return call(service.getDepositAndWithdrawHistory(wallet(wallet)), Decoders.BALANCE_TRANSFERS);
    }

    @Override
    public List<FundingPayment> fundingHistory(AccountAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getFundingHistory, wallet, marketId, page, Decoders.FUNDING_PAYMENTS);
    }

    // ---------------------------------------------------------------- Orders

    @Override
    public List<Order> openOrders(AccountAddress wallet, MarketId marketId) {
        return call(service.getOpenOrders(wallet(wallet), optional(marketId)), Decoders.ORDERS);
    }

    @Override
    public List<Order> openOrdersFromContract(AccountAddress wallet, MarketId marketId) {
        return call(service.getOpenOrdersFromContract(wallet(wallet), optional(marketId)), Decoders.ORDERS);
    }

    @Override
    public List<OrderId> openOrderIds(AccountAddress wallet, MarketId marketId) {
        return call(service.getAllOpenOrderIds(wallet(wallet), optional(marketId)), Decoders.ORDER_IDS);
    }

    @Override
    public List<Order> orderHistory(AccountAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getOrderHistory, wallet, marketId, page, Decoders.ORDERS);
    }

    @Override
    public Order orderStatus(MarketId marketId, OrderId orderId) {
        return call(service.getOrderStatusByOrderId(marketId(marketId), orderId(orderId)), Decoders.ORDER);
    }

    @Override
    public Order fetchOrderStatus(MarketId marketId, OrderId orderId) {
        return call(service.fetchOrderStatusById(marketId(marketId), orderId(orderId)), Decoders.ORDER);
    }

    @Override
    public List<Fill> fills(MarketId marketId, AccountAddress profile, TimeRange range, OrderId orderId) {
        String id = marketId(marketId);
        required(range, "range", "getFills needs a time range: pass TimeRange.between(from, to)");
        return call(service.getFills(id, profile == null ? null : profile.hex(), range.from().toString(),
                range.to().toString(), orderId == null ? null : orderId.toString()), Decoders.FILLS);
    }

    /** Sends whole seconds, widened outwards ({@code from} rounded down, {@code to} up) so no fill is lost. */
    @Override
    public List<Fill> fillsBetween(AccountAddress wallet, MarketId marketId, Instant from, Instant to, PageRequest page) {
        String user = wallet(wallet);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "the end " + to + " is before the start " + from);
        }
        PageRequest p = page(page);
        return call(service.getFillsForGivenTimestamp(user, optional(marketId), offset(p), limit(p), order(p),
                from == null ? null : Long.toString(from.getEpochSecond()),
                to == null ? null : Long.toString(to.getEpochSecond() + (to.getNano() == 0 ? 0 : 1))),
                Decoders.FILLS);
    }

    @Override
    public List<Trade> tradeHistory(AccountAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getTradeHistory, wallet, marketId, page, Decoders.TRADES);
    }

    // ---------------------------------------------------------------- Positions

    @Override
    public List<Position> positions(AccountAddress wallet, MarketId marketId) {
        return call(service.getPositions(wallet(wallet), optional(marketId)), Decoders.POSITIONS);
    }

    @Override
    public List<Position> positionsFromContract(AccountAddress wallet, MarketId marketId) {
        return call(service.getPositionsFromContract(wallet(wallet), optional(marketId)), Decoders.POSITIONS);
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

    private <T> T call(Call<ResponseBody> call, DataDecoder<T> decoder) {
        return caller.execute(call, decoder);
    }

    /** The shape shared by the paged history endpoints. */
    @FunctionalInterface
    private interface HistoryEndpoint {
        Call<ResponseBody> call(String userAddress, String marketId, String offset, String limit, String order);
    }

    private <T> T history(HistoryEndpoint endpoint, AccountAddress wallet, MarketId marketId, PageRequest page,
            DataDecoder<T> decoder) {
        PageRequest p = page(page);
        return call(endpoint.call(wallet(wallet), optional(marketId), offset(p), limit(p), order(p)), decoder);
    }

    private EntryFunctionPayload payload(Call<ResponseBody> call) {
        return caller.execute(call, Decoders.PAYLOAD);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Configures a {@link KanaHttpApi}. Not thread-safe; the API it builds is. */
    public static final class Builder {

        static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
        static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
        static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

        private final HttpUrl baseUrl;
        private String apiKey;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private OkHttpClient httpClient;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private boolean allowCleartext;

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

        /** Time to establish a TCP/TLS connection; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Longest silence while reading a response (and writing a request); default 15 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /** Longest time for one attempt, from connecting to reading the whole body; default 30 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
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

        private static Duration positive(Duration timeout, String field) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new InvalidRequestException(field, field + " must be positive, got " + timeout);
            }
            return timeout;
        }

    }
}
