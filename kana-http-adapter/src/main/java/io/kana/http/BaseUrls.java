package io.kana.http;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import java.net.URI;
import java.util.function.Function;
import okhttp3.HttpUrl;

/** The trade API's base URL: how it is read, and which hosts count as this machine. */
final class BaseUrls {

    private BaseUrls() {
    }

    /** A loopback name or literal; decided from the text alone, without a DNS lookup. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                && host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) || host.equals("::1");
    }

    static HttpUrl toHttpUrl(URI uri) {
        Function<String, InvalidRequestException> invalid = why -> new InvalidRequestException("baseUrl",
                "the base URL " + why + "; use KanaHttpApi.TESTNET, KanaHttpApi.MAINNET or an http(s) URL");
        if (uri == null) {
            throw invalid.apply("is null");
        }
        HttpUrl url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw invalid.apply("'" + SafeText.url(uri) + "' is not an absolute http(s) URL");
        }
        if (url.query() != null || url.fragment() != null) {
            throw invalid.apply("'" + SafeText.url(uri) + "' has a query or fragment");
        }
        // Endpoint paths are relative, so the base path must end with a slash to keep its last segment.
        return url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
    }
}
