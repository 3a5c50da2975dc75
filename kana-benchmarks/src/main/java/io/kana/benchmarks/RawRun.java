package io.kana.benchmarks;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.client.HttpSetup;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The same orders' HTTP round trips made with plain OkHttp calls. Measured iterations send bytes
 * signed before the iteration (for twice the best rate seen, running out fails the run); the
 * warm-up iteration signs as it goes, since its time is not measured.
 */
public class RawRun extends EndToEndBenchmark.OrderFlow {

    private static final MediaType SIGNED_TRANSACTION = MediaType.get("application/x.aptos.signed_transaction+bcs");

    private OkHttpClient http;
    private boolean warmingUp;
    private long seconds;
    private long bestRate;
    private Request[] payloadRequests;
    private EntryFunctionPayload[] payloads;
    private ModuleAbi abi;
    private long gasUnitPrice;
    private long expiry;
    private HttpUrl nodeUrl;
    private final Ed25519WalletSigner signer = SandboxSession.signer();
    private final TransactionFactory factory = new TransactionFactory();
    private final List<Request> submits = new ArrayList<>();
    private final List<Request> waits = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();

    @Override
    void prepare(long iterationSeconds, boolean warmUp) {
        http = HttpSetup.newClientAsKanaClientBuildsIt(); // so that only the library's own work differs
        seconds = iterationSeconds;
        warmingUp = warmUp;
        fetchPayloads();
        submits.clear();
        waits.clear();
        hashes.clear();
        if (!warmUp) {
            long count = 2 * bestRate * seconds + 2L * inFlight + 1_000;
            for (int i = 0; i < count; i++) {
                sign(i);
            }
        }
    }

    @Override
    Integer place() throws InterruptedException {
        int index = (int) placed();
        if (index == submits.size()) {
            if (!warmingUp) {
                throw new IllegalStateException("all " + index + " pre-signed transactions are used");
            }
            sign(index);
        }
        admit();
        new RoundTrips(payloadRequests[index % payloadRequests.length], submits.get(index), waits.get(index),
                hashes.get(index)).start();
        return index;
    }

    @Override
    String lastHash() {
        bestRate = Math.max(bestRate, placed() / seconds);
        return hashes.get((int) placed() - 1);
    }

    @Override
    void release() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The payloads of {@link RestingOrders} as the trade API builds them, and what signing them needs. */
    private void fetchPayloads() {
        var client = session.client;
        abi = client.node().moduleAbi(AccountAddress.parse(session.sandbox.moduleAddress()), "perpetual_scripts");
        List<LimitOrderRequest> cycle = RestingOrders.all();
        payloads = new EntryFunctionPayload[cycle.size()];
        payloadRequests = new Request[cycle.size()];
        HttpUrl api = HttpUrl.get(session.sandbox.apiUrl());
        for (int i = 0; i < cycle.size(); i++) {
            payloads[i] = client.payloads().placeLimitOrder(cycle.get(i));
            payloadRequests[i] = new Request.Builder().url(payloadUrl(api, cycle.get(i))).build();
        }
        gasUnitPrice = client.node().estimateGasPrice().gasEstimate();
        expiry = System.currentTimeMillis() / 1000 + 600;
        nodeUrl = HttpUrl.get(session.sandbox.nodeUrl());
    }

    /** Signs the iteration's order {@code index} as the client would, with the next sequence number. */
    private void sign(int index) {
        TransactionParameters parameters = new TransactionParameters(session.client.wallet().address(),
                firstSequenceNumber() + index, 200_000, gasUnitPrice, expiry, session.sandbox.chainId());
        SignedTransaction signed = factory.sign(payloads[index % payloads.length], abi, parameters, signer);
        hashes.add(signed.hash());
        submits.add(new Request.Builder().url(nodeUrl.newBuilder().addPathSegment("transactions").build())
                .post(RequestBody.create(signed.bytes(), SIGNED_TRANSACTION)).build());
        waits.add(new Request.Builder().url(nodeUrl.newBuilder().addPathSegments("transactions/wait_by_hash")
                .addPathSegment(signed.hash()).build()).build());
    }

    /** The query {@code KanaHttpApi} sends for this request. */
    private static HttpUrl payloadUrl(HttpUrl api, LimitOrderRequest r) {
        return api.newBuilder().addPathSegment("placeLimitOrder")
                .addQueryParameter("marketId", r.marketId().toString())
                .addQueryParameter("tradeSide", Boolean.toString(r.side().tradeSide()))
                .addQueryParameter("direction", Boolean.toString(r.direction().wireValue()))
                .addQueryParameter("size", r.size().toPlainString())
                .addQueryParameter("price", r.price().toPlainString())
                .addQueryParameter("leverage", Integer.toString(r.leverage()))
                .addQueryParameter("restriction", Integer.toString(r.restriction().code()))
                .addQueryParameter("takeProfit", r.takeProfit().toPlainString())
                .addQueryParameter("stopLoss", r.stopLoss().toPlainString())
                .build();
    }

    /** One order's calls, each started from the previous one's answer. */
    private final class RoundTrips implements Callback {

        private final Request payload;
        private final Request submit;
        private final Request wait;
        private final String hash;
        private int step;

        RoundTrips(Request payload, Request submit, Request wait, String hash) {
            this.payload = payload;
            this.submit = submit;
            this.wait = wait;
            this.hash = hash;
        }

        void start() {
            http.newCall(payload).enqueue(this);
        }

        @Override
        public void onFailure(Call call, IOException e) {
            completed(e);
        }

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                byte[] body = response.body().bytes();
                if (!response.isSuccessful()) {
                    throw new IllegalStateException(call.request().url().encodedPath() + " answered "
                            + response.code() + ": " + new String(body, StandardCharsets.UTF_8));
                }
                if (step == 0) {
                    step = 1;
                    http.newCall(submit).enqueue(this);
                } else if (step == 1 && completion == EndToEndBenchmark.Completion.SUBMIT_ONLY) {
                    completed(null);
                } else if (step == 1) {
                    step = 2;
                    http.newCall(wait).enqueue(this);
                } else {
                    String status = new String(body, StandardCharsets.UTF_8);
                    if (status.contains("\"type\":\"pending_transaction\"")) {
                        // The node's long poll ended before the commit: ask again.
                        http.newCall(wait).enqueue(this);
                    } else if (status.contains("\"success\":true")) {
                        completed(null);
                    } else {
                        throw new IllegalStateException("transaction " + hash + " failed: " + status);
                    }
                }
            } catch (IOException | RuntimeException e) {
                completed(e);
            }
        }
    }
}
