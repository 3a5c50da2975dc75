package io.kana.aptos.submit;

import io.kana.aptos.tx.SignedTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.node.AccountInfo;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent orders against a model of a node's mempool that loses answers, throttles and refuses at
 * random. Whatever happens, no order may reach the mempool twice, and every error must tell the truth
 * about whether the order may exist.
 */
class SubmitterStressTest {

    private static final int ORDERS = 300;
    private static final long FIRST_NUMBER = 1_000;

    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private final ExecutorService network = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        network.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void lostAnswersAndThrottlingNeverDuplicateAndEveryOrderLandsOnce() {
        ChaosNode node = new ChaosNode(network, 11, 0.15, 0.2, 0, 0);

        Map<String, CompletableFuture<SubmittedTransaction>> results = placeConcurrently(node);

        assertTruthful(node, results);
        assertThat(results.values()).allSatisfy(result -> assertThat(result).isCompleted().isNotCompletedExceptionally());
        assertThat(node.acceptedOrders()).hasSize(ORDERS);
        assertThat(node.committedCount()).isEqualTo(FIRST_NUMBER + ORDERS);
        assertThat(node.lostAnswers()).as("chaos actually happened").isGreaterThan(ORDERS / 5);
    }

    @Test
    void refusalsAndAForeignUserOfTheAccountNeverDuplicateAndErrorsTellTheTruth() {
        ChaosNode node = new ChaosNode(network, 29, 0.1, 0.15, 0.05, 0.03);

        Map<String, CompletableFuture<SubmittedTransaction>> results = placeConcurrently(node);

        assertTruthful(node, results);
        assertThat(node.refusals()).as("refusals happened").isPositive();
        assertThat(node.foreignTransactions()).as("foreign transactions happened").isPositive();
        List<KanaException> errors = results.values().stream().filter(CompletableFuture::isCompletedExceptionally)
                .map(SubmitterStressTest::cause).toList();
        assertThat(errors).allSatisfy(error -> assertThat(error)
                .isInstanceOfAny(TransactionRejectedException.class, TransactionOutcomeUnknownException.class));
        assertThat(errors).filteredOn(error -> error instanceof TransactionRejectedException refusal
                && refusal.errorCode().equals("vm_error")).hasSize(node.refusals());
    }

    private Map<String, CompletableFuture<SubmittedTransaction>> placeConcurrently(ChaosNode node) {
        SubmitterSettings settings = SubmitterSettings.defaults().withRetryBackoff(Duration.ofMillis(1));
        AptosTransactionSubmitter submitter = new AptosTransactionSubmitter(new TestWallet(), node, new FakeSigning(),
                settings, scheduler, new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
        Map<String, CompletableFuture<SubmittedTransaction>> results = new TreeMap<>();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String id = "order-" + i;
            CompletableFuture<SubmittedTransaction> result = new CompletableFuture<>();
            results.put(id, result);
            calls.add(CompletableFuture.runAsync(() -> submitter.submit(AptosTransactionSubmitterTest.payload(
                    "0x1::perps::place", id)).whenComplete((tx, error) -> {
                        if (error == null) {
                            result.complete(tx);
                        } else {
                            result.completeExceptionally(error);
                        }
                    }), callers));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        CompletableFuture.allOf(results.values().toArray(CompletableFuture[]::new))
                .handle((ignored, error) -> null).orTimeout(30, TimeUnit.SECONDS).join();
        submitter.close();
        return results;
    }

    private static void assertTruthful(ChaosNode node, Map<String, CompletableFuture<SubmittedTransaction>> results) {
        assertThat(node.conflicts()).as("two of our transactions competed for one number").isZero();
        assertThat(node.ordersAcceptedTwice()).as("orders that reached the mempool twice").isEmpty();
        results.forEach((order, result) -> {
            assertThat(result).as(order).isDone();
            String accepted = node.acceptedOrders().get(order);
            if (!result.isCompletedExceptionally()) {
                assertThat(result.join().hash()).as(order).isEqualTo(accepted);
                return;
            }
            KanaException error = cause(result);
            if (accepted != null) {
                assertThat(error.effectMayExist()).as(order + " was accepted but the caller got " + error).isTrue();
            }
            if (!error.effectMayExist()) {
                assertThat(accepted).as(order + " said not to exist: " + error).isNull();
            }
        });
    }

    private static KanaException cause(CompletableFuture<?> result) {
        try {
            result.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(KanaException.class);
            return (KanaException) e.getCause();
        }
    }

    /**
     * A model of one account in a node's mempool: transactions wait by sequence number and commit in an
     * unbroken run from the account's count. Faults are drawn per order and send, so each order meets
     * the same luck in every run; the fourth and later sends of one transaction are never throttled, so
     * in the absence of refusals every order eventually lands.
     */
    private static final class ChaosNode extends ModelNode {
        private final ExecutorService network;
        private final long seed;
        private final double throttle;
        private final double dropAfterAccepting;
        private final double refuse;
        private final double foreign;
        private final Random foreignLuck;

        // guarded by this
        private long committed = FIRST_NUMBER;
        private final Map<Long, String> mempool = new HashMap<>();
        private final Map<String, String> orderByHash = new HashMap<>();
        private final Set<String> committedHashes = new HashSet<>();
        private final Map<String, Set<String>> acceptedHashesByOrder = new HashMap<>();
        private final Map<String, Integer> sends = new HashMap<>();
        private int conflicts;
        private int lost;
        private int refused;
        private int foreignCount;

        ChaosNode(ExecutorService network, long seed, double throttle, double dropAfterAccepting, double refuse,
                double foreign) {
            this.network = network;
            this.seed = seed;
            this.throttle = throttle;
            this.dropAfterAccepting = dropAfterAccepting;
            this.refuse = refuse;
            this.foreign = foreign;
            this.foreignLuck = new Random(seed);
        }

        @Override
        public CompletableFuture<Void> submit(SignedTransaction signed) {
            return CompletableFuture.runAsync(() -> arrive(signed), network);
        }

        private synchronized void arrive(SignedTransaction signed) {
            String hash = signed.hash();
            String order = FakeSigning.orderOf(signed);
            long number = signed.sequenceNumber();
            int send = sends.merge(hash, 1, Integer::sum);
            Random luck = new Random(seed * 31 + order.hashCode() * 17L + sends.merge(order, 1, Integer::sum));
            if (foreignLuck.nextDouble() < foreign && !mempool.containsKey(committed)) {
                foreignCount++;
                committed++; // another process with the same key took the next number
                commitRun();
            }
            if (send <= 3 && luck.nextDouble() < throttle) {
                lost++;
                throw new TransactionRejectedException(luck.nextBoolean() ? 503 : 429, "throttled", null, "try later");
            }
            if (send == 1 && luck.nextDouble() < refuse) {
                refused++;
                throw new TransactionRejectedException(400, "vm_error", 5L, "insufficient balance for the fee");
            }
            if (committedHashes.contains(hash) || number < committed) {
                throw new TransactionRejectedException(400, "sequence_number_too_old", null, "too old");
            }
            String waiting = mempool.get(number);
            if (waiting != null && !waiting.equals(hash)) {
                conflicts++;
                throw new TransactionRejectedException(400, "invalid_transaction_update", null, "taken");
            }
            mempool.put(number, hash);
            orderByHash.put(hash, order);
            acceptedHashesByOrder.computeIfAbsent(order, key -> new HashSet<>()).add(hash);
            commitRun();
            if (luck.nextDouble() < dropAfterAccepting) {
                lost++;
                throw new UncheckedIOException(new IOException("connection reset after the node accepted"));
            }
        }

        private void commitRun() {
            String next;
            while ((next = mempool.remove(committed)) != null) {
                committedHashes.add(next);
                committed++;
            }
        }

        @Override
        public synchronized CompletableFuture<Boolean> isKnown(String hash) {
            return CompletableFuture.completedFuture(orderByHash.containsKey(hash));
        }

        @Override
        public synchronized CompletableFuture<AccountInfo> account(AccountAddress address) {
            return CompletableFuture.completedFuture(new AccountInfo(BigInteger.valueOf(committed), address.hex()));
        }

        @Override
        public CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        synchronized Map<String, String> acceptedOrders() {
            Map<String, String> accepted = new HashMap<>();
            acceptedHashesByOrder.forEach((order, hashes) -> accepted.put(order, hashes.iterator().next()));
            return accepted;
        }

        synchronized List<String> ordersAcceptedTwice() {
            return acceptedHashesByOrder.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                    .map(Map.Entry::getKey).toList();
        }

        synchronized long committedCount() {
            return committed;
        }

        synchronized int conflicts() {
            return conflicts;
        }

        synchronized int lostAnswers() {
            return lost;
        }

        synchronized int refusals() {
            return refused;
        }

        synchronized int foreignTransactions() {
            return foreignCount;
        }
    }
}
