package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.kana.sandbox.chain.FakePerpsModule;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.sandbox.http.NodeHandler;
import io.kana.testsupport.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade: URLs, funding, request counts and every kind of injected fault. */
class KanaSandboxTest {

    static final Instant NOW = Instant.parse("2024-12-31T00:00:00Z");
    final List<KanaSandbox> started = new ArrayList<>();
    FakePerpsModule module;

    KanaSandbox start(long seed) {
        KanaSandbox sandbox = KanaSandbox.builder().seed(seed).clock(new MutableClock(NOW)).commitDelay(Duration.ZERO)
                .module(chain -> module = new FakePerpsModule(chain)).tradeApi(KanaSandboxTest::okTradeApi).start();
        started.add(sandbox);
        return sandbox;
    }

    @AfterEach
    void close() {
        started.forEach(KanaSandbox::close);
    }

    /** A trade API that answers every request with an empty success, to watch the fault layer in front of it. */
    private static void okTradeApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = "{\"success\":true,\"message\":\"ok\",\"data\":null}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    static NodeHttp.Reply getApi(KanaSandbox sandbox, String endpoint) {
        return new NodeHttp(sandbox.apiUrl()).get(endpoint);
    }

    TestTransaction fundedTransaction(KanaSandbox sandbox) {
        TestWallet wallet = TestWallet.seeded(1);
        sandbox.fundWallet(wallet.address, new BigDecimal("250.5"));
        return new TestTransaction(wallet, 0, NOW.getEpochSecond() + 60);
    }

    @Test
    void servesTheTradeApiAtTheRootAndTheNodeUnderV1OnLoopback() {
        KanaSandbox sandbox = start(1);
        assertThat(sandbox.apiUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/");
        assertThat(sandbox.nodeUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/v1");
        assertThat(getApi(sandbox, "getMarketInfo").json()).containsEntry("success", true);
        assertThat(new NodeHttp(sandbox.nodeUrl()).get("").json()).containsEntry("chain_id", 4.0);
        assertThat(sandbox.moduleAddress()).isEqualTo(KanaSandbox.DEFAULT_MODULE_ADDRESS);
    }

    @Test
    void fundingCreditsTheExchangeAndTheChainAndMarkPricesReachTheModule() {
        KanaSandbox sandbox = start(1);
        TestWallet wallet = TestWallet.seeded(2);

        sandbox.fundWallet("0x" + wallet.address.substring(2), new BigDecimal("10000"));
        sandbox.fundWallet(wallet.address, new BigDecimal("0.5"), 7);
        sandbox.setMarkPrice(1338, new BigDecimal("5.72"));

        assertThat(module.funded).containsEntry(wallet.address, new BigDecimal("10000.5"));
        assertThat(sandbox.aptBalanceOctas(wallet.address)).isEqualTo(KanaSandbox.DEFAULT_APT_OCTAS + 7);
        assertThat(module.markPrices).containsEntry(1338L, new BigDecimal("5.72"));
        assertThatThrownBy(() -> sandbox.fundWallet(wallet.address, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> sandbox.fundWallet("0xzz", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an address is hex");
    }

    @Test
    void countsRequestsPerEndpointIncludingFaultedOnes() {
        KanaSandbox sandbox = start(1);
        NodeHttp node = new NodeHttp(sandbox.nodeUrl());
        getApi(sandbox, "getMarketInfo");
        getApi(sandbox, "getMarketInfo");
        node.get("/accounts/0x1");
        node.get("/accounts/0x2");
        node.get("/transactions/by_hash/0x" + "00".repeat(32));
        sandbox.faults().serviceUnavailable(SandboxFaults.Target.NODE_READS, 1);
        node.get("");

        assertThat(sandbox.requestCount("/getMarketInfo")).isEqualTo(2);
        assertThat(sandbox.requestCount("/v1/accounts/{address}")).isEqualTo(2);
        assertThat(sandbox.requestCount("/v1/transactions/by_hash/{hash}")).isEqualTo(1);
        assertThat(sandbox.requestCount("/v1")).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsOnlyKeys("/getMarketInfo", "/v1/accounts/{address}",
                "/v1/transactions/by_hash/{hash}", "/v1");

        sandbox.resetRequestCounts();

        assertThat(sandbox.requestCounts()).isEmpty();
        assertThat(sandbox.requestCount("/getMarketInfo")).isZero();
    }

    @Test
    void serviceUnavailableHitsOnlyItsTarget() {
        KanaSandbox sandbox = start(1);
        sandbox.faults().serviceUnavailable(SandboxFaults.Target.TRADE_API, 1);

        NodeHttp.Reply api = getApi(sandbox, "getMarketInfo");

        assertThat(api.status()).isEqualTo(503);
        assertThat(api.json()).containsEntry("success", false);
        assertThat(new NodeHttp(sandbox.nodeUrl()).get("").status()).isEqualTo(200);
        sandbox.faults().reset();
        assertThat(getApi(sandbox, "getMarketInfo").status()).isEqualTo(200);
    }

    @Test
    void rateLimitingAnswers429WithRetryAfterInTheNodesErrorShape() {
        KanaSandbox sandbox = start(1);
        sandbox.faults().rateLimited(SandboxFaults.Target.NODE_READS, 1);
        NodeHttp node = new NodeHttp(sandbox.nodeUrl());

        NodeHttp.Reply reply = node.get("/estimate_gas_price");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json()).containsKeys("message", "error_code");
        TestTransaction tx = fundedTransaction(sandbox);
        assertThat(node.submit(tx.signed()).status()).isEqualTo(202); // submissions are a separate target
    }

    @Test
    void aFaultedSubmissionIsNotAccepted() {
        KanaSandbox sandbox = start(1);
        sandbox.faults().serviceUnavailable(SandboxFaults.Target.SUBMIT, 1);
        NodeHttp node = new NodeHttp(sandbox.nodeUrl());
        TestTransaction tx = fundedTransaction(sandbox);

        assertThat(node.submit(tx.signed()).status()).isEqualTo(503);

        assertThat(node.get("/transactions/by_hash/" + tx.hash()).status()).isEqualTo(404);
        assertThat(module.calls).isEmpty();
    }

    @Test
    void aDroppedAnswerStillCommitsExactlyOnce() {
        KanaSandbox sandbox = start(1);
        sandbox.faults().dropAnswerAfterSubmit(1);
        NodeHttp node = new NodeHttp(sandbox.nodeUrl());
        TestTransaction tx = fundedTransaction(sandbox);

        assertNoAnswer(sandbox, node, tx);

        assertThat(node.committed(tx.hash())).containsEntry("success", true);
        assertThat(module.calls).hasSize(1);
        sandbox.faults().reset();
        assertThat(node.submit(tx.signed()).json()).containsEntry("error_code", "sequence_number_too_old");
        assertThat(module.calls).hasSize(1);
    }

    @Test
    void latencyDelaysEveryAnswer() {
        KanaSandbox sandbox = start(1);
        sandbox.faults().latency(SandboxFaults.Target.TRADE_API, Duration.ofMillis(120));
        long started = System.nanoTime();

        assertThat(getApi(sandbox, "getMarketInfo").status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    }

    @Test
    void theSameSeedFaultsTheSameRequests() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            runs.add(faultedReads(start(42)));
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(200, 429, 503);
    }

    @Test
    void countsTheFaultsItInjected() {
        KanaSandbox sandbox = start(42);
        List<Integer> statuses = faultedReads(sandbox);
        sandbox.faults().reset().dropAnswerAfterSubmit(1);
        NodeHttp node = new NodeHttp(sandbox.nodeUrl());
        TestTransaction tx = fundedTransaction(sandbox);
        assertNoAnswer(sandbox, node, tx);

        assertThat(sandbox.faults().unavailableCount()).isEqualTo(statuses.stream().filter(s -> s == 503).count());
        assertThat(sandbox.faults().rateLimitedCount()).isEqualTo(statuses.stream().filter(s -> s == 429).count());
        assertThat(sandbox.faults().droppedAnswerCount()).isEqualTo(1);
    }

    /** The statuses of 30 reads while 30% are answered 503 and 30% 429. */
    private static List<Integer> faultedReads(KanaSandbox sandbox) {
        sandbox.faults().serviceUnavailable(SandboxFaults.Target.TRADE_API, 0.3)
                .rateLimited(SandboxFaults.Target.TRADE_API, 0.3);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(getApi(sandbox, "getMarketPrice").status());
        }
        return statuses;
    }

    private static void assertNoAnswer(KanaSandbox sandbox, NodeHttp node, TestTransaction tx) {
        assertThatThrownBy(() -> node.sendOrThrow(HttpRequest.newBuilder(URI.create(sandbox.nodeUrl() + "/transactions"))
                .header("Content-Type", NodeHandler.SIGNED_TRANSACTION_BCS)
                .POST(HttpRequest.BodyPublishers.ofByteArray(tx.signed())))).isInstanceOf(IOException.class);
    }

    @Test
    void faultSharesAreChecked() {
        KanaSandbox sandbox = start(1);
        assertThatThrownBy(() -> sandbox.faults().rateLimited(SandboxFaults.Target.SUBMIT, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> sandbox.faults().latency(SandboxFaults.Target.SUBMIT, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModuleWithoutPayloadsRefusesTampering() {
        KanaSandbox sandbox = start(1);
        assertThatThrownBy(() -> sandbox.tamperPayloads(p -> p))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no payloads");
    }

    @Test
    void aClosedSandboxNoLongerAnswers() {
        KanaSandbox sandbox = start(1);
        String url = sandbox.nodeUrl();
        sandbox.close();
        assertThatThrownBy(() -> new NodeHttp(url).sendOrThrow(HttpRequest.newBuilder(URI.create(url)).GET()))
                .isInstanceOf(IOException.class);
    }
}
