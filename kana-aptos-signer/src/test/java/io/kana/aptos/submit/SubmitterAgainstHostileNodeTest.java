package io.kana.aptos.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.node.AptosNodeClient;
import io.kana.core.port.HttpTimeouts;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The submitter over the real node client, against a loopback node that lags or drips. */
class SubmitterAgainstHostileNodeTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final String HASH = "0x" + "5e".repeat(32);
    private static final String NOT_FOUND = "{\"message\":\"not found\",\"error_code\":\"transaction_not_found\"}";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private MockWebServer server;
    private AptosNodeClient client;
    private AptosTransactionSubmitter submitter;
    /** Expired ten minutes ago by the local clock. */
    private final long expiry = System.currentTimeMillis() / 1000 - 600;
    private final SubmittedTransaction transaction =
            new SubmittedTransaction(HASH, TestWallet.ADDRESS, BigInteger.valueOf(7), expiry);

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = AptosNodeClient.builder(server.url("/v1").toString()).timeouts(HttpTimeouts.DEFAULT.withCall(Duration.ofMillis(500)))
                .pollInterval(Duration.ofMillis(50), Duration.ofMillis(100)).build();
        submitter = AptosTransactionSubmitter.create(new TestWallet(), client, SubmitterSettings.defaults(), scheduler);
    }

    @AfterEach
    void stop() throws IOException {
        submitter.close();
        client.close();
        server.shutdown();
        scheduler.shutdownNow();
    }

    @Test
    void aLaggingNodesNotFoundIsNeverTakenAsNotExecuted() {
        // The node's ledger is a minute short of the expiry: the transaction may yet be in a block it has not seen.
        server.setDispatcher(always(new MockResponse().setResponseCode(404).setBody(NOT_FOUND)
                .setHeader("X-Aptos-Ledger-TimestampUsec", (expiry - 60) * 1_000_000L)));

        CompletableFuture<TransactionOutcome> outcome = submitter.awaitOutcome(transaction, Duration.ofMillis(500));

        assertThat(outcome).failsWithin(HANG_GUARD).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, unknown -> {
                    assertThat(unknown.hash()).isEqualTo(HASH);
                    assertThat(unknown.effectMayExist()).isTrue();
                });
    }

    @Test
    void aNodeWhoseChainTimePassedTheExpiryProvesItWasNotExecuted() {
        server.setDispatcher(always(new MockResponse().setResponseCode(404).setBody(NOT_FOUND)
                .setHeader("X-Aptos-Ledger-TimestampUsec", expiry * 1_000_000L)));

        assertThat(submitter.awaitOutcome(transaction, Duration.ofSeconds(5))).failsWithin(HANG_GUARD)
                .withThrowableOfType(Exception.class).havingCause()
                .isInstanceOfSatisfying(TransactionRejectedException.class,
                        rejected -> assertThat(rejected.effectMayExist()).isFalse());
    }

    @Test
    void theCommitWaitIsHonouredWhenTheNodeDrips() {
        server.setDispatcher(always(new MockResponse().setResponseCode(404).setBody(NOT_FOUND)
                .throttleBody(1, 1, TimeUnit.SECONDS)));
        long start = System.nanoTime();

        CompletableFuture<TransactionOutcome> outcome = submitter.awaitOutcome(transaction, Duration.ofSeconds(1));

        assertThat(outcome).failsWithin(HANG_GUARD).withThrowableOfType(Exception.class).havingCause()
                .isInstanceOf(TransactionOutcomeUnknownException.class);
        System.out.printf("dripping node: awaitOutcome(1 s) ended after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static okhttp3.mockwebserver.Dispatcher always(MockResponse response) {
        return new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                return response.clone();
            }
        };
    }
}
