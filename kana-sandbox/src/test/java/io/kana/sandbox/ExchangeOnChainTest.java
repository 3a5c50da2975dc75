package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.TestBcs;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.testsupport.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real exchange behind the simulated node, over HTTP on both sides: signed transactions go to the
 * node, and what they did is read from the trade API.
 */
class ExchangeOnChainTest {

    static final Instant NOW = Instant.parse("2024-12-31T00:00:00Z");
    static final long EXPIRATION = NOW.getEpochSecond() + 60;
    static final long APT = 1338;

    KanaSandbox sandbox;
    NodeHttp node;
    NodeHttp api;
    final TestWallet alice = TestWallet.seeded(50);
    final TestWallet bob = TestWallet.seeded(51);

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(7).moduleAddress(TestTransaction.MODULE).clock(new MutableClock(NOW))
                .commitDelay(Duration.ZERO).start();
        node = new NodeHttp(sandbox.nodeUrl());
        api = new NodeHttp(sandbox.apiUrl());
        sandbox.fundWallet(alice.address, new BigDecimal("100"));
        sandbox.fundWallet(bob.address, new BigDecimal("100"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static TestTransaction deposit(TestWallet wallet, long sequence, long units) {
        return new TestTransaction(wallet, sequence, EXPIRATION).function("deposit",
                new TestBcs().address(wallet.address).toByteArray(), TestBcs.u64Arg(units));
    }

    static TestTransaction limitOrder(TestWallet wallet, long sequence, boolean isLong, long lots, long ticks,
            long leverage) {
        return new TestTransaction(wallet, sequence, EXPIRATION).function("place_limit_order", TestBcs.u64Arg(APT),
                TestBcs.boolArg(isLong), TestBcs.boolArg(false), TestBcs.u64Arg(lots), TestBcs.u64Arg(ticks),
                TestBcs.u64Arg(leverage), TestBcs.u8Arg(0), TestBcs.u64Arg(0), TestBcs.u64Arg(0));
    }

    /** Submits, waits for the commit and returns the committed transaction. */
    Map<String, Object> commit(TestTransaction tx) {
        assertThat(node.submit(tx.signed()).status()).isEqualTo(202);
        return node.committed(tx.hash());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> simulate(TestTransaction tx) {
        tx.zeroSignature = true;
        NodeHttp.Reply reply = node.post("/transactions/simulate", tx.signed());
        tx.zeroSignature = false;
        assertThat(reply.status()).isEqualTo(200);
        return ((List<Map<String, Object>>) reply.body()).get(0);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String endpoint) {
        NodeHttp.Reply reply = api.get(endpoint);
        assertThat(reply.status()).as(endpoint).isEqualTo(200);
        return (List<Map<String, Object>>) reply.json().get("data");
    }

    static long version(Map<String, Object> committed) {
        return Long.parseLong((String) committed.get("version"));
    }

    @Test
    void theModuleIdIsTheExchangesPerpetualScriptsAtTheModuleAddress() {
        assertThat(sandbox.moduleId()).isEqualTo(TestTransaction.MODULE + "::perpetual_scripts");
    }

    @Test
    void tradeApiTransactionVersionsAreTheCommittedLedgerVersions() {
        Map<String, Object> deposited = commit(deposit(alice, 0, 50_000_000));
        // Two transactions that commit without changing the exchange: a Move abort and a failed resolution.
        assertThat(commit(limitOrder(bob, 0, true, 1000, 5000, 2))).containsEntry("success", false);
        assertThat(commit(new TestTransaction(alice, 1, EXPIRATION).function("no_such_function")))
                .containsEntry("vm_status", "FUNCTION_RESOLUTION_FAILURE");

        Map<String, Object> placed = commit(limitOrder(alice, 2, true, 1000, 5000, 2));

        assertThat(placed).containsEntry("success", true);
        assertThat(version(placed)).isEqualTo(4);
        assertThat(list("getOpenOrders?userAddress=" + alice.address)).singleElement()
                .satisfies(o -> assertThat(((Number) o.get("transaction_version")).longValue())
                        .isEqualTo(version(placed)));
        assertThat(list("getDepositAndWithdrawHistory?userAddress=" + alice.address)).singleElement()
                .satisfies(t -> assertThat(((Number) t.get("transaction_version")).longValue())
                        .isEqualTo(version(deposited)));
    }

    /** Everything a client can read about both wallets, from the node and from the trade API. */
    List<Object> observe() {
        List<Object> seen = new ArrayList<>();
        seen.add(node.get("").json());
        for (TestWallet wallet : List.of(alice, bob)) {
            seen.add(node.get("/accounts/" + wallet.address).json());
            seen.add(sandbox.aptBalanceOctas(wallet.address));
            for (String endpoint : List.of("getProfileBalanceSnapshot", "getNetProfileBalance",
                    "getWalletAccountBalance", "getOpenOrders", "getOrderHistory", "getTradeHistory", "getPositions",
                    "getFills", "getDepositAndWithdrawHistory")) {
                seen.add(api.get(endpoint + "?userAddress=" + wallet.address).json());
            }
        }
        for (String endpoint : List.of("getMarketInfo", "getAllTrades", "getLastPlacedPrice")) {
            seen.add(api.get(endpoint + "?marketId=" + APT).json());
        }
        return seen;
    }

    @Test
    void simulationsAnswerAsTheCommitWouldAndChangeNothing() {
        commit(deposit(alice, 0, 2_000_000));
        commit(deposit(bob, 0, 100_000_000));
        commit(limitOrder(bob, 1, false, 2000, 5000, 2));
        BigInteger asksId = new BigInteger((String) list("getOpenOrders?userAddress=" + bob.address).get(0)
                .get("order_id"));
        List<Object> before = observe();

        // 3 APT at 5 USDC with leverage 1 needs 15 USDC of margin; alice has 2.
        TestTransaction tooBig = limitOrder(alice, 1, true, 3000, 5000, 1);
        Map<String, Object> refused = simulate(tooBig);
        // 0.5 APT at leverage 5 fits, and takes from bob's ask: a trade, fees, two positions.
        Map<String, Object> taken = simulate(limitOrder(alice, 1, true, 500, 5000, 5));

        assertThat(refused).containsEntry("success", false).containsEntry("gas_used", "400");
        assertThat((String) refused.get("vm_status")).startsWith(
                "Move abort in " + TestTransaction.MODULE + "::perpetual_scripts: E_INSUFFICIENT_MARGIN(0x4): ");
        assertThat(taken).containsEntry("success", true).containsEntry("vm_status", "Executed successfully");
        assertThat(observe()).as("sequence numbers, balances, books, histories and counters").isEqualTo(before);

        Map<String, Object> refusedForReal = commit(tooBig);
        assertThat(refusedForReal).containsEntry("success", false)
                .containsEntry("vm_status", refused.get("vm_status")).containsEntry("gas_used", "400");
        Map<String, Object> takenForReal = commit(limitOrder(alice, 2, true, 500, 5000, 5));
        assertThat(takenForReal).containsEntry("success", true).containsEntry("gas_used", taken.get("gas_used"));
        assertThat(list("getOrderHistory?userAddress=" + alice.address)).singleElement().satisfies(o -> {
            assertThat(o).containsEntry("status", "Filled");
            assertThat(new BigInteger((String) o.get("order_id"))).as("no simulation took an order id")
                    .isEqualTo(asksId.add(BigInteger.ONE));
        });
        assertThat(list("getPositions?userAddress=" + alice.address)).hasSize(1);
    }
}
