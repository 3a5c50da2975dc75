package io.kana.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tells the {@link AutoHalt} how each HTTP call to the trade API or the node ended: every call of both
 * clients (each retry is a call of its own) comes from the shared OkHttp client, so its event listener sees
 * them all. No usable answer is an I/O failure or timeout, 408, 429 or 5xx; any other status is an answer
 * once the call has ended well, its body read whole, so an answer that drips in past the call timeout
 * counts as none. A call the SDK cancelled itself, and the WebSocket handshake, tell nothing.
 */
final class CallOutcomes implements EventListener.Factory {

    private final String api;
    private final String node;
    private final AutoHalt autoHalt;

    CallOutcomes(URI apiUrl, URI nodeUrl, AutoHalt autoHalt) {
        this.api = HttpUrl.get(apiUrl.toString()).toString();
        this.node = HttpUrl.get(nodeUrl.toString()).toString();
        this.autoHalt = autoHalt;
    }

    @Override
    public EventListener create(Call call) {
        AutoHalt.Source source = source(call.request());
        return source == null ? EventListener.NONE : new Outcome(source);
    }

    /** One call's listener: OkHttp creates one per call and calls it from that call's threads in turn. */
    private final class Outcome extends EventListener {

        private final AutoHalt.Source source;
        private volatile boolean refused;

        Outcome(AutoHalt.Source source) {
            this.source = source;
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            int status = response.code();
            if (status == 408 || status == 429 || status >= 500) {
                refused = true;
                autoHalt.failed(source, "HTTP " + status);
            }
        }

        @Override
        public void callEnd(Call call) {
            if (!refused) {
                autoHalt.answered(source);
            }
        }

        @Override
        public void callFailed(Call call, IOException ioe) {
            // OkHttp cancels a call whose call timeout ran out too, and then fails it as "timeout": that one counts.
            boolean timedOut = ioe instanceof InterruptedIOException && "timeout".equals(ioe.getMessage());
            if (timedOut || !call.isCanceled()) {
                autoHalt.failed(source, ioe.toString());
            }
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
