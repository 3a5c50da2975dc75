package io.kana.sandbox;

import static io.kana.sandbox.exchange.EntryFunctionsTest.contractSignatures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.testsupport.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox follows its contract file: the node publishes it, the trade API builds payloads by it and
 * the module runs calls by argument source; a drifted file makes an upgraded chain.
 */
class ContractDriftTest {

    private static final Instant NOW = Instant.parse("2024-12-31T00:00:00Z");
    private static final long EXPIRATION = NOW.getEpochSecond() + 600;
    private static final String STANDARD = ContractDrift.standard();

    private final TestWallet alice = TestWallet.seeded(70);
    private final TestWallet bob = TestWallet.seeded(71);

    private static KanaSandbox start(String contract) {
        return KanaSandbox.builder().seed(3).contract(contract).clock(new MutableClock(NOW))
                .commitDelay(Duration.ZERO).start();
    }

    /** Every operation with two or more parameters has its first parameter moved to the end. */
    private static String everyOperationReordered() {
        String contract = STANDARD;
        for (PerpsContract.Operation op : PerpsContract.standard().operations()) {
            if (op.args().size() > 1) {
                contract = ContractDrift.reorderParameters(contract, op.name());
            }
        }
        return contract;
    }

    @Test
    void theNodePublishesTheContractsFunctionsAndTypes() {
        String drifted = ContractDrift.addParameter(ContractDrift.reorderParameters(
                ContractDrift.renameFunction(STANDARD, "SETTLE_PNL", "update_position"), "ADD_MARGIN"), "DEPOSIT");
        for (String contract : List.of(STANDARD, drifted)) {
            try (KanaSandbox sandbox = start(contract)) {
                assertThat(new AbiClient(sandbox, EXPIRATION).moduleAbi())
                        .containsExactlyInAnyOrderEntriesOf(contractSignatures(contract));
            }
        }
        assertThat(contractSignatures(drifted)).containsKey("update_position").doesNotContainKey("settle_pnl")
                .containsEntry("add_margin", List.of("bool", "u64", "u64"))
                .containsEntry("deposit", List.of("address", "u64", "u64"));
    }

    @Test
    void payloadsFollowTheContractsOrderAndNames() {
        String drifted = ContractDrift.renameFunction(ContractDrift.reorderParameters(
                ContractDrift.addParameter(STANDARD, "COLLAPSE_POSITION"), "PLACE_LIMIT_ORDER"), "WITHDRAW", "withdraw_v2");
        String limit = "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1.5&price=5.7&leverage=2";
        String withdraw = "/withdrawSpecifiMarket?marketId=1338&amount=2&userAddress=" + alice.address;
        try (KanaSandbox sandbox = start(drifted)) {
            AbiClient client = new AbiClient(sandbox, EXPIRATION);
            String scripts = sandbox.moduleId() + "::";

            assertThat(client.payload(limit, null)).containsEntry("function", scripts + "place_limit_order")
                    .containsEntry("functionArguments", List.of("true", "false", "1500", "5700", "2", "0", "0", "0", "1338"));
            assertThat(client.payload(withdraw, null)).containsEntry("function", scripts + "withdraw_v2")
                    .containsEntry("functionArguments", List.of(alice.address, "1338", "2000000"));
            assertThat(client.payload("/collapsePosition?marketId=1339", null))
                    .containsEntry("functionArguments", List.of("1339", "1339"));
        }
    }

    @Test
    void aContractWithReorderedParametersTradesExactlyLikeTheStandardOne() {
        String reordered = everyOperationReordered();
        assertThat(contractSignatures(reordered)).isNotEqualTo(contractSignatures(STANDARD));

        List<Object> standardRun;
        try (KanaSandbox sandbox = start(STANDARD)) {
            standardRun = everyWriteOperation(sandbox);
        }
        try (KanaSandbox sandbox = start(reordered)) {
            assertThat(everyWriteOperation(sandbox)).isEqualTo(standardRun);
        }
        assertThat(standardRun.toString()).contains("status=Cancelled", "status=Filled");
    }

    @Test
    void anAddedParameterStillRuns() {
        try (KanaSandbox sandbox = start(ContractDrift.addParameter(STANDARD, "PLACE_LIMIT_ORDER"))) {
            AbiClient client = new AbiClient(sandbox, EXPIRATION);
            sandbox.fundWallet(alice.address, new BigDecimal("100"));
            assertThat(client.trade(alice, "/deposit?amount=50&userAddress=" + alice.address, null))
                    .containsEntry("success", true);

            Map<String, Object> placed = client.trade(alice,
                    "/placeLimitOrder?marketId=1338&tradeSide=false&direction=false&size=1&price=5.5&leverage=2", null);

            assertThat(placed).containsEntry("success", true);
            assertThat(client.moduleAbi().get("place_limit_order")).hasSize(10).endsWith("u64");
            assertThat((List<?>) data(client, "/getOpenOrders?userAddress=" + alice.address)).singleElement()
                    .satisfies(o -> assertThat(((Map<?, ?>) o).get("price")).isEqualTo("5.5"))
                    .satisfies(o -> assertThat(((Map<?, ?>) o).get("order_type")).isEqualTo(4.0));
        }
    }

    @Test
    void aRenamedFunctionNoLongerResolvesUnderItsOldName() {
        try (KanaSandbox sandbox = start(ContractDrift.renameFunction(STANDARD, "PLACE_LIMIT_ORDER", "place_order"))) {
            AbiClient client = new AbiClient(sandbox, EXPIRATION);
            sandbox.fundWallet(alice.address, new BigDecimal("100"));
            client.trade(alice, "/deposit?amount=50&userAddress=" + alice.address, null);
            Map<String, Object> payload = client.payload(
                    "/placeLimitOrder?marketId=1338&tradeSide=true&direction=false&size=1&price=4&leverage=2", null);
            TestTransaction old = client.transaction(alice, payload);
            old.function = "place_limit_order";

            assertThat(client.node.submit(old.signed()).status()).isEqualTo(202);
            assertThat(client.node.committed(old.hash())).containsEntry("success", false)
                    .containsEntry("vm_status", "FUNCTION_RESOLUTION_FAILURE");
            TestTransaction renamed = client.transaction(alice, payload);
            assertThat(client.node.submit(renamed.signed()).status()).isEqualTo(202);
            assertThat(client.node.committed(renamed.hash())).containsEntry("success", true);
            assertThat(client.moduleAbi()).containsKey("place_order").doesNotContainKey("place_limit_order");
        }
    }

    @Test
    void driftHelpersEditOneOperationAndRefuseWhatCannotDrift() {
        PerpsContract standard = PerpsContract.standard();
        PerpsContract renamed = PerpsContract.parse(ContractDrift.renameFunction(STANDARD, "DEPOSIT", "deposit_v2"));
        PerpsContract rotated = PerpsContract.parse(ContractDrift.reorderParameters(STANDARD, "CANCEL_MULTIPLE_ORDERS"));
        PerpsContract added = PerpsContract.parse(ContractDrift.addParameter(STANDARD, "WITHDRAW", 1, "address",
                "referrer", "sender"));

        assertThat(renamed.operation("DEPOSIT").functions()).containsExactly("deposit_v2");
        assertThat(rotated.operation("CANCEL_MULTIPLE_ORDERS").moveTypes())
                .containsExactly("vector<u128>", "vector<bool>", "u64");
        assertThat(added.operation("WITHDRAW").moveTypes()).containsExactly("address", "address", "u64", "u64");
        for (PerpsContract.Operation op : standard.operations()) {
            if (!op.name().equals("DEPOSIT")) {
                assertThat(renamed.operation(op.name())).isEqualTo(op);
            }
        }
        assertThatThrownBy(() -> ContractDrift.reorderParameters(STANDARD, "COLLAPSE_POSITION"))
                .hasMessageContaining("fewer than 2");
        assertThatThrownBy(() -> ContractDrift.renameFunction(STANDARD, "TRANSFER", "x"))
                .hasMessageContaining("no operation TRANSFER");
        assertThatThrownBy(() -> ContractDrift.renameFunction(STANDARD, "DEPOSIT", "place_market_order"))
                .hasMessageContaining("published by another operation");
    }

    @Test
    void aContractTheSandboxCannotRunIsRefusedNamingTheLineOrOperation(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> PerpsContract.parse(STANDARD.replace("arg u64 amount amount@quoteUnits",
                "arg u65 amount amount@quoteUnits"))).hasMessageMatching("line \\d+: 'u65' is not a Move type.*");
        assertThatThrownBy(() -> PerpsContract.parse(STANDARD + "\nfrobnicate now\n"))
                .hasMessageContaining("unknown statement 'frobnicate'");
        assertThatThrownBy(() -> PerpsContract.parse(STANDARD.replace("arg u64 leverage leverage",
                "arg u64 leverage amount@quoteUnits"))).hasMessageContaining("operation PLACE_LIMIT_ORDER")
                .hasMessageContaining("amount@quoteUnits");
        assertThatThrownBy(() -> PerpsContract.parse(STANDARD.replace("operation SETTLE_PNL", "operation SETTLE")))
                .hasMessageContaining("SETTLE_PNL");

        Path file = dir.resolve("bad.contract");
        Files.writeString(file, "operation DEPOSIT\n  function maybe deposit\n");
        assertThatThrownBy(() -> KanaSandbox.builder().contract(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
        Path good = dir.resolve("renamed.contract");
        Files.writeString(good, ContractDrift.renameFunction(STANDARD, "COLLAPSE_POSITION", "collapse"));
        try (KanaSandbox sandbox = KanaSandbox.builder().contract(good).start()) {
            assertThat(new AbiClient(sandbox, EXPIRATION).moduleAbi()).containsKey("collapse");
        }
    }

    /**
     * Runs all twelve write operations through the trade API and the node, each committing, and
     * returns everything the trade API then shows about both wallets.
     */
    private List<Object> everyWriteOperation(KanaSandbox sandbox) {
        AbiClient client = new AbiClient(sandbox, EXPIRATION);
        List<Map<String, Object>> committed = new ArrayList<>();
        for (TestWallet w : List.of(alice, bob)) {
            sandbox.fundWallet(w.address, new BigDecimal("1000"));
            committed.add(client.trade(w, "/deposit?amount=500&userAddress=" + w.address, null));
        }
        committed.add(client.trade(bob,
                "/placeLimitOrder?marketId=1338&tradeSide=false&direction=false&size=2&price=5&leverage=5", null));
        committed.add(client.trade(alice,
                "/placeMarketOrder?marketId=1338&tradeSide=true&direction=false&size=1&leverage=10&stopLoss=4", null));
        committed.add(client.trade(alice, "/placeMultipleOrders", """
                {"marketId": 1338, "orderTypes": [true, true], "tradeSides": [true, true], "directions": [false, false],
                 "sizes": [1, 1], "leverages": [2, 2], "prices": [4.5, 4.6], "restriction": 0, "restrictions": [0, 0]}"""));
        List<String> ids = openOrderIds(client, alice);
        committed.add(client.trade(alice, "/cancelMultipleOrders",
                "{\"marketId\": 1338, \"cancelOrderIds\": [\"" + ids.get(0) + "\"], \"orderSides\": [true]}"));
        committed.add(client.trade(alice, "/cancelAndPlaceMultipleOrders",
                "{\"marketId\": 1338, \"cancelOrderIds\": [\"" + ids.get(1) + "\"], \"orderSides\": [true], "
                        + "\"orderTypes\": [true], \"tradeSides\": [true], \"directions\": [false], \"sizes\": [1], "
                        + "\"leverages\": [3], \"prices\": [4.7], \"restrictions\": [3]}"));
        committed.add(client.trade(alice, "/updateTakeProfit?marketId=1338&tradeSide=true&newTakeProfitPrice=6", null));
        committed.add(client.trade(alice, "/updateStopLoss?marketId=1338&tradeSide=true&newStopLossPrice=4.5", null));
        committed.add(client.trade(alice, "/addMargin?marketId=1338&tradeSide=true&amount=1", null));
        sandbox.setMarkPrice(1338, new BigDecimal("5.5"));
        committed.add(client.trade(alice, "/collapsePosition?marketId=1338", null));
        committed.add(client.trade(alice, "/settlePnl?marketId=1338&userAddress=" + alice.address, null));
        committed.add(client.trade(alice, "/withdrawSpecifiMarket?marketId=1338&amount=10&userAddress="
                + alice.address, null));
        assertThat(committed).hasSize(13).allSatisfy(c -> assertThat(c).as("%s", c.get("payload"))
                .containsEntry("success", true));

        List<Object> seen = new ArrayList<>();
        for (TestWallet w : List.of(alice, bob)) {
            for (String read : List.of("getOpenOrders", "getOrderHistory", "getPositions", "getTradeHistory",
                    "getDepositAndWithdrawHistory", "getProfileBalanceSnapshot", "getNetProfileBalance",
                    "getWalletAccountBalance")) {
                seen.add(data(client, "/" + read + "?userAddress=" + w.address));
            }
        }
        return seen;
    }

    @SuppressWarnings("unchecked")
    private static List<String> openOrderIds(AbiClient client, TestWallet wallet) {
        NodeHttp.Reply reply = client.api.get("/getOpenOrders?userAddress=" + wallet.address);
        return ((List<Map<String, Object>>) reply.json().get("data")).stream()
                .map(o -> (String) o.get("order_id")).sorted(java.util.Comparator.comparing(java.math.BigInteger::new))
                .toList();
    }

    private static Object data(AbiClient client, String pathAndQuery) {
        NodeHttp.Reply reply = client.api.get(pathAndQuery);
        assertThat(reply.status()).as(pathAndQuery).isEqualTo(200);
        return reply.json().get("data");
    }
}
