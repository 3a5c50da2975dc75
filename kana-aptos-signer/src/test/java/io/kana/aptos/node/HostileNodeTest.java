package io.kana.aptos.node;

import static io.kana.aptos.node.NodeFixtures.LEDGER_INFO;
import static io.kana.aptos.node.NodeFixtures.PLACE_ORDER;
import static io.kana.aptos.node.NodeFixtures.SIGNED_HERE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.port.HttpTimeouts;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** A node that drips, floods, redirects or names another transaction: every answer bounded and typed. */
class HostileNodeTest extends MockNodeTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Test
    void aNodeDrippingItsAnswerEndsInATypedErrorAtTheCallTimeout() {
        AptosNodeClient dripped = clientBuilder().timeouts(HttpTimeouts.DEFAULT.withCall(Duration.ofMillis(300))).build();
        for (int i = 0; i < 3; i++) { // every read attempt drips
            server.enqueue(new MockResponse().setBody(LEDGER_INFO).throttleBody(1, 1, TimeUnit.SECONDS));
        }
        long start = System.nanoTime();

        CompletableFuture<LedgerInfo> read = CompletableFuture.supplyAsync(dripped::ledgerInfo);

        assertThat(read).failsWithin(HANG_GUARD).withThrowableOfType(Exception.class)
                .havingRootCause().isInstanceOf(IOException.class);
        assertThat(read.handle((ok, error) -> error.getCause())).succeedsWithin(HANG_GUARD)
                .isInstanceOf(KanaTransportException.class);
        System.out.printf("dripping node: typed error after %d ms (call timeout 300 ms, 3 attempts)%n",
                (System.nanoTime() - start) / 1_000_000);
        dripped.close();
    }

    @Test
    void aSubmissionWhoseAnswerDripsIsOutcomeUnknownAtTheCallTimeout() {
        AptosNodeClient dripped = clientBuilder().timeouts(HttpTimeouts.DEFAULT.withCall(Duration.ofMillis(300))).build();
        server.enqueue(new MockResponse().setResponseCode(202).setBody(NodeFixtures.pendingTransaction(PLACE_ORDER))
                .throttleBody(1, 1, TimeUnit.SECONDS));

        assertThat(dripped.submitAsync(PLACE_ORDER.bytes())).failsWithin(HANG_GUARD)
                .withThrowableOfType(Exception.class).havingCause().isInstanceOf(TransactionOutcomeUnknownException.class)
                .satisfies(e -> assertThat(((TransactionOutcomeUnknownException) e).hash()).isEqualTo(PLACE_ORDER.hash()));
        dripped.close();
    }

    @Test
    void anAnswerBeyondTheCapIsATypedErrorNotAnOutOfMemoryError() {
        String huge = "{\"chain_id\":2,\"padding\":\"" + "x".repeat(5 << 20) + "\"}";
        for (int i = 0; i < 3; i++) {
            answer(200, huge);
        }

        assertThatThrownBy(client::ledgerInfo).isInstanceOf(KanaTransportException.class)
                .hasMessageContaining("maxResponseBytes").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThat(server.getRequestCount()).as("too long is not retried").isEqualTo(1);
    }

    @Test
    void theCapIsConfigurable() {
        AptosNodeClient small = clientBuilder().maxResponseBytes(1024).build();
        answer(200, LEDGER_INFO.replace("4b3c2f", "x".repeat(2000)));

        assertThatThrownBy(small::ledgerInfo).isInstanceOf(KanaTransportException.class)
                .hasMessageContaining("1024");
        small.close();
    }

    @Test
    void aRefusalWithAHugeMessageIsQuotedShort() {
        answer(400, NodeFixtures.error("invalid_input", "y".repeat(1 << 20), null));

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes())).isInstanceOf(TransactionRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void anAcceptanceNamingAnotherHashIsOutcomeUnknownWithTheLocalHash() {
        String other = "0x" + "ab".repeat(32);
        answer(202, NodeFixtures.pendingTransaction(PLACE_ORDER).replace(PLACE_ORDER.hash(), other));

        assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e -> {
                    assertThat(e.hash()).isEqualTo(PLACE_ORDER.hash());
                    assertThat(e.effectMayExist()).isTrue();
                });
    }

    @Test
    void anAcceptanceNamingAnotherSenderOrNumberIsOutcomeUnknown() {
        String body = NodeFixtures.pendingTransaction(PLACE_ORDER);
        answer(202, body.replace("\"sequence_number\":\"" + PLACE_ORDER.sequenceNumber() + "\"",
                "\"sequence_number\":\"" + (Long.parseLong(PLACE_ORDER.sequenceNumber()) + 1) + "\""));
        answer(202, body.replace(PLACE_ORDER.sender(), "0x" + "cd".repeat(32)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.submit(PLACE_ORDER.bytes()))
                    .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class,
                            e -> assertThat(e.hash()).isEqualTo(PLACE_ORDER.hash()));
        }
    }

    @Test
    void anAcceptanceNamingAnotherTransactionIsOutcomeUnknownForATransactionSignedHereToo() {
        String body = NodeFixtures.pendingTransaction(NodeFixtures.vectorOf(SIGNED_HERE));
        answer(202, body.replace(SIGNED_HERE.hash(), "0x" + "ab".repeat(32)));
        answer(202, body.replace("\"sequence_number\":\"" + SIGNED_HERE.sequenceNumber() + "\"",
                "\"sequence_number\":\"" + (SIGNED_HERE.sequenceNumber() + 1) + "\""));
        answer(202, body.replace(SIGNED_HERE.sender().hex(), "0x" + "cd".repeat(32)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.submit(SIGNED_HERE))
                    .isInstanceOfSatisfying(TransactionOutcomeUnknownException.class, e -> {
                        assertThat(e.hash()).isEqualTo(SIGNED_HERE.hash());
                        assertThat(e).hasMessageContaining("names another transaction");
                    });
        }
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyAndTheTransactionStayHome() throws IOException {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start(InetAddress.getByName("127.0.0.1"), 0);
            AptosNodeClient keyed = clientBuilder().apiKey("secret-node-key").build();
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", elsewhere.url("/v1/transactions")));
            }
            elsewhere.enqueue(new MockResponse().setResponseCode(202).setBody(NodeFixtures.pendingTransaction(PLACE_ORDER)));

            assertThatThrownBy(() -> keyed.submit(PLACE_ORDER.bytes())).isInstanceOf(KanaException.class);
            assertThatThrownBy(keyed::ledgerInfo).isInstanceOf(KanaException.class);

            assertThat(elsewhere.getRequestCount()).isZero();
            keyed.close();
        }
    }

    @Test
    void cleartextToAnotherHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> AptosNodeClient.builder("http://node.example.com/v1").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("allowCleartext");

        AptosNodeClient.builder("http://node.example.com/v1").allowCleartext(true).build().close();
        AptosNodeClient.builder("http://localhost:8080/v1").build().close();
        AptosNodeClient.builder("http://127.0.0.1:8080/v1").build().close();
        AptosNodeClient.builder("http://[::1]:8080/v1").build().close();
        AptosNodeClient.builder("https://node.example.com/v1").build().close();
    }

    @Test
    void credentialsInTheUrlNeverShow() {
        AptosNodeClient.Builder builder = AptosNodeClient.builder("https://alice:hunter2@node.example.com/v1");
        try (AptosNodeClient withCredentials = builder.build()) {
            assertThat(withCredentials.toString()).doesNotContain("hunter2");
        }
        assertThat(builder.toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> AptosNodeClient.builder("https://alice:hunter2@node.example.com/").build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> AptosNodeClient.builder("htps://alice:hunter2@node.example.com/v1").build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
}
