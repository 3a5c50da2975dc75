package io.kana.aptos.node;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <key>} for Aptos Labs gateways, to requests for the node's own origin only
 * (scheme, host and port); the client follows no redirects either.
 */
final class ApiKeyInterceptor implements Interceptor {

    private final String headerValue;
    private final HttpUrl origin;

    ApiKeyInterceptor(String apiKey, HttpUrl nodeUrl) {
        this.headerValue = "Bearer " + apiKey;
        this.origin = nodeUrl;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        if (!url.scheme().equals(origin.scheme()) || !url.host().equals(origin.host()) || url.port() != origin.port()) {
            return chain.proceed(chain.request()); // only the node's own origin gets the key
        }
        return chain.proceed(chain.request().newBuilder().header("Authorization", headerValue).build());
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[<redacted>]";
    }
}
