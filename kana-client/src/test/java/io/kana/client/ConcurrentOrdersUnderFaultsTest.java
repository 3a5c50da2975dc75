package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.node.TransactionStatus;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Order;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxFaults;
import io.kana.sandbox.SandboxFaults.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 300 orders placed at once, all in flight together, while the node loses submit answers (after
 * accepting them), answers 503 and 429, and every answer is a little late. The node keeps at most 100
 * transactions of one account in its mempool; the submitter's uncommitted window keeps below that. Every call ends with its committed result or a typed error
 * whose {@link KanaException#effectMayExist()} is truthful; once the calls that certainly placed nothing
 * are placed again, exactly 300 orders exist, none twice.
 */
class ConcurrentOrdersUnderFaultsTest {

    private static final int ORDERS = 300;
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
    /** How one call ended. */
    private record Ending(TradeResult result, KanaException error) {
        boolean committed() {
            return result != null;
        }
    }

    /**
     * Order {@code i} bids 0.5 APT at 3 + i ticks: every price is distinct, so each order on the book
     * tells which call placed it, and no two bids cross.
     */
    private static LimitOrderRequest order(int i) {
        return LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("0.5"),
                new BigDecimal("3.000").add(BigDecimal.valueOf(i, 3)), 2);
    }

    @Test
    void everyOrderExistsExactlyOnceAndEveryErrorTellsTheTruth() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(42).start();
                KanaClient client = SandboxWallets.funded(sandbox, KEY_A, "2000",
                        Execution.awaitCommit(COMMIT_TIMEOUT), SETTINGS.withRetryBackoff(Duration.ofMillis(50)))) {
            KanaTrader trader = client.trader();
            KanaTrader.join(trader.deposit(dec("1000")));
            KanaTrader.join(trader.placeLimitOrder(order(0)));  // warm-up: rules, chain id, ABI, gas price
            sandbox.resetRequestCounts();
            SandboxFaults faults = sandbox.faults()
                    .dropAnswerAfterSubmit(0.10)
                    .serviceUnavailable(Target.SUBMIT, 0.05)
                    .rateLimited(Target.SUBMIT, 0.02)
                    .latency(Target.SUBMIT, Duration.ofMillis(3))
                    .latency(Target.TRADE_API, Duration.ofMillis(1))
                    .latency(Target.NODE_READS, Duration.ofMillis(1));

            long started = System.nanoTime();
            List<CompletableFuture<TradeResult>> calls = new ArrayList<>();
            for (int i = 1; i <= ORDERS; i++) {
                calls.add(trader.placeLimitOrder(order(i)));
            }
            Map<Integer, Ending> endings = new HashMap<>();
            for (int i = 1; i <= ORDERS; i++) {
                endings.put(i, ending(calls.get(i - 1)));
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            long dropped = faults.droppedAnswerCount();
            long unavailable = faults.unavailableCount();
            long rateLimited = faults.rateLimitedCount();
            long submits = sandbox.requestCount("/v1/transactions");
            faults.reset();

            // An error that says the order may exist must name the transaction, so it can be looked up.
            Map<Integer, TransactionStatus.Phase> lookedUp = new HashMap<>();
            endings.forEach((i, ending) -> {
                if (!ending.committed() && ending.error().effectMayExist()) {
                    assertThat(ending.error()).isInstanceOf(TransactionOutcomeUnknownException.class);
                    String hash = ((TransactionOutcomeUnknownException) ending.error()).hash();
                    assertThat(hash).as("hash of unknown outcome %s", ending.error().getMessage()).isNotNull();
                    lookedUp.put(i, settle(client, hash));
                }
            });

            Map<BigDecimal, List<Order>> book = byPrice(client.orders().openOrders(client.wallet(), APT));
            assertThat(book.values()).as("no order placed twice").allSatisfy(same -> assertThat(same).hasSize(1));
            List<Integer> toPlaceAgain = new ArrayList<>();
            endings.forEach((i, ending) -> {
                boolean onBook = book.containsKey(order(i).price().stripTrailingZeros());
                if (ending.committed()) {
                    assertThat(onBook).as("committed order %s is on the book", i).isTrue();
                } else if (!ending.error().effectMayExist()) {
                    assertThat(onBook).as("order %s failed with %s but exists", i, ending.error()).isFalse();
                    toPlaceAgain.add(i);
                } else {
                    assertThat(onBook).as("order %s is on the book exactly when its transaction committed", i)
                            .isEqualTo(lookedUp.get(i) == TransactionStatus.Phase.COMMITTED);
                    if (!onBook) {
                        toPlaceAgain.add(i);
                    }
                }
            });

            toPlaceAgain.forEach(i -> assertThat(KanaTrader.join(trader.placeLimitOrder(order(i))).committed()).isTrue());

            List<Order> open = client.orders().openOrders(client.wallet(), APT);
            assertThat(open).hasSize(ORDERS + 1);
            assertThat(open.stream().map(Order::orderId).collect(Collectors.toSet())).hasSize(ORDERS + 1);
            assertThat(byPrice(open)).hasSize(ORDERS + 1);
            assertThat(client.orders().orderHistory(client.wallet(), APT, PageRequest.of(0, 1000, SortOrder.ASC)))
                    .hasSize(ORDERS + 1);
            // The deposit, the warm-up order and 300 orders: every committed transaction placed one order.
            assertThat(client.node().account(client.wallet().address()).sequenceNumber()).isEqualTo(BigInteger.valueOf(ORDERS + 2));

            long unknown = endings.values().stream().filter(e -> !e.committed() && e.error().effectMayExist()).count();
            System.out.printf("reliability: %d orders in %d ms, %d committed at once, %d certainly not placed, %d unknown "
                            + "(%d of them committed); faults: %d answers dropped, %d x 503, %d x 429; %d submit "
                            + "requests (%d beyond one per transaction); %d placed again%n",
                    ORDERS, elapsedMillis, endings.values().stream().filter(Ending::committed).count(),
                    endings.values().stream().filter(e -> !e.committed() && !e.error().effectMayExist()).count(),
                    unknown, lookedUp.values().stream().filter(p -> p == TransactionStatus.Phase.COMMITTED).count(),
                    dropped, unavailable, rateLimited, submits, submits - ORDERS, toPlaceAgain.size());
            Map<String, Long> errorTypes = endings.values().stream().filter(e -> !e.committed())
                    .collect(Collectors.groupingBy(e -> e.error().getClass().getSimpleName(), Collectors.counting()));
            System.out.println("reliability: errors " + errorTypes);
        }
    }

    private static Ending ending(CompletableFuture<TradeResult> call) {
        try {
            TradeResult result = call.join();
            assertThat(result.committed()).isTrue();
            return new Ending(result, null);
        } catch (CompletionException e) {
            assertThat(e.getCause()).as("every failure is typed").isInstanceOf(KanaException.class);
            return new Ending(null, (KanaException) e.getCause());
        }
    }

    /**
     * Where an unknown transaction ended, once every call returned and the faults are off: nothing
     * sends it any more, so a hash the node does not know will never commit.
     */
    private static TransactionStatus.Phase settle(KanaClient client, String hash) {
        TransactionStatus status = client.node().transactionByHash(hash);
        if (status.phase() == TransactionStatus.Phase.PENDING) {
            try {
                client.node().awaitTransaction(hash, COMMIT_TIMEOUT);
            } catch (TransactionOutcomeUnknownException e) {
                // Parked behind a gap until it expired: the node has dropped it.
            }
            return client.node().transactionByHash(hash).phase();
        }
        return status.phase();
    }

    private static Map<BigDecimal, List<Order>> byPrice(List<Order> orders) {
        return orders.stream().collect(Collectors.groupingBy(o -> o.price().stripTrailingZeros()));
    }

}
