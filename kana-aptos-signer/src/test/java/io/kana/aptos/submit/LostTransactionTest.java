package io.kana.aptos.submit;

import io.kana.aptos.tx.SignedTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.node.AccountInfo;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import io.kana.testsupport.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A node that accepts one transaction (202) and then loses it: the account's count stays below it, and every
 * later transaction is parked in the mempool behind the hole until it expires.
 */
class LostTransactionTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final int ORDERS = 60;

    private final MutableClock clock = new MutableClock(START);
    private final ChainModel chain = new ChainModel(clock);
    private final FakeSigning signing = new FakeSigning();
    private final AptosTransactionSubmitter submitter = new AptosTransactionSubmitter(new TestWallet(), chain, signing,
            SubmitterSettings.defaults(), new ManualScheduler(), clock);

    @Test
    void oneLostTransactionAmongSixtyOrdersIsHealedAndTheOrdersBehindItCommit() {
        chain.loseFirstTransactionOf("order-5");
        List<SubmittedTransaction> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            placed.add(submitter.submit(AptosTransactionSubmitterTest.payload("0x1::perps::place", "order-" + i)).join());
            clock.advance(Duration.ofSeconds(1));
        }

        int failed = 0;
        Set<String> committedOrders = new HashSet<>();
        for (SubmittedTransaction tx : placed) {
            try {
                TransactionOutcome outcome = submitter.awaitOutcome(tx, Duration.ofSeconds(5)).join();
                committedOrders.add(chain.orderOf(outcome.hash()));
            } catch (RuntimeException e) {
                failed++;
            }
        }

        assertThat(failed).as("orders failed").isZero();
        assertThat(committedOrders).hasSize(ORDERS);
        assertThat(chain.committedCount()).as("each order committed once").isEqualTo(ORDERS);
        // Signed again: the lost one and the one that expired, parked behind it, while the hole was found.
        assertThat(signing.signed()).hasSizeLessThanOrEqualTo(ORDERS + 2);
        assertThat(chain.accountReads()).as("account reads").isBetween(2, 5);
    }

    @Test
    void aTransactionTheCallerWasToldDidNotExecuteIsNeverSignedAgain() {
        chain.loseFirstTransactionOf("order-0");
        SubmittedTransaction lost = submitter.submit(AptosTransactionSubmitterTest.payload("0x1::perps::place", "order-0")).join();
        clock.advance(Duration.ofSeconds(30));

        Throwable error = AptosTransactionSubmitterTest.failure(submitter.awaitOutcome(lost, Duration.ofSeconds(5)));
        submitter.submit(AptosTransactionSubmitterTest.payload("0x1::perps::place", "order-1")).join();

        assertThat(error).isInstanceOf(TransactionRejectedException.class);
        assertThat(signing.signed()).hasSize(2);
        assertThat(chain.committedOrders()).containsExactly("order-1");
    }

    /** A node and chain in one: commits consecutive numbers as they arrive, at chain time = the clock. */
    static final class ChainModel extends ModelNode {

        private final MutableClock clock;
        private final Set<String> toLose = new HashSet<>();
        private final TreeMap<Long, SignedTransaction> mempool = new TreeMap<>();
        private final Map<String, SignedTransaction> committed = new HashMap<>();
        private final List<String> committedOrders = new ArrayList<>();
        private long count;
        private int accountReads;

        ChainModel(MutableClock clock) {
            this.clock = clock;
        }

        synchronized void loseFirstTransactionOf(String order) {
            toLose.add(order);
        }

        synchronized int accountReads() {
            return accountReads;
        }

        synchronized long committedCount() {
            return count;
        }

        synchronized List<String> committedOrders() {
            return List.copyOf(committedOrders);
        }

        synchronized String orderOf(String hash) {
            return FakeSigning.orderOf(committed.get(hash));
        }

        private long chainSecs() {
            return clock.millis() / 1000;
        }

        private void commitRun() {
            SignedTransaction next;
            while ((next = mempool.remove(count)) != null && next.expirationTimestampSecs() > chainSecs()) {
                committed.put(next.hash(), next);
                committedOrders.add(FakeSigning.orderOf(next));
                count++;
            }
        }

        @Override
        public synchronized CompletableFuture<AccountInfo> account(AccountAddress address) {
            accountReads++;
            commitRun();
            return CompletableFuture.completedFuture(
                    new AccountInfo(BigInteger.valueOf(count), address.hex(), clock.millis() * 1000));
        }

        @Override
        public synchronized CompletableFuture<Void> submit(SignedTransaction signedTransaction) {
            commitRun();
            long number = signedTransaction.sequenceNumber();
            if (number < count) {
                return CompletableFuture.failedFuture(
                        new TransactionRejectedException(400, "sequence_number_too_old", null, "too old"));
            }
            if (!toLose.remove(FakeSigning.orderOf(signedTransaction))) {
                mempool.put(number, signedTransaction);
                commitRun();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Boolean> isKnown(String hash) {
            return CompletableFuture.completedFuture(committed.containsKey(hash)
                    || mempool.values().stream().anyMatch(signed -> signed.hash().equals(hash)));
        }

        @Override
        public synchronized CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout) {
            commitRun();
            if (committed.containsKey(transaction.hash())) {
                return CompletableFuture.completedFuture(new TransactionOutcome(transaction.hash(), BigInteger.ONE, true,
                        BigInteger.TEN, "Executed successfully", null));
            }
            if (chainSecs() >= transaction.expirationTimestampSecs()) {
                return CompletableFuture.failedFuture(new TransactionRejectedException(404, "transaction_not_found", 6L,
                        "expired on chain"));
            }
            return CompletableFuture.failedFuture(new TimeoutException("pending"));
        }
    }
}
