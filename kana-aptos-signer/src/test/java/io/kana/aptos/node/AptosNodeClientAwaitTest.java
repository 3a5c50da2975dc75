package io.kana.aptos.node;

import static io.kana.aptos.node.NodeFixtures.HASH;
import static io.kana.aptos.node.NodeFixtures.committed;
import static io.kana.aptos.node.NodeFixtures.error;
import static io.kana.aptos.node.NodeFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class AptosNodeClientAwaitTest extends MockNodeTest {

    private static final String BY_HASH = "/v1/transactions/by_hash/" + HASH;
    private static final String WAIT_BY_HASH = "/v1/transactions/wait_by_hash/" + HASH;
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    /** Real timers, so deadlines fire; polls every 5 to 20 ms. */
    @Override
    protected AptosNodeClient.Builder clientBuilder() {
        return AptosNodeClient.builder(server.url("/v1").toString())
                .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private List<String> paths(int count) throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
            assertThat(request).as("request " + (i + 1)).isNotNull();
            assertThat(request.getMethod()).isEqualTo("GET");
            paths.add(request.getPath());
        }
        return paths;
    }

    @Test
    void notFoundThenPendingThenCommitted() throws Exception {
        answer(404, error("transaction_not_found", "Transaction not found", null));
        answer(200, pending(HASH));
        answer(200, committed(HASH, true, "Executed successfully"));

        TransactionOutcome outcome = client.awaitTransaction(HASH, GENEROUS);

        assertThat(outcome).isEqualTo(new TransactionOutcome(HASH, new BigInteger("6843128812"), true,
                BigInteger.valueOf(1234), "Executed successfully", null));
        assertThat(paths(3)).containsExactly(WAIT_BY_HASH, BY_HASH, BY_HASH);
    }

    @Test
    void theServerLongPollAnswersTheCommitInOneRequest() throws Exception {
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.awaitTransaction(HASH, GENEROUS).success()).isTrue();
        assertThat(paths(1)).containsExactly(WAIT_BY_HASH);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void byHashFollowsOnlyWhenTheLongPollCouldNotAnswer() throws Exception {
        answer(200, pending(HASH));
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.awaitTransaction(HASH, GENEROUS).success()).isTrue();
        assertThat(paths(2)).containsExactly(WAIT_BY_HASH, BY_HASH);
    }

    @Test
    void anAlreadyCommittedTransactionTakesOneLookup() {
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.awaitTransaction(HASH, GENEROUS).hash()).isEqualTo(HASH);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCommittedFailureRaisesTransactionFailedWithTheParsedAbort() {
        answer(200, committed(HASH, false, "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins"));

        assertThatThrownBy(() -> client.awaitTransaction(HASH, GENEROUS))
                .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                    TransactionOutcome outcome = e.outcome();
                    assertThat(outcome.success()).isFalse();
                    assertThat(outcome.hash()).isEqualTo(HASH);
                    assertThat(outcome.gasUsed()).isEqualTo(BigInteger.valueOf(1234));
                    assertThat(outcome.moveAbort()).isEqualTo(
                            new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 65542, "Not enough coins"));
                    assertThat(e.effectMayExist()).isFalse();
                });
    }

    @Test
    void transientErrorsWhileWaitingAreRetried() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setBody(error("internal_error", "busy", null)));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.awaitTransaction(HASH, GENEROUS).success()).isTrue();
        assertThat(server.getRequestCount()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDeadlinePassedWhilePendingIsAnUnknownOutcomeAndPollingStops() throws Exception {
        server.setDispatcher(always(() -> new MockResponse().setBody(pending(HASH))));

        assertThatThrownBy(() -> client.awaitTransaction(HASH, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e -> {
                    assertThat(e.hash()).isEqualTo(HASH);
                    assertThat(e.effectMayExist()).isTrue();
                    assertThat(e).hasMessageContaining("300 ms").hasMessageContaining("pending in mempool");
                });
        assertThat(server.getRequestCount()).isGreaterThan(2);
        // A lookup already on the wire at the deadline may still reach the server; wait for it to land.
        Thread.sleep(50);
        int requestsAfterDeadline = server.getRequestCount();
        Thread.sleep(200); // ten poll intervals: any polling left would show
        assertThat(server.getRequestCount()).as("no polling after the deadline").isEqualTo(requestsAfterDeadline);
    }

    @Test
    void theDeadlineCutsALongPollShort() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse response = new MockResponse().setBody(pending(HASH));
                return request.getPath().contains("wait_by_hash")
                        ? response.setHeadersDelay(1000, TimeUnit.MILLISECONDS) : response;
            }
        });

        CompletableFuture<TransactionOutcome> wait = client.awaitTransactionAsync(HASH, Duration.ofMillis(100));

        // Well before the held long poll (1 s) could answer.
        assertThat(wait).failsWithin(Duration.ofMillis(700)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TransactionOutcomeUnknownException.class);
    }

    @Test
    void aNotFoundUntilTheDeadlineIsReportedAsSuch() {
        server.setDispatcher(always(() -> new MockResponse().setResponseCode(404)
                .setBody(error("transaction_not_found", "Transaction not found", null))));

        assertThatThrownBy(() -> client.awaitTransaction(HASH, Duration.ofMillis(150)))
                .isInstanceOf(TransactionOutcomeUnknownException.class).hasMessageContaining("not found");
    }

    @Test
    void aDefiniteErrorWhileWaitingEndsTheWaitAsUnknown() {
        answer(400, error("invalid_input", "bad request", null));

        assertThatThrownBy(() -> client.awaitTransaction(HASH, GENEROUS))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e ->
                        assertThat(e.getCause()).isInstanceOfSatisfying(AptosNodeException.class,
                                cause -> assertThat(cause.errorCode()).isEqualTo(AptosErrorCode.INVALID_INPUT)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerWhileWaitingEndsTheWaitAsUnknown() {
        answer(200, "{\"type\":\"user_transaction\",\"hash\":\"" + HASH + "\"}");

        assertThatThrownBy(() -> client.awaitTransaction(HASH, GENEROUS))
                .isInstanceOf(TransactionOutcomeUnknownException.class)
                .hasCauseInstanceOf(KanaDecodingException.class);
    }

    @Test
    void cancellingTheFutureStopsPolling() throws Exception {
        server.setDispatcher(always(() -> new MockResponse().setBody(pending(HASH))));
        CompletableFuture<TransactionOutcome> wait = client.awaitTransactionAsync(HASH, GENEROUS);
        server.takeRequest(2, TimeUnit.SECONDS);
        server.takeRequest(2, TimeUnit.SECONDS);

        wait.cancel(false);
        Thread.sleep(50);
        int requestsAfterCancel = server.getRequestCount();
        Thread.sleep(100);

        assertThat(server.getRequestCount()).isEqualTo(requestsAfterCancel);
    }

    @Test
    void pollingBacksOffFrom200MsByHalfAgainUpTo2Seconds() throws Exception {
        List<Long> delays = new CopyOnWriteArrayList<>();
        // Runs every poll at once and never fires the (60 s) deadline, so the schedule shows exactly.
        Delayer immediatePolls = (millis, task) -> {
            delays.add(millis);
            if (millis < 60_000) {
                task.run();
            }
            return () -> { };
        };
        AtomicInteger lookups = new AtomicInteger();
        server.setDispatcher(always(() -> new MockResponse().setBody(
                lookups.incrementAndGet() < 11 ? pending(HASH) : committed(HASH, true, "Executed successfully"))));
        try (AptosNodeClient defaults = AptosNodeClient.builder(server.url("/v1").toString())
                .delayer(immediatePolls).build()) {
            assertThat(defaults.awaitTransaction(HASH, Duration.ofMinutes(1)).success()).isTrue();
        }

        // wait_by_hash, then 10 polls: the deadline timer and the 10 delays before them.
        assertThat(delays).containsExactly(60_000L, 200L, 300L, 450L, 675L, 1012L, 1518L, 2000L, 2000L, 2000L, 2000L);
    }

    @Test
    void manyWaitsProceedConcurrently() throws Exception {
        int count = 50;
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String hash = request.getPath().substring(request.getPath().lastIndexOf('/') + 1);
                int lookups = seen.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
                return new MockResponse().setBody(lookups < 3 ? pending(hash) : committed(hash, true, "Executed successfully"));
            }
        });
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(String.format("0x%064x", i + 1));
        }

        List<CompletableFuture<TransactionOutcome>> waits =
                hashes.stream().map(h -> client.awaitTransactionAsync(h, GENEROUS)).toList();
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        for (int i = 0; i < count; i++) {
            assertThat(waits.get(i).join().hash()).isEqualTo(hashes.get(i));
        }
    }

    private static final long EXPIRATION = 1_735_689_600L;
    private static final SubmittedTransaction SUBMITTED = new SubmittedTransaction(HASH,
            AccountAddress.parse(NodeFixtures.PLACE_ORDER.sender()), BigInteger.ZERO, EXPIRATION);

    private static MockResponse notFoundAtChainTime(long chainSeconds) {
        return new MockResponse().setResponseCode(404)
                .setHeader("X-Aptos-Ledger-TimestampUsec", String.valueOf(chainSeconds * 1_000_000L + 1))
                .setBody(error("transaction_not_found", "Transaction not found", null));
    }

    @Test
    void notFoundOnceChainTimeReachesTheExpirationMeansDefinitelyNotExecuted() throws Exception {
        server.enqueue(notFoundAtChainTime(EXPIRATION - 1));
        server.enqueue(new MockResponse().setBody(pending(HASH)));
        server.enqueue(notFoundAtChainTime(EXPIRATION));

        assertThatThrownBy(() -> client.awaitTransaction(SUBMITTED, GENEROUS))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("transaction_not_found");
                    assertThat(VmStatusCode.of(e.vmErrorCode())).contains(VmStatusCode.TRANSACTION_EXPIRED);
                    assertThat(e.effectMayExist()).isFalse();
                    assertThat(e).hasMessageContaining("never will be");
                });
        assertThat(paths(3)).containsExactly(WAIT_BY_HASH, BY_HASH, BY_HASH);
    }

    @Test
    void withoutTheExpirationANotFoundStaysUnknown() {
        server.setDispatcher(always(() -> notFoundAtChainTime(EXPIRATION + 100)));

        assertThatThrownBy(() -> client.awaitTransaction(HASH, Duration.ofMillis(100)))
                .isInstanceOf(TransactionOutcomeUnknownException.class);
    }

    @Test
    void aSubmittedTransactionThatCommitsIsAwaitedNormally() {
        server.enqueue(notFoundAtChainTime(EXPIRATION - 5));
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.awaitTransaction(SUBMITTED, GENEROUS).success()).isTrue();
    }

    @Test
    void awaitCommitReportsACommittedFailureAsItsOutcomeNotAsAnError() throws Exception {
        answer(200, committed(HASH, false, "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins"));

        TransactionOutcome outcome = client.awaitCommitAsync(SUBMITTED, GENEROUS).get(10, TimeUnit.SECONDS);

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.hash()).isEqualTo(HASH);
        assertThat(outcome.moveAbort()).isEqualTo(
                new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 65542, "Not enough coins"));
    }

    @Test
    void awaitCommitStillProvesExpiryWithTheNodesChainTime() {
        server.enqueue(notFoundAtChainTime(EXPIRATION));

        assertThat(client.awaitCommitAsync(SUBMITTED, GENEROUS)).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TransactionRejectedException.class);
    }

    @Test
    void aNonPositiveTimeoutOrBadHashIsRefusedBeforeSending() throws Exception {
        assertThatThrownBy(() -> client.awaitTransaction(HASH, Duration.ZERO)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.awaitTransaction("0xnothex", GENEROUS)).isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static Dispatcher always(Supplier<MockResponse> response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response.get();
            }
        };
    }
}
