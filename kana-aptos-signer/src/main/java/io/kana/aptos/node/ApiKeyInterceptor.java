package io.kana.aptos.node;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <key>} for Aptos Labs gateways. Added as an application
 * interceptor, so OkHttp drops the header itself when a redirect leaves the host.
 */
final class ApiKeyInterceptor implements Interceptor {

    private final String headerValue;

    ApiKeyInterceptor(String apiKey) {
        this.headerValue = "Bearer " + apiKey;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("Authorization", headerValue).build());
    }

    @Override
    public String toString() {
        return "ApiKeyInterceptor[<redacted>]";
    }
}
