package io.kana.cli.account;

import static io.kana.cli.CliRun.environment;
import static io.kana.cli.CliRun.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.cli.CliRun;
import io.kana.cli.ExitCodes;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.NetOrder;
import io.kana.core.model.OrderId;
import io.kana.core.trading.Placement;
import io.kana.testkit.SandboxKana;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account reads, as tables and as JSON, for a wallet named by {@code --wallet} (no key needed)
 * that has a resting order, a filled trade and a position.
 */
class AccountCommandsTest {

    private static final MarketId APT = MarketId.of(1338);

    private static SandboxKana sandbox;
    private static Map<String, String> env;
    private static String wallet;
    private static OrderId resting;

    @BeforeAll
    static void start() {
        sandbox = SandboxKana.start();
        KanaClient trader = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        KanaClient maker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500"));
        maker.netTrader().place(APT, List.of(NetOrder.sell(new BigDecimal("1"), new BigDecimal("5.2"))));
        trader.netTrader().place(APT, List.of(NetOrder.buyAtMarket(new BigDecimal("1"))));
        Placement placed = trader.netTrader().buy(APT, new BigDecimal("2"), new BigDecimal("4.5"));
        resting = placed.orderIds().get(0);
        wallet = trader.wallet().hex();
        env = environment(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyReadPrintsATableWithHeadingsAndTheSameRowsAsJson() {
        Map<List<String>, String> reads = Map.of(
                List.of("orders"), "orders",
                List.of("orders", "history"), "orders",
                List.of("positions"), "positions",
                List.of("fills"), "fills",
                List.of("trades"), "trades",
                List.of("funding"), "funding");
        reads.forEach((command, key) -> {
            CliRun table = run(command, false);
            CliRun json = run(command, true);
            assertThat(table.code()).as(command + "\n" + table).isEqualTo(ExitCodes.OK);
            assertThat(json.code()).as(command + "\n" + json).isEqualTo(ExitCodes.OK);
            List<Object> rows = json.list(key);
            if (rows.isEmpty()) {
                assertThat(table.out()).as(command.toString()).startsWith("No ");
            } else {
                assertThat(table.out().lines()).as(command.toString()).hasSize(rows.size() + 1);
                assertThat(table.out().lines().findFirst().orElseThrow()).as(command.toString()).matches("[A-Z ]+");
            }
        });
        assertThat(run(List.of("orders"), true).list("orders")).hasSize(1);
        assertThat(run(List.of("positions"), true).list("positions")).hasSize(1);
        assertThat(run(List.of("trades"), true).list("trades")).isNotEmpty();
    }

    @Test
    void orderStatusShowsTheOrderAsPairsAndAsJson() {
        CliRun table = kana(env, "orders", "status", "--market", "1338", resting.toString());
        CliRun json = kana(env, "orders", "status", "--market", "1338", resting.toString(), "--json");

        assertThat(table.code()).as(table.toString()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).containsPattern("orderId: +" + resting).contains("status:");
        Map<?, ?> order = (Map<?, ?>) json.json().get("order");
        assertThat(order.get("orderId")).isEqualTo(resting.toString());
        assertThat(new BigDecimal((String) order.get("price"))).isEqualByComparingTo("4.5");
    }

    @Test
    void balancesBeforeTheFirstDepositSayThereIsNoTradingAccount() {
        KanaClient fresh = sandbox.newWallet(new BigDecimal("50"));

        CliRun run = kana(env, "balances", "--wallet", fresh.wallet().hex(), "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(new BigDecimal((String) run.json().get("walletUsdc"))).isEqualByComparingTo("50");
        assertThat(run.json().get("tradingBalance")).isNull();
        assertThat(run.json()).containsKey("profile");
    }

    @Test
    void aReadWithoutAWalletSaysHowToNameOneAndContactsNothing() {
        sandbox.resetRequestCounts();

        CliRun run = kana(env, "positions");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--wallet").contains("KANA_PRIVATE_KEY");
        assertThat(sandbox.requestCounts()).isEmpty();

        CliRun malformed = kana(env, "positions", "--wallet", "0xnothex");
        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    private static CliRun run(List<String> command, boolean json) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of("--wallet", wallet));
        if (json) {
            args.add("--json");
        }
        return kana(env, args.toArray(String[]::new));
    }
}
