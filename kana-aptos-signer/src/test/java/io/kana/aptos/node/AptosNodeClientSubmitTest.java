package io.kana.aptos.node;

import static io.kana.aptos.node.NodeFixtures.PLACE_ORDER;
import static io.kana.aptos.node.NodeFixtures.SIGNED_HERE;
import static io.kana.aptos.node.NodeFixtures.committed;
import static io.kana.aptos.node.NodeFixtures.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AptosNodeClientSubmitTest extends MockNodeTest {

    private static final String SIGNED_TRANSACTION_CONTENT_TYPE = "application/x.aptos.signed_transaction+bcs";

    @Test
    void submitPostsTheExactSignedBytesAndReturnsThePendingTransaction() throws Exception {
        answer(202, NodeFixtures.pendingTransaction(PLACE_ORDER));

        SubmittedTransaction submitted = client.submit(PLACE_ORDER.bytes());

        assertThat(submitted).isEqualTo(new SubmittedTransaction(PLACE_ORDER.hash(),
                AccountAddress.parse(PLACE_ORDER.sender()), new BigInteger(PLACE_ORDER.sequenceNumber()),
                PLACE_ORDER.expirationTimestampSecs()));
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/transactions");
        assertThat(request.getHeader("Content-Type")).isEqualTo(SIGNED_TRANSACTION_CONTENT_TYPE);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getBody().readByteArray()).isEqualTo(PLACE_ORDER.bytes());
    }

    @Test
    void aTransactionSignedHereIsSentAsItIsAndCheckedAgainstWhatItKnows() throws Exception {
        NodeFixtures.SignedTransaction quoted = NodeFixtures.vectorOf(SIGNED_HERE);
        answer(202, NodeFixtures.pendingTransaction(quoted));

        SubmittedTransaction submitted = client.submit(SIGNED_HERE);

        assertThat(submitted).isEqualTo(new SubmittedTransaction(SIGNED_HERE.hash(), SIGNED_HERE.sender(),
                BigInteger.valueOf(SIGNED_HERE.sequenceNumber()), SIGNED_HERE.expirationTimestampSecs()));
        RecordedRequest request = nextRequest();
        assertThat(request.getPath()).isEqualTo("/v1/transactions");
        assertThat(request.getHeader("Content-Type")).isEqualTo(SIGNED_TRANSACTION_CONTENT_TYPE);
        assertThat(request.getBody().readByteArray()).isEqualTo(SIGNED_HERE.bytes());
    }

    @Test
    void aLostAnswerToATransactionSignedHereNamesItsHash() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

        assertThatThrownBy(() -> client.submit(SIGNED_HERE))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class,
                        e -> assertThat(e.hash()).isEqualTo(SIGNED_HERE.hash()));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSimulationIsNeverSubmitted() {
        assertThatThrownBy(() -> client.submit(NodeFixtures.SIMULATION_HERE)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("zero signature");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theTransactionHashIsComputedLocallyAsTheTsSdkDoes() {
        for (NodeFixtures.SignedTransaction vector : NodeFixtures.SIGNED) {
            assertThat(TransactionHashes.of(vector.bytes())).as(vector.name()).isEqualTo(vector.hash());
        }
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(400, "sequence_number_too_old", null, null),
                Arguments.of(400, "invalid_transaction_update", null, null),
                Arguments.of(400, "vm_error", 4L, VmStatusCode.SEQUENCE_NUMBER_TOO_NEW),
                Arguments.of(400, "vm_error", 1L, VmStatusCode.INVALID_SIGNATURE),
                Arguments.of(400, "vm_error", 6L, VmStatusCode.TRANSACTION_EXPIRED),
                Arguments.of(400, "invalid_input", null, null),
                Arguments.of(507, "mempool_is_full", null, null));
    }

    @ParameterizedTest(name = "HTTP {0} {1} vm_error_code {2}")
    @MethodSource("rejections")
    void aRefusedSubmissionIsADefiniteRejectionAndIsSentOnce(int status, String errorCode, Long vmErrorCode,
            VmStatusCode vmStatus) {
        answer(status, error(errorCode, "node says no", vmErrorCode));

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.errorCode()).isEqualTo(errorCode);
                    assertThat(e.vmErrorCode()).isEqualTo(vmErrorCode);
                    assertThat(VmStatusCode.of(e.vmErrorCode())).isEqualTo(Optional.ofNullable(vmStatus));
                    assertThat(e.effectMayExist()).isFalse();
                    assertThat(e).hasMessageContaining("node says no");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRejectionWithoutAnErrorBodyStillTellsTheStatus() {
        server.enqueue(new MockResponse().setResponseCode(413).setBody("<html>Request Entity Too Large</html>"));

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e.errorCode()).isEqualTo("unknown");
                    assertThat(e).hasMessageContaining("Request Entity Too Large");
                });
    }

    static Stream<Arguments> lostAnswers() {
        Map<String, Supplier<MockResponse>> cases = Map.of(
                "socket disconnect after the request", () -> new MockResponse()
                        .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
                "disconnect during the response body", () -> new MockResponse().setResponseCode(202)
                        .setBody(NodeFixtures.pendingTransaction(PLACE_ORDER))
                        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY),
                "500 internal_error", () -> new MockResponse().setResponseCode(500)
                        .setBody(error("internal_error", "boom", null)),
                "503 with Retry-After 0", () -> new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"),
                "502 from a proxy", () -> new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"),
                "429 rate limited", () -> new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"),
                "408 request timeout", () -> new MockResponse().setResponseCode(408));
        List<Arguments> arguments = new ArrayList<>();
        cases.forEach((name, response) -> arguments.add(Arguments.of(name, response)));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostAnswers")
    void aLostSubmitAnswerSaysTheTransactionMayHaveBeenAcceptedAndIsNeverResent(String name,
            Supplier<MockResponse> response) {
        server.enqueue(response.get());
        answer(202, NodeFixtures.pendingTransaction(PLACE_ORDER));

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e -> {
                    assertThat(e.hash()).isEqualTo(PLACE_ORDER.hash());
                    assertThat(e.effectMayExist()).isTrue();
                    assertThat(e).hasMessageContaining("may have accepted");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(delayer.delays).isEmpty();
    }

    @Test
    void aSubmitTimeoutIsALostAnswer() throws IOException {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        try (AptosNodeClient impatient = clientBuilder().timeouts(HttpTimeouts.DEFAULT.withRead(Duration.ofMillis(200))).build()) {
            assertThatThrownBy(() -> impatient.submit(PLACE_ORDER.bytes()))
                    .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class,
                            e -> assertThat(e.hash()).isEqualTo(PLACE_ORDER.hash()))
                    .hasCauseInstanceOf(java.net.SocketTimeoutException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAcceptedSubmissionWithAnUndecodableAnswerIsStillReportedAsPossiblyAccepted() {
        answer(202, "{\"type\":\"pending_transaction\",");

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e -> {
                    assertThat(e.hash()).isEqualTo(PLACE_ORDER.hash());
                    assertThat(e).hasMessageContaining("accepted it (HTTP 202)");
                });
    }

    @Test
    void manySubmissionsCanBeInFlightAtOnce() throws Exception {
        int count = 40;
        Map<String, NodeFixtures.SignedTransaction> byBody = new ConcurrentHashMap<>();
        List<byte[]> transactions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Distinct bytes per submission (the node only sees bytes); the hash follows them.
            byte[] bytes = PLACE_ORDER.bytes().clone();
            bytes[bytes.length - 1] = (byte) i;
            transactions.add(bytes);
            String hash = TransactionHashes.of(bytes);
            byBody.put(HexFormat.of().formatHex(bytes), new NodeFixtures.SignedTransaction(
                    "n" + i, PLACE_ORDER.sender(), PLACE_ORDER.sequenceNumber(), 1735689600L, bytes, hash));
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                NodeFixtures.SignedTransaction txn =
                        byBody.get(HexFormat.of().formatHex(request.getBody().readByteArray()));
                return new MockResponse().setResponseCode(202).setBody(NodeFixtures.pendingTransaction(txn));
            }
        });

        List<CompletableFuture<SubmittedTransaction>> futures = transactions.stream().map(client::submitAsync).toList();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (int i = 0; i < count; i++) {
            SubmittedTransaction submitted = futures.get(i).join();
            assertThat(submitted.hash()).isEqualTo(TransactionHashes.of(transactions.get(i)));
            assertThat(submitted.sequenceNumber()).isEqualTo(new BigInteger(PLACE_ORDER.sequenceNumber()));
        }
        assertThat(server.getRequestCount()).isEqualTo(count);
    }

    @Test
    void emptyOrMissingBytesAreRefusedBeforeSending() throws Exception {
        assertThatThrownBy(() -> client.submit(new byte[0])).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("0 bytes");
        assertThat(client.submitAsync((byte[]) null).handle((v, e) -> e).get(1, TimeUnit.SECONDS))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(client.submitAsync((io.kana.aptos.tx.SignedTransaction) null).handle((v, e) -> e).get(1, TimeUnit.SECONDS))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.simulate(new byte[0])).isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callerMutationsAfterSubmitDoNotChangeTheSentBytes() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(202).setBody(NodeFixtures.pendingTransaction(PLACE_ORDER));
            }
        });
        byte[] bytes = PLACE_ORDER.bytes().clone();
        CompletableFuture<SubmittedTransaction> future = client.submitAsync(bytes);
        bytes[0] ^= 0x7f;
        future.get(2, TimeUnit.SECONDS);

        assertThat(nextRequest().getBody().readByteArray()).isEqualTo(PLACE_ORDER.bytes());
    }

    @Test
    void simulatePostsTheBytesAndReturnsTheUserTransaction() throws Exception {
        answer(200, "[" + committed(PLACE_ORDER.hash(), true, "Executed successfully") + "]");

        TransactionOutcome outcome = client.simulate(PLACE_ORDER.bytes());

        assertThat(outcome).isEqualTo(new TransactionOutcome(PLACE_ORDER.hash(), new BigInteger("6843128812"), true,
                BigInteger.valueOf(1234), "Executed successfully", null));
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/transactions/simulate");
        assertThat(request.getHeader("Content-Type")).isEqualTo(SIGNED_TRANSACTION_CONTENT_TYPE);
        assertThat(request.getBody().readByteArray()).isEqualTo(PLACE_ORDER.bytes());
    }

    @Test
    void aSimulatedAbortIsAnOutcomeWithTheParsedAbort() {
        answer(200, "[" + committed(PLACE_ORDER.hash(), false,
                "Move abort in 0x6a0b::perpetual_core: EMARKET_CLOSED(0x6000d): The market is closed") + "]");

        TransactionOutcome outcome = client.simulate(PLACE_ORDER.bytes());

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.moveAbort())
                .isEqualTo(new MoveAbort("0x6a0b::perpetual_core", "EMARKET_CLOSED", 0x6000d, "The market is closed"));
    }

    @Test
    void aSimulationRefusedByTheNodeIsARejection() {
        answer(400, error("invalid_input", "Simulated transactions must not have a valid signature", null));

        assertThatThrownBy(() -> client.simulate(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("invalid_input");
                    assertThat(e).hasMessageContaining("must not have a valid signature");
                });
    }

    @Test
    void simulationHasNoEffectSoItIsRetriedLikeARead() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503));
        answer(200, "[" + committed(PLACE_ORDER.hash(), true, "Executed successfully") + "]");

        assertThat(client.simulate(PLACE_ORDER.bytes()).success()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        nextRequest();
        assertThat(nextRequest().getBody().readByteArray()).isEqualTo(PLACE_ORDER.bytes());
    }

    @Test
    void anEmptySimulationAnswerIsADecodingError() {
        answer(200, "[]");

        assertThatThrownBy(() -> client.simulate(PLACE_ORDER.bytes()))
                .isInstanceOf(KanaDecodingException.class).hasMessageContaining("empty array");
    }
}
