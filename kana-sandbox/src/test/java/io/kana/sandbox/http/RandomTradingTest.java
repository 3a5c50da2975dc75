package io.kana.sandbox.http;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import io.kana.sandbox.exchange.ExchangeDriver;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.LiveOrder;
import io.kana.sandbox.exchange.PositionState;
import io.kana.sandbox.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many random transactions: determinism for a seed, invariants, several writer threads at once, and
 * simulations that predict transactions and leave no trace, also while transactions commit.
 */
class RandomTradingTest {

    private static final int WALLETS = 6;

    /** One random transaction of a wallet; the book around 5.000 keeps orders crossing now and then. */
    private static ExecutionResult randomStep(ExchangeDriver d, Random random, boolean allowCollapse) {
        String w = wallet(random.nextInt(WALLETS));
        boolean side = random.nextBoolean();
        long lots = 500 + random.nextInt(8) * 250L;
        long ticks = 4_980 + random.nextInt(41);
        int leverage = 1 + random.nextInt(20);
        int kind = random.nextInt(allowCollapse ? 11 : 10);
        return switch (kind) {
            case 0, 1, 2 -> d.limit(w, APT, side, false, lots, ticks, leverage, random.nextInt(4) == 0 ? 3 : 0);
            case 3 -> d.marketOrder(w, APT, side, false, lots, leverage);
            case 4 -> d.limit(w, APT, side, true, lots, ticks, leverage);
            case 5 -> d.marketOrder(w, APT, side, true, lots, leverage);
            case 6 -> {
                List<LiveOrder> open = d.openOrders(w, APT);
                yield open.isEmpty() ? d.run(w, "settle_pnl", w, APT)
                        : d.run(w, "cancel_multiple_orders", APT, List.of(open.get(0).id), List.of(open.get(0).tradeSide));
            }
            case 7 -> d.run(w, "add_margin", APT, side, 1_000L + random.nextInt(100_000));
            case 8 -> d.run(w, "withdraw_specific_market", w, APT, 1_000_000L + random.nextInt(5_000_000));
            case 9 -> d.run(w, "deposit", w, 1_000_000L);
            default -> d.run(w, "collapse_position", APT);
        };
    }

    private static ExchangeDriver fundedDriver(long seed) {
        ExchangeDriver d = new ExchangeDriver(seed);
        for (int i = 0; i < WALLETS; i++) {
            d.exchange.fundWallet(wallet(i), java.math.BigDecimal.valueOf(1_000));
            d.ok(wallet(i), "deposit", wallet(i), 500_000_000L);
        }
        return d;
    }

    /** Everything a client could read about the wallets, as JSON. */
    private static String observe(ExchangeDriver d) {
        try (ApiServer api = new ApiServer(d)) {
            List<Object> seen = new ArrayList<>();
            for (int i = 0; i < WALLETS; i++) {
                String w = wallet(i);
                for (String path : List.of("/getOrderHistory", "/getTradeHistory", "/getPositions", "/getOpenOrders",
                        "/getProfileBalanceSnapshot", "/getNetProfileBalance", "/getWalletAccountBalance")) {
                    seen.add(ApiServer.ok(api.get(path + "?userAddress=" + w + "&limit=1000")).data());
                }
            }
            seen.add(ApiServer.ok(api.get("/getMarketPrice?marketId=1338")).data());
            return Json.write(seen);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertInvariants(ExchangeDriver d, boolean zeroSumOpenInterest) {
        d.assertConserved();
        d.exchange.read((s, h) -> {
            MarketState m = s.markets.get(APT);
            if (m.book.bestBid() != null && m.book.bestAsk() != null) {
                assertThat(m.book.bestBid()).as("book never stays crossed").isLessThan(m.book.bestAsk());
            }
            long longLots = 0;
            long shortLots = 0;
            for (PositionState p : m.positions.values()) {
                assertThat(p.lots).isPositive();
                assertThat(p.closingLots).isBetween(0L, p.lots);
                assertThat(p.margin).isNotNegative();
                if (p.tradeSide) {
                    longLots += p.lots;
                } else {
                    shortLots += p.lots;
                }
            }
            if (zeroSumOpenInterest) {
                assertThat(longLots).as("every fill adds a buyer and a seller").isEqualTo(shortLots);
            }
            for (LiveOrder o : m.book.orders()) {
                assertThat(o.remaining).isPositive();
                assertThat(o.reserved).isNotNegative();
            }
            s.accounts.values().forEach(a -> assertThat(a.balance).isNotNegative());
            return null;
        });
    }

    @Test
    void theSameSeedAndCallsGiveTheSameResults() {
        ExchangeDriver first = fundedDriver(42);
        ExchangeDriver second = fundedDriver(42);
        ExchangeDriver otherSeed = fundedDriver(43);
        Random a = new Random(1);
        Random b = new Random(1);
        Random c = new Random(1);
        int successes = 0;
        for (int i = 0; i < 400; i++) {
            ExecutionResult r1 = randomStep(first, a, false);
            ExecutionResult r2 = randomStep(second, b, false);
            randomStep(otherSeed, c, false);
            assertThat(r2).isEqualTo(r1);
            successes += r1.success() ? 1 : 0;
        }

        assertThat(successes).as("the script really trades").isGreaterThan(150);
        assertThat(first.executions()).hasSizeGreaterThan(50);
        assertThat(observe(second)).isEqualTo(observe(first));
        assertThat(otherSeed.lastOrder().id).isNotEqualTo(first.lastOrder().id);
        assertThat(otherSeed.balance(wallet(0))).isEqualTo(first.balance(wallet(0)));
        assertInvariants(first, true);
    }

    @Test
    void everySimulationPredictsTheTransactionThatFollowsIt() {
        ExchangeDriver d = fundedDriver(11);
        ExchangeDriver dry = d.simulating();
        ExchangeDriver twin = fundedDriver(11);
        Random simulatedSteps = new Random(2);
        Random steps = new Random(2);
        Random twinSteps = new Random(2);
        int successes = 0;
        for (int i = 0; i < 300; i++) {
            ExecutionResult simulated = randomStep(dry, simulatedSteps, true);
            ExecutionResult executed = randomStep(d, steps, true);
            assertThat(randomStep(twin, twinSteps, true)).isEqualTo(executed);
            assertThat(simulated).as("step %d", i).isEqualTo(executed);
            successes += executed.success() ? 1 : 0;
        }

        assertThat(successes).as("the script really trades").isGreaterThan(100);
        assertThat(d.fingerprint()).isEqualTo(twin.fingerprint());
    }

    @Test
    void simulationsWhileTransactionsCommitLeaveNoTrace() throws Exception {
        ExchangeDriver d = fundedDriver(12);
        ExchangeDriver twin = fundedDriver(12);
        int simulators = 2;
        int steps = 300;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger simulations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(simulators + 1);
        try {
            List<Future<?>> dryRuns = new ArrayList<>();
            for (int t = 0; t < simulators; t++) {
                Random random = new Random(100 + t);
                ExchangeDriver dry = d.simulating();
                dryRuns.add(pool.submit(() -> {
                    while (writing.get()) {
                        randomStep(dry, random, true);
                        simulations.incrementAndGet();
                    }
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    assertInvariants(d, false);
                }
            });
            Random random = new Random(3);
            Random twinRandom = new Random(3);
            for (int i = 0; i < steps; i++) {
                assertThat(randomStep(d, random, true)).isEqualTo(randomStep(twin, twinRandom, true));
            }
            writing.set(false);
            for (Future<?> dryRun : dryRuns) {
                dryRun.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        assertThat(simulations.get()).isPositive();
        assertThat(d.fingerprint()).isEqualTo(twin.fingerprint());
        assertInvariants(d, false);
    }

    @Test
    void concurrentWritersAndReadersKeepTheLedgerConserved() throws Exception {
        ExchangeDriver d = fundedDriver(5);
        int threads = 4;
        int steps = 250;
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    assertInvariants(d, false);
                    reads++;
                }
                return reads;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long threadSeed = t;
                writers.add(pool.submit(() -> {
                    Random random = new Random(threadSeed);
                    for (int i = 0; i < steps; i++) {
                        ExecutionResult result = randomStep(d, random, true);
                        if (result.success()) {
                            committed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        assertThat(committed.get()).isGreaterThan(threads * steps / 4);
        assertInvariants(d, false);
        List<Long> versions = d.executions().stream().map(History.Execution::version).toList();
        assertThat(versions).as("transactions commit one after another").isSorted();
        assertThat(d.ledgerVersion()).as("every transaction, failed or not, took a version")
                .isEqualTo(WALLETS + threads * steps);
        assertThat(versions.get(versions.size() - 1)).isLessThanOrEqualTo(d.ledgerVersion());
    }
}
