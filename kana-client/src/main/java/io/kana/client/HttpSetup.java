package io.kana.client;

import io.kana.aptos.node.AptosNodeClient;
import io.kana.core.port.HttpTimeouts;
import io.kana.core.port.RetryPolicy;
import io.kana.core.trading.TradeListener;
import io.kana.http.KanaHttpApi;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * The one place the client sets up HTTP: a single OkHttp client (connection pool, dispatcher, timeouts) that
 * the trade API and the node share, each with its own key sent only to its own origin.
 *
 * <p>Public only for {@link #newClientAsKanaClientBuildsIt()}; applications use {@link KanaClient}.
 */
public final class HttpSetup {

    /** Calls in flight at once on the shared client; each async one holds a dispatcher thread. */
    static final int MAX_REQUESTS = 256;

    private HttpSetup() {}

    /**
     * A new OkHttp client built as {@link KanaClient} builds its own with the builder's default timeouts, for
     * benchmarks and tools that make raw HTTP calls and must differ from the SDK only in the SDK's own work.
     * It carries no key; the caller shuts down its dispatcher and evicts its connection pool.
     */
    public static OkHttpClient newClientAsKanaClientBuildsIt() {
        return sharedClient(HttpTimeouts.DEFAULT, null);
    }

    /**
     * One connection pool and dispatcher for the trade API and the node; sized for many orders in
     * flight. Every call is bounded in time by the builder's timeouts. {@code outcomes}, when not null,
     * hears how every call ends.
     */
    static OkHttpClient sharedClient(HttpTimeouts timeouts, EventListener.Factory outcomes) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(128);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (outcomes != null) {
            builder.eventListenerFactory(outcomes);
        }
        return builder
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(32, 5, TimeUnit.MINUTES))
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .build();
    }

    /** The trade API client on {@code http}; {@code retries} null keeps its default. */
    static KanaHttpApi tradeApi(KanaConfig config, OkHttpClient http, TradeListener listener, RetryPolicy retries) {
        KanaHttpApi.Builder builder = KanaHttpApi.builder(config.apiUrl()).httpClient(http).listener(listener)
                .allowCleartext(config.allowCleartext());
        if (retries != null) {
            builder.retryPolicy(retries);
        }
        if (config.apiKey() != null) {
            builder.apiKey(config.apiKey().reveal());
        }
        return builder.build();
    }

    /** The node client on {@code http}; {@code retries} null keeps its default. */
    static AptosNodeClient node(KanaConfig config, OkHttpClient http, RetryPolicy retries) {
        AptosNodeClient.Builder builder = AptosNodeClient.builder(config.nodeUrl().toString()).httpClient(http)
                .allowCleartext(config.allowCleartext());
        if (retries != null) {
            builder.retryPolicy(retries);
        }
        if (config.nodeApiKey() != null) {
            builder.apiKey(config.nodeApiKey().reveal());
        }
        return builder.build();
    }
}
