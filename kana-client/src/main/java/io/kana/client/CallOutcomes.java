package io.kana.client;

import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells the {@link AutoHalt} how each HTTP attempt to the trade API or the node ended: every attempt of
 * both clients (retries included) passes the shared OkHttp client, so this is the one place that sees
 * them all. No usable answer is an I/O failure or timeout, 408, 429 or 5xx; any other status is an answer.
 * A call the SDK cancelled itself, and the WebSocket handshake, tell nothing.
 */
final class CallOutcomes implements Interceptor {

    private final String api;
    private final String node;
    private final AutoHalt autoHalt;

    CallOutcomes(URI apiUrl, URI nodeUrl, AutoHalt autoHalt) {
        this.api = HttpUrl.get(apiUrl.toString()).toString();
        this.node = HttpUrl.get(nodeUrl.toString()).toString();
        this.autoHalt = autoHalt;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AutoHalt.Source source = source(request);
        if (source == null) {
            return chain.proceed(request);
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            if (!chain.call().isCanceled()) {
                autoHalt.failed(source, e.toString());
            }
            throw e;
        }
        int status = response.code();
        if (status == 408 || status == 429 || status >= 500) {
            autoHalt.failed(source, "HTTP " + status);
        } else {
            autoHalt.answered(source);
        }
        return response;
    }

    /** Whose request this is: the longer base URL wins, as the node's may lie under the trade API's. */
    private AutoHalt.Source source(Request request) {
        if (request.header("Upgrade") != null) {
            return null;
        }
        String url = request.url().toString();
        boolean toNode = url.startsWith(node);
        boolean toApi = url.startsWith(api);
        if (toNode && toApi) {
            return node.length() >= api.length() ? AutoHalt.Source.NODE : AutoHalt.Source.TRADE_API;
        }
        return toNode ? AutoHalt.Source.NODE : toApi ? AutoHalt.Source.TRADE_API : null;
    }
}
