package io.kana.aptos.node;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.port.HttpTimeouts;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** How the node client reaches its node: the URL it accepts and the OkHttp client it calls through. */
final class NodeHttpSetup {

    private static final Pattern CREDENTIALS = Pattern.compile("(://)[^/@?#]*@");
    /** A shorter call timeout than the trade API's: the node answers fast, and each order waits on it. */
    static final HttpTimeouts DEFAULT_TIMEOUTS = HttpTimeouts.DEFAULT.withCall(Duration.ofSeconds(10));

    private NodeHttpSetup() {}

    /** The client's own OkHttp client when none is shared. */
    static OkHttpClient defaultHttpClient() {
        Dispatcher dispatcher = new Dispatcher();
        // Every call goes to one host; OkHttp's default of 5 per host would queue in-flight waits.
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .build();
    }

    /**
     * {@code source} (sharing its pool and dispatcher) with the node's timeouts, no redirects and the API key
     * sent to {@code nodeUrl}'s origin only. {@code timeouts} null keeps a shared {@code source}'s own.
     */
    static OkHttpClient forNode(OkHttpClient source, boolean shared, HttpUrl nodeUrl, HttpTimeouts timeouts,
            String apiKey) {
        OkHttpClient.Builder http = source.newBuilder();
        if (!shared || timeouts != null) {
            HttpTimeouts applied = timeouts != null ? timeouts : DEFAULT_TIMEOUTS;
            http.connectTimeout(applied.connect()).readTimeout(applied.read()).writeTimeout(applied.read())
                    .callTimeout(applied.call());
        } else if (source.callTimeoutMillis() == 0) {
            // A node that drips its answer byte by byte never trips the read timeout.
            http.callTimeout(DEFAULT_TIMEOUTS.call());
        }
        // The node API does not redirect; following one could carry the API key or a transaction elsewhere.
        http.followRedirects(false).followSslRedirects(false);
        if (apiKey != null) {
            http.addInterceptor(new ApiKeyInterceptor(apiKey, nodeUrl));
        }
        return http.build();
    }

    /** The node URL, checked: http(s), a version path, no query; cleartext only to loopback unless allowed. */
    static HttpUrl nodeUrl(String text, boolean allowCleartext) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw new InvalidRequestException("nodeUrl", "the node URL must be an http(s) URL such as"
                    + " https://api.testnet.aptoslabs.com/v1, got " + (text == null ? "null" : "'" + redacted(text) + "'"));
        }
        if (url.query() != null || url.fragment() != null) {
            throw new InvalidRequestException("nodeUrl", "the node URL takes no query or fragment, e.g."
                    + " https://api.testnet.aptoslabs.com/v1; pass an API key with apiKey(...)");
        }
        // Drop trailing slashes: ledger info is GET .../v1 exactly.
        while (url.pathSize() > 1 && url.pathSegments().get(url.pathSize() - 1).isEmpty()) {
            url = url.newBuilder().removePathSegment(url.pathSize() - 1).build();
        }
        if (url.encodedPath().equals("/")) {
            throw new InvalidRequestException("nodeUrl", "the node URL must include the API version path,"
                    + " e.g. " + withoutCredentials(url.newBuilder().addPathSegment("v1").build()) + ", got "
                    + withoutCredentials(url));
        }
        if (!url.isHttps() && !allowCleartext && !isLoopback(url.host())) {
            throw new InvalidRequestException("nodeUrl", "refusing cleartext http:// to " + url.host()
                    + ": use https://, or allowCleartext(true) if the network path is trusted");
        }
        return url;
    }

    /** {@code text} with any {@code user:password@} of a URL in it hidden, snipped. */
    static String redacted(String text) {
        return SafeText.snippet(CREDENTIALS.matcher(text).replaceAll("$1<redacted>@"));
    }

    static String withoutCredentials(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
