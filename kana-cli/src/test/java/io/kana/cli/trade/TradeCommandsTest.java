package io.kana.cli.trade;

import static io.kana.cli.CliRun.environment;
import static io.kana.cli.CliRun.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.cli.CliRun;
import io.kana.cli.ExitCodes;
import io.kana.cli.Terminal;
import io.kana.client.KanaClient;
import io.kana.client.Secret;
import io.kana.core.model.MarketId;
import io.kana.core.model.NetOrder;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxFaults;
import io.kana.testkit.SandboxKana;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write commands against the embedded sandbox: committed hashes, both output modes, and what is refused. */
class TradeCommandsTest {

    private static final MarketId APT = MarketId.of(1338);

    private static SandboxKana sandbox;

    private Secret key;
    private Map<String, String> env;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        sandbox = SandboxKana.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void freshWallet() {
        key = SandboxKana.newPrivateKey();
        sandbox.fund(sandbox.client(key).wallet(), new BigDecimal("1000"));
        env = environment(sandbox, key);
        sandbox.resetRequestCounts();
    }

    @Test
    void depositPrintsTheCommittedTransactionAndTheBalanceShowsIt() {
        CliRun table = kana(env, "deposit", "300");

        assertThat(table.code()).as(table.toString()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).startsWith("OPERATION").containsPattern("DEPOSIT +0x[0-9a-f]{64} ");
        assertThat(table.err()).as("no spinner when piped").isEmpty();

        CliRun json = kana(env, "deposit", "200", "--json");
        assertThat(json.code()).as(json.toString()).isEqualTo(ExitCodes.OK);
        assertThat(json.json().get("command")).isEqualTo("deposit");
        Map<?, ?> transaction = (Map<?, ?>) json.list("transactions").get(0);
        assertThat(transaction.get("operation")).isEqualTo("DEPOSIT");
        assertThat((String) transaction.get("hash")).matches("0x[0-9a-f]{64}");
        assertThat(transaction.get("success")).isEqualTo(true);
        assertThat(transaction.get("committed")).isEqualTo(true);

        CliRun balances = kana(env, "balances", "--json");
        assertThat(new BigDecimal((String) balances.json().get("tradingBalance"))).isEqualByComparingTo("500");
        assertThat(new BigDecimal((String) balances.json().get("walletUsdc"))).isEqualByComparingTo("500");
        assertThat(kana(env, "balances").out()).contains("tradingBalance:").contains("walletApt:");
        assertThat(table.out() + json.out() + table.err() + json.err()).doesNotContain(key.reveal().substring(20));
    }

    @Test
    void aPlacedLimitOrderIsListedOpenThenCancelledById() {
        kana(env, "deposit", "500");

        CliRun placed = kana(env, "place-limit", "--market", "1338", "--side", "long", "--size", "1.5", "--price",
                "4.9", "--json");
        assertThat(placed.code()).as(placed.toString()).isEqualTo(ExitCodes.OK);
        Map<?, ?> transaction = (Map<?, ?>) placed.list("transactions").get(0);
        assertThat(transaction.get("operation")).isEqualTo("PLACE_LIMIT_ORDER");
        assertThat(placed.json().get("orderIdsKnown")).isEqualTo(true);
        assertThat(placed.json().get("filledSize")).isEqualTo("0");
        assertThat(placed.json()).containsEntry("averagePrice", null);
        assertThat(placed.list("fills")).isEmpty();

        CliRun open = kana(env, "orders", "--json");
        assertThat(open.list("orders")).singleElement().satisfies(o -> {
            Map<?, ?> order = (Map<?, ?>) o;
            assertThat(new BigDecimal((String) order.get("price"))).isEqualByComparingTo("4.9");
            assertThat(new BigDecimal((String) order.get("size"))).isEqualByComparingTo("1.5");
        });
        String orderId = (String) ((Map<?, ?>) open.list("orders").get(0)).get("orderId");
        assertThat(placed.list("orders")).singleElement().satisfies(o -> {
            Map<?, ?> order = (Map<?, ?>) o;
            assertThat(order.get("orderId")).isEqualTo(orderId);
            assertThat(order.get("type")).isEqualTo("limit");
            assertThat(order.get("side")).isEqualTo("long");
            assertThat(order.get("price")).isEqualTo("4.9");
        });
        assertThat(kana(env, "orders").out()).contains(orderId).contains("ORDER ID");
        assertThat(kana(env, "orders", "history", "--json").out()).contains(orderId);
        CliRun status = kana(env, "orders", "status", "--market", "1338", orderId, "--json");
        assertThat(status.code()).as(status.toString()).isEqualTo(ExitCodes.OK);
        assertThat(((Map<?, ?>) status.json().get("order")).get("orderId")).isEqualTo(orderId);

        CliRun cancelled = kana(env, "cancel", "--market", "1338", orderId);
        assertThat(cancelled.code()).as(cancelled.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cancelled.out()).contains("CANCEL_MULTIPLE_ORDERS");
        assertThat(kana(env, "orders", "--json").list("orders")).isEmpty();
        assertThat(kana(env, "orders").out()).isEqualTo("No open orders.\n");
    }

    @Test
    void theTableShowsThePlacedOrdersIdAsOrdersListsIt() {
        kana(env, "deposit", "500");

        CliRun placed = kana(env, "place-limit", "--market", "1338", "--side", "short", "--size", "1", "--price", "5.6");

        assertThat(placed.code()).as(placed.toString()).isEqualTo(ExitCodes.OK);
        String orderId = (String) ((Map<?, ?>) kana(env, "orders", "--json").list("orders").get(0)).get("orderId");
        assertThat(placed.out()).contains("PLACE_LIMIT_ORDER").containsPattern("ORDER ID +TYPE +SIDE")
                .containsPattern("(?m)^" + orderId + " +limit +short +open +1 +5.6$")
                .contains("Nothing filled at once.");
    }

    @Test
    void aCrossingLimitOrderShowsWhatFilledAtOnce() {
        kana(env, "deposit", "500");
        KanaClient maker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        maker.netTrader().place(APT, List.of(NetOrder.sell(new BigDecimal("1"), new BigDecimal("5.1")),
                NetOrder.sell(new BigDecimal("1"), new BigDecimal("5.3"))));

        CliRun crossed = kana(env, "place-limit", "--market", "1338", "--side", "long", "--size", "2", "--price",
                "5.3", "--json");

        assertThat(crossed.code()).as(crossed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(crossed.json().get("orderIdsKnown")).isEqualTo(true);
        assertThat(new BigDecimal((String) crossed.json().get("filledSize"))).isEqualByComparingTo("2");
        assertThat(new BigDecimal((String) crossed.json().get("averagePrice"))).isEqualByComparingTo("5.2");
        String orderId = (String) ((Map<?, ?>) crossed.list("orders").get(0)).get("orderId");
        assertThat(crossed.list("fills")).hasSize(2).allSatisfy(f -> assertThat(((Map<?, ?>) f).get("orderId"))
                .isEqualTo(orderId));
        assertThat(kana(env, "orders", "history", "--json").out()).contains(orderId);
    }

    @Test
    void aReadBackThatFailsLeavesTheIdUnknownAndThePlacementStillSucceeds() throws Exception {
        try (SandboxKana failing = SandboxKana.start(KanaSandbox.builder().commitDelay(Duration.ofSeconds(1)))) {
            Secret trader = SandboxKana.newPrivateKey();
            failing.fund(failing.client(trader).wallet(), new BigDecimal("1000"));
            Map<String, String> failingEnv = environment(failing, trader);
            kana(failingEnv, "deposit", "500");
            failing.resetRequestCounts();
            // The trade API goes down once the order is submitted: only the read-back after the commit meets it.
            Thread outage = new Thread(() -> {
                while (failing.requestCounts().getOrDefault("/v1/transactions", 0L) == 0) {
                    Thread.onSpinWait();
                }
                failing.sandbox().faults().serviceUnavailable(SandboxFaults.Target.TRADE_API, 1.0);
            });
            outage.start();

            CliRun placed = kana(failingEnv, "place-limit", "--market", "1338", "--side", "long", "--size", "1",
                    "--price", "4.9", "--json");
            outage.join();

            assertThat(placed.code()).as(placed.toString()).isEqualTo(ExitCodes.OK);
            assertThat(((Map<?, ?>) placed.list("transactions").get(0)).get("success")).isEqualTo(true);
            assertThat(placed.json().get("orderIdsKnown")).isEqualTo(false);
            assertThat(((Map<?, ?>) placed.list("orders").get(0)).get("orderId")).isNull();
            assertThat(placed.json()).containsEntry("filledSize", null).containsEntry("fills", null);
            failing.sandbox().faults().reset();
            assertThat(kana(failingEnv, "orders", "--json").list("orders")).hasSize(1);
        }
    }

    @Test
    void cancelAllCancelsEveryOpenOrderAndSendsNothingWhenNoneIsOpen() {
        kana(env, "deposit", "500");
        kana(env, "place-limit", "--market", "1338", "--side", "long", "--size", "1", "--price", "4.8");
        kana(env, "place-limit", "--market", "1338", "--side", "short", "--size", "1", "--price", "5.4",
                "--restriction", "post_or_abort");

        CliRun all = kana(env, "cancel", "--all", "--json");
        assertThat(all.code()).as(all.toString()).isEqualTo(ExitCodes.OK);
        assertThat(all.list("transactions")).hasSize(1);
        assertThat(kana(env, "orders", "--json").list("orders")).isEmpty();

        sandbox.resetRequestCounts();
        CliRun none = kana(env, "cancel", "--all");
        assertThat(none.code()).isEqualTo(ExitCodes.OK);
        assertThat(none.out()).contains("no transaction sent");
        assertThat(sandbox.requestCounts().getOrDefault("/v1/transactions", 0L)).isZero();
    }

    @Test
    void aFilledMarketOrderOpensAPositionThatTheOtherWritesManage() {
        kana(env, "deposit", "500");
        KanaClient maker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        maker.netTrader().place(APT, List.of(NetOrder.sell(new BigDecimal("2"), new BigDecimal("5.1"))));

        CliRun bought = kana(env, "place-market", "--market", "1338", "--side", "long", "--size", "1", "--leverage",
                "2", "--json");
        assertThat(bought.code()).as(bought.toString()).isEqualTo(ExitCodes.OK);
        assertThat(bought.list("orders")).singleElement().satisfies(o -> {
            assertThat((String) ((Map<?, ?>) o).get("orderId")).isNotBlank();
            assertThat(((Map<?, ?>) o).get("type")).isEqualTo("market");
            assertThat(((Map<?, ?>) o).get("price")).isNull();
        });
        assertThat(new BigDecimal((String) bought.json().get("filledSize"))).isEqualByComparingTo("1");
        assertThat(new BigDecimal((String) bought.json().get("averagePrice"))).isEqualByComparingTo("5.1");
        assertThat(bought.list("fills")).singleElement()
                .satisfies(f -> assertThat(new BigDecimal((String) ((Map<?, ?>) f).get("price"))).isEqualByComparingTo("5.1"));
        CliRun boughtMore = kana(env, "place-market", "--market", "1338", "--side", "long", "--size", "1", "--leverage",
                "2");
        assertThat(boughtMore.code()).as(boughtMore.toString()).isEqualTo(ExitCodes.OK);
        assertThat(boughtMore.out()).contains("PLACE_MARKET_ORDER").containsPattern("market +long +open +1 +-")
                .contains("Filled 1 at an average price of 5.1:").containsPattern("5\\.1 +1 ");

        CliRun positions = kana(env, "positions", "--json");
        assertThat(positions.list("positions")).singleElement().satisfies(p -> {
            Map<?, ?> position = (Map<?, ?>) p;
            assertThat(position.get("side")).isEqualTo("long");
            assertThat(new BigDecimal((String) position.get("size"))).isEqualByComparingTo("2");
        });
        assertThat(kana(env, "positions").out()).contains("LIQUIDATION").contains("long");
        assertThat(kana(env, "fills", "--json").list("fills")).isNotEmpty();
        assertThat(kana(env, "fills").out()).contains("5.1");
        assertThat(kana(env, "trades", "--json").list("trades")).isNotEmpty();
        assertThat(kana(env, "trades", "--recent", "--market", "1338", "--json").list("trades")).isNotEmpty();
        assertThat(kana(env, "funding", "--json").json()).containsKey("funding");

        for (String[] write : List.of(new String[] {"tp", "--market", "1338", "--side", "long", "6.2"},
                new String[] {"sl", "--market", "1338", "--side", "long", "4.1"},
                new String[] {"add-margin", "--market", "1338", "--side", "long", "10"},
                new String[] {"settle", "--market", "1338"},
                new String[] {"withdraw", "--market", "1338", "5"})) {
            CliRun run = kana(env, write);
            assertThat(run.code()).as(String.join(" ", write) + "\n" + run).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).containsPattern("0x[0-9a-f]{64}");
        }
        Map<?, ?> position = (Map<?, ?>) kana(env, "positions", "--json").list("positions").get(0);
        assertThat(new BigDecimal((String) position.get("takeProfit"))).isEqualByComparingTo("6.2");
        assertThat(new BigDecimal((String) position.get("stopLoss"))).isEqualByComparingTo("4.1");

        CliRun collapsed = kana(env, "collapse", "--market", "1338", "--json");
        assertThat(collapsed.code()).as(collapsed.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void badInputIsAUsageErrorAndNothingIsContacted() {
        List<String[]> bad = List.of(
                new String[] {"place-limit", "--market", "1338", "--side", "long", "--size", "-1", "--price", "5"},
                new String[] {"place-limit", "--market", "1338", "--side", "sideways", "--size", "1", "--price", "5"},
                new String[] {"place-limit", "--market", "1338", "--side", "long", "--size", "1"},
                new String[] {"place-market", "--market", "1338", "--side", "long", "--size", "1", "--leverage", "0"},
                new String[] {"deposit", "0"},
                new String[] {"deposit", "ten"},
                new String[] {"withdraw", "5"},
                new String[] {"cancel", "--market", "1338"},
                new String[] {"cancel", "--all", "1"},
                new String[] {"cancel", "1"},
                new String[] {"cancel", "--market", "1338", "not-an-id"},
                new String[] {"tp", "--market", "1338", "--side", "long", "-6"},
                new String[] {"deposit", "10", "--wait", "0"},
                new String[] {"deposit", "10", "--wallet", "0x1"},
                new String[] {"orders", "history", "--limit", "0"},
                new String[] {"fills", "--from", "2026-02-01T00:00:00Z", "--to", "2026-01-01T00:00:00Z"},
                new String[] {"stream", "no_such_topic"},
                new String[] {"stream", "best_price"},
                new String[] {"frobnicate"});
        for (String[] args : bad) {
            CliRun run = kana(env, args);
            assertThat(run.code()).as(String.join(" ", args) + "\n" + run).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("kana").hasLineCount(run.err().lines().count() > 1 ? 2 : 1);
        }
        assertThat(sandbox.requestCounts()).as("nothing contacted").isEmpty();
    }

    @Test
    void anOrderOffTheMarketsRulesIsRefusedBeforeAnythingIsSigned() {
        CliRun run = kana(env, "place-limit", "--market", "1338", "--side", "long", "--size", "0.0001", "--price",
                "5", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("size");
        assertThat(((Map<?, ?>) run.json().get("error")).get("type")).isEqualTo("InvalidRequestException");
        assertThat(sandbox.requestCounts().getOrDefault("/v1/transactions", 0L)).as("nothing submitted").isZero();
    }

    @Test
    void aWriteTheChainAbortsIsRejectedNothingHappened() {
        CliRun run = kana(env, "deposit", "5000", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REJECTED);
        Map<?, ?> error = (Map<?, ?>) run.json().get("error");
        assertThat(error.get("effectMayExist")).isEqualTo(false);
        assertThat(run.err()).doesNotContain("may have happened");
        assertThat(new BigDecimal((String) kana(env, "balances", "--json").json().get("walletUsdc")))
                .isEqualByComparingTo("1000");
    }

    @Test
    void aCommitNotSeenInTimeIsOutcomeUnknownWithTheHash() {
        try (SandboxKana slow = SandboxKana.start(io.kana.sandbox.KanaSandbox.builder()
                .commitDelay(java.time.Duration.ofSeconds(3)))) {
            Secret slowKey = SandboxKana.newPrivateKey();
            slow.fund(slow.client(slowKey).wallet(), new BigDecimal("100"));

            CliRun run = kana(environment(slow, slowKey), "deposit", "10", "--wait", "1", "--json");

            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OUTCOME_UNKNOWN);
            Map<?, ?> error = (Map<?, ?>) run.json().get("error");
            assertThat(error.get("effectMayExist")).isEqualTo(true);
            assertThat((String) error.get("hash")).matches("0x[0-9a-f]{64}");
            assertThat(run.err()).contains("may have happened");
        }
    }

    @Test
    void withoutAKeyAWriteSaysHowToConfigureOneAndContactsNothing() {
        CliRun run = kana(environment(sandbox), "deposit", "10");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("KANA_PRIVATE_KEY").contains("--key-file");
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    @Test
    void keyFileSignsAndTheKeyIsNeverPrinted() throws Exception {
        Path file = directory.resolve("key");
        Files.writeString(file, key.reveal());
        Map<String, String> withoutKey = environment(sandbox);

        CliRun run = kana(withoutKey, "deposit", "10", "--key-file", file.toString(), "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out() + run.err()).doesNotContain(key.reveal().substring(20));
        Files.writeString(file, "0x1234");
        CliRun malformed = kana(withoutKey, "deposit", "10", "--key-file", file.toString());
        assertThat(malformed.code()).as(malformed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.out() + malformed.err()).doesNotContain("0x1234");
    }

    @Test
    void onATerminalASpinnerShowsWhileWaitingForTheCommit() {
        CliRun run = kana(env, new Answers(true), "deposit", "10");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("waiting for the commit").containsPattern("\\d+\\.\\ds");
        assertThat(run.err()).endsWith("\r").as("the spinner erases itself");
    }

    @Test
    void aMainnetWriteIsRefusedWithoutATerminalOrYesAndWhenDeclined() {
        Map<String, String> mainnet = mainnetEnvironment(sandbox);

        CliRun piped = kana(mainnet, "deposit", "10");
        assertThat(piped.code()).as(piped.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(piped.err()).contains("--yes");

        Answers no = new Answers(true, "n");
        CliRun declined = kana(mainnet, no, "deposit", "10");
        assertThat(declined.code()).as(declined.toString()).isEqualTo(ExitCodes.REJECTED);
        assertThat(no.prompts).singleElement().asString().contains("deposit 10 USDC").contains("MAINNET");
        assertThat(declined.err()).contains("nothing was sent");
        assertThat(sandbox.requestCounts()).as("nothing contacted").isEmpty();
    }

    @Test
    void aMainnetWriteGoesAheadWhenConfirmedOrWithYes() {
        try (SandboxKana mainnetLike = SandboxKana.start(io.kana.sandbox.KanaSandbox.builder().chainId(1))) {
            Secret mainnetKey = SandboxKana.newPrivateKey();
            mainnetLike.fund(mainnetLike.client(mainnetKey).wallet(), new BigDecimal("100"));
            Map<String, String> mainnet = mainnetEnvironment(mainnetLike);
            mainnet.put("KANA_PRIVATE_KEY", mainnetKey.reveal());

            CliRun confirmed = kana(mainnet, new Answers(true, "y"), "deposit", "10");
            assertThat(confirmed.code()).as(confirmed.toString()).isEqualTo(ExitCodes.OK);

            CliRun yes = kana(mainnet, "deposit", "10", "--yes", "--json");
            assertThat(yes.code()).as(yes.toString()).isEqualTo(ExitCodes.OK);
            assertThat(yes.json().get("network")).isEqualTo("mainnet");
        }
    }

    /** Mainnet's settings pointed at a local sandbox, as a stand-in for the real thing. */
    private Map<String, String> mainnetEnvironment(SandboxKana target) {
        Map<String, String> mainnet = environment(target, key);
        mainnet.put("KANA_NETWORK", "mainnet");
        mainnet.put("KANA_ALLOW_MODULE_OVERRIDE", "true");
        return mainnet;
    }

    /** A person at a terminal who answers prompts from a script. */
    private static final class Answers implements Terminal {
        private final boolean interactive;
        private final List<String> answers;
        final List<String> prompts = new ArrayList<>();

        Answers(boolean interactive, String... answers) {
            this.interactive = interactive;
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String ask(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? null : answers.remove(0);
        }

        @Override
        public void runUntilInterrupted(Runnable cleanup) {
            cleanup.run();
        }
    }
}
