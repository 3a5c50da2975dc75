package io.kana.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Tells the {@link AutoHalt} how each HTTP attempt to the trade API or the node ended: every attempt of
 * both clients (retries included) passes the shared OkHttp client, so this is the one place that sees
 * them all. No usable answer is an I/O failure or timeout, 408, 429 or 5xx; any other status is an answer
 * once its body has arrived whole, so an answer that drips in until the call's timeout counts as none.
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
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            failed(chain, source, e, started);
            throw e;
        }
        int status = response.code();
        if (status == 408 || status == 429 || status >= 500) {
            autoHalt.failed(source, "HTTP " + status);
            return response;
        }
        ResponseBody body = response.body();
        if (body == null || body.contentLength() == 0) {
            autoHalt.answered(source);
            return response;
        }
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(new ForwardingSource(body.source()) {
            /** The body ended, or failed: nothing more to tell. */
            private boolean told;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read;
                try {
                    read = super.read(sink, byteCount);
                } catch (IOException | RuntimeException e) {
                    told = true;
                    failed(chain, source, e, started);
                    throw e;
                }
                if (read == -1 && !told) {
                    told = true;
                    autoHalt.answered(source);
                }
                return read;
            }

            @Override
            public void close() throws IOException {
                // A reader that stops early (a capped body) still got an answer.
                if (!told) {
                    told = true;
                    autoHalt.answered(source);
                }
                super.close();
            }
        }), body.contentType(), body.contentLength())).build();
    }

    /**
     * A failed attempt, unless the SDK cancelled the call itself. OkHttp cancels a call whose call timeout ran
     * out too: a cancelled call that lasted its whole timeout (or failed as {@code "timeout"}) counts.
     */
    private void failed(Chain chain, AutoHalt.Source source, Exception e, long started) {
        long timeout = chain.call().timeout().timeoutNanos();
        boolean timedOut = e instanceof InterruptedIOException && "timeout".equals(e.getMessage())
                || timeout > 0 && System.nanoTime() - started >= timeout - timeout / 10;
        if (timedOut || !chain.call().isCanceled()) {
            autoHalt.failed(source, e.toString());
        }
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
