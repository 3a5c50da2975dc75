package io.kana.aptos.node;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A BCS signed transaction as a request body. Submissions use it one-shot: OkHttp then never
 * resends it on its own, neither after a connection failure once sending began, nor to follow a
 * 408, a 503 with {@code Retry-After: 0} or a redirect. Whether to resend is the caller's decision.
 */
final class SignedTransactionBody extends RequestBody {

    /** The content type of a BCS-encoded SignedTransaction. */
    static final MediaType MEDIA_TYPE = MediaType.get("application/x.aptos.signed_transaction+bcs");

    private final byte[] bytes;
    private final boolean oneShot;

    private SignedTransactionBody(byte[] bytes, boolean oneShot) {
        this.bytes = bytes;
        this.oneShot = oneShot;
    }

    /** For a submission: sent at most once. */
    static SignedTransactionBody forSubmit(byte[] bytes) {
        return new SignedTransactionBody(bytes, true);
    }

    /** For a simulation, which has no effect and may be sent again. */
    static SignedTransactionBody forSimulation(byte[] bytes) {
        return new SignedTransactionBody(bytes, false);
    }

    @Override
    public MediaType contentType() {
        return MEDIA_TYPE;
    }

    @Override
    public long contentLength() {
        return bytes.length;
    }

    @Override
    public boolean isOneShot() {
        return oneShot;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
    }
}
