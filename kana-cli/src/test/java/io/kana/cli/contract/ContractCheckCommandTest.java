package io.kana.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCli;
import io.kana.core.contract.KanaContract;
import io.kana.core.trading.TradeOperation;
import io.kana.sandbox.ContractDrift;
import io.kana.sandbox.KanaSandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kana contract check}, run in-process as {@code java -jar kana.jar} runs it, against an
 * embedded sandbox that publishes the contract's module.
 */
class ContractCheckCommandTest {

    private static KanaSandbox sandbox;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        sandbox = KanaSandbox.builder().seed(3).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void untampered() {
        sandbox.tamperPayloads(UnaryOperator.identity());
        sandbox.resetRequestCounts();
    }

    @Test
    void theSandboxConfirmsEveryOperationOfTheSdksContract() {
        Run run = kana(sandboxEnvironment(), "contract", "check");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        for (TradeOperation operation : TradeOperation.values()) {
            assertThat(run.line(operation)).as(run.toString()).endsWith(" confirmed");
        }
        assertThat(run.out()).contains("12 operations: 12 confirmed");
        assertThat(sandbox.requestCount("/placeLimitOrder")).as("without --payloads no payload is fetched").isZero();
    }

    @Test
    void withPayloadsEveryPayloadIsFetchedCheckedAndNothingIsSubmitted() {
        Run run = kana(sandboxEnvironment(), "contract", "check", "--payloads");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        for (TradeOperation operation : TradeOperation.values()) {
            assertThat(run.line(operation)).as(run.toString()).endsWith(" confirmed");
        }
        KanaContract contract = KanaContract.standard();
        for (TradeOperation operation : TradeOperation.values()) {
            assertThat(sandbox.requestCount(contract.operation(operation).endpoint().path()))
                    .as(operation + "'s payload").isEqualTo(1);
        }
        assertThat(sandbox.requestCount("/v1/transactions")).as("nothing submitted").isZero();
    }

    @Test
    void aContractFileWithARenamedFunctionAndAnAddedParameterFailsNamingBoth() throws IOException {
        Path drifted = contractFile(ContractDrift.renameFunction(
                ContractDrift.addParameter(ContractDrift.standard(), "ADD_MARGIN"), "DEPOSIT", "deposit_to_profile"));

        Run run = kana(sandboxEnvironment(), "contract", "check", "--contract", drifted.toString());

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.line(TradeOperation.DEPOSIT)).contains("deposit_to_profile").endsWith(" missing");
        assertThat(run.line(TradeOperation.ADD_MARGIN)).contains("add_margin(u64, bool, u64)").endsWith(" mismatch");
        assertThat(run.out()).contains("expects add_margin(u64, bool, u64, u64)");
        assertThat(run.line(TradeOperation.PLACE_LIMIT_ORDER)).endsWith(" confirmed");
        assertThat(run.out()).contains("12 operations: 10 confirmed, 1 mismatch, 1 missing");
    }

    @Test
    void aDriftedChainFailsNamingEachDriftedOperationAndNothingIsSubmitted() {
        String drifted = ContractDrift.reorderParameters(ContractDrift.addParameter(ContractDrift.renameFunction(
                ContractDrift.standard(), "PLACE_LIMIT_ORDER", "place_order_v2"), "UPDATE_STOP_LOSS"), "PLACE_MARKET_ORDER");
        try (KanaSandbox upgraded = KanaSandbox.builder().seed(4).contract(drifted).start()) {
            Run run = kana(environment(upgraded), "contract", "check", "--payloads");

            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.DRIFT);
            assertThat(run.line(TradeOperation.PLACE_LIMIT_ORDER)).contains("place_limit_order").endsWith(" missing");
            assertThat(run.line(TradeOperation.UPDATE_STOP_LOSS))
                    .contains("update_stop_loss(u64, bool, u64, u64)").endsWith(" mismatch");
            assertThat(run.line(TradeOperation.PLACE_MARKET_ORDER)).endsWith(" mismatch");
            assertThat(run.out()).contains("12 operations: 9 confirmed, 2 mismatch, 1 missing");
            assertThat(upgraded.requestCount("/v1/transactions")).as("nothing submitted").isZero();
        }
    }

    @Test
    void aContractFileThatFollowsTheUpgradeConfirmsTheDriftedChainPayloadsIncluded() throws IOException {
        String upgrade = ContractDrift.addParameter(ContractDrift.renameFunction(
                ContractDrift.standard(), "SETTLE_PNL", "refresh_position"), "WITHDRAW");
        try (KanaSandbox upgraded = KanaSandbox.builder().seed(5).contract(upgrade).start()) {
            Run run = kana(environment(upgraded), "contract", "check", "--payloads", "--contract",
                    contractFile(upgrade).toString());

            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.line(TradeOperation.SETTLE_PNL)).contains("refresh_position(address, u64)");
            assertThat(run.line(TradeOperation.WITHDRAW)).contains("withdraw_specific_market(address, u64, u64, u64)");
            assertThat(run.out()).contains("12 operations: 12 confirmed");
        }
    }

    @Test
    void aPayloadThatDiffersFromTheContractIsAMismatchAndNothingIsSubmitted() {
        sandbox.tamperPayloads(p -> p.endpoint().equals("/collapsePosition") ? p.withArgument(0, "999") : p);

        Run run = kana(sandboxEnvironment(), "contract", "check", "--payloads");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.line(TradeOperation.COLLAPSE_POSITION)).endsWith(" mismatch");
        assertThat(run.out()).contains("payload:").contains("999");
        assertThat(run.line(TradeOperation.SETTLE_PNL)).endsWith(" confirmed");
        assertThat(sandbox.requestCount("/v1/transactions")).isZero();
    }

    @Test
    void jsonIsOneDocumentWithOneEntryPerOperation() throws IOException {
        Run run = kana(sandboxEnvironment(), "contract", "check", "--payloads", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        Map<?, ?> document = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(run.out());
        assertThat(document.get("network")).isEqualTo("sandbox");
        assertThat(document.get("payloadsChecked")).isEqualTo(true);
        assertThat(document.get("exitCode")).isEqualTo(0.0);
        List<?> operations = (List<?>) document.get("operations");
        assertThat(operations).hasSize(12);
        for (Object entry : operations) {
            Map<?, ?> line = (Map<?, ?>) entry;
            assertThat(line.get("verdict")).as(line.toString()).isEqualTo("confirmed");
            assertThat((String) line.get("onChainSignature")).startsWith((String) line.get("function") + "(");
        }
        assertThat(((Map<?, ?>) operations.get(0)).get("operation")).isEqualTo("DEPOSIT");
        assertThat(((Map<?, ?>) document.get("counts")).get("confirmed")).isEqualTo(12.0);
    }

    @Test
    void anUnreachableNodeLeavesEveryOperationUnchecked() throws IOException {
        Map<String, String> environment = sandboxEnvironment();
        environment.put("NODE_URL", "http://127.0.0.1:" + closedPort() + "/v1");

        Run run = kana(environment, "contract", "check", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.UNCHECKED);
        assertThat(run.out()).contains("\"unchecked\": 12").contains("cannot read the ABI");
    }

    @Test
    void aMarketTheTradeApiDoesNotKnowLeavesThePayloadsUncheckedAndAsksForNone() {
        Run run = kana(sandboxEnvironment(), "contract", "check", "--payloads", "--market", "424242");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.UNCHECKED);
        assertThat(run.out()).contains("12 operations: 12 unchecked").contains("no market to ask about")
                .contains("424242");
        assertThat(sandbox.requestCount("/placeLimitOrder")).isZero();
    }

    @Test
    void aModuleTheNodeDoesNotHaveLeavesEveryFunctionMissing() {
        Map<String, String> environment = sandboxEnvironment();
        environment.put("KANA_MODULE", "0xbeef::perpetual_scripts");

        Run run = kana(environment, "contract", "check");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.out()).contains("12 operations: 12 missing").contains("the node has no module");
    }

    @Test
    void helpShowsAnExampleAndTheExitCodes() {
        Run run = kana(Map.of(), "contract", "check", "--help");

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("java -jar kana.jar contract check --payloads")
                .contains("--network").contains("--contract").contains("--json")
                .contains("Exit codes:").contains("unchecked");
    }

    @Test
    void badOptionsAndConfigurationAreUsageErrorsThatContactNothing() throws IOException {
        Run unknown = kana(sandboxEnvironment(), "contract", "check", "--frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--frobnicate").contains("--help");

        Run network = kana(sandboxEnvironment(), "contract", "check", "--network", "moonnet");
        assertThat(network.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(network.err()).contains("mainnet, testnet or sandbox").contains("moonnet");

        Path malformed = contractFile(ContractDrift.standard().replace("  arg u64 amount amount@quoteUnits\n",
                "  arg u65 amount amount@quoteUnits\n"));
        Run contract = kana(sandboxEnvironment(), "contract", "check", "--contract", malformed.toString());
        assertThat(contract.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(contract.err()).contains(malformed.toString()).contains("u65");

        Run noCommand = kana(sandboxEnvironment());
        assertThat(noCommand.code()).isEqualTo(ExitCodes.USAGE);

        assertThat(sandbox.requestCounts()).as("nothing contacted").isEmpty();
    }

    @Test
    void aConfiguredKeyOnlyNamesTheWalletAndIsNeverPrinted() {
        String key = "0x" + "5c".repeat(32);
        Map<String, String> environment = sandboxEnvironment();
        environment.put("KANA_PRIVATE_KEY", key);

        Run run = kana(environment, "contract", "check", "--payloads", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out() + run.err()).doesNotContain("5c5c5c");
        assertThat(sandbox.requestCount("/v1/transactions")).isZero();

        environment.put("KANA_PRIVATE_KEY", "0x" + "5c".repeat(31));
        Run malformed = kana(environment, "contract", "check");
        assertThat(malformed.code()).as(malformed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.out() + malformed.err()).doesNotContain("5c5c5c");
    }

    @Test
    void networkOverridesKanaNetwork() {
        Map<String, String> environment = sandboxEnvironment();
        environment.put("KANA_NETWORK", "mainnet");

        Run run = kana(environment, "contract", "check", "--network", "sandbox", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\"network\": \"sandbox\"");
    }

    private static Map<String, String> sandboxEnvironment() {
        return environment(sandbox);
    }

    /** What a user sets after starting the standalone sandbox, which prints these values. */
    private static Map<String, String> environment(KanaSandbox target) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KANA_NETWORK", "sandbox");
        environment.put("KANA_API_URL", target.apiUrl());
        environment.put("NODE_URL", target.nodeUrl());
        environment.put("KANA_MODULE", target.moduleId());
        return environment;
    }

    private Path contractFile(String text) throws IOException {
        assertThat(text).as("the edit changed something").isNotEqualTo(ContractDrift.standard());
        Path file = directory.resolve("drifted.contract");
        Files.writeString(file, text);
        return file;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Run kana(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KanaCli.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {

        /** The table line of {@code operation}. */
        String line(TradeOperation operation) {
            return out.lines().filter(l -> l.startsWith(operation.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + operation + " in:\n" + out + err));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }
}
