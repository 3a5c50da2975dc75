package io.kana.cli.market;

import static io.kana.cli.CliRun.environment;
import static io.kana.cli.CliRun.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.cli.CliRun;
import io.kana.cli.ExitCodes;
import io.kana.testkit.SandboxKana;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code markets}, {@code market} and {@code price} against the embedded sandbox, as tables and as JSON. */
class MarketCommandsTest {

    private static SandboxKana sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxKana.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.resetRequestCounts();
    }

    @Test
    void marketsListsTheFourMarketsAsATable() {
        CliRun run = kana(environment(sandbox), "markets");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("MARKET").contains("NAME");
        assertThat(run.out()).contains("APT/USDC").contains("BTC/USDC").contains("ETH/USDC").contains("SOL/USDC");
        assertThat(run.out().lines()).hasSize(5);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void marketsAsJsonIsOneDocumentWithStableFieldNames() {
        CliRun run = kana(environment(sandbox), "markets", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.OK);
        List<?> markets = run.list("markets");
        assertThat(markets).hasSize(4);
        assertThat(markets.stream().map(m -> (Object) ((Map<?, ?>) m).get("marketId")).toList())
                .containsExactly(1338.0, 1339.0, 1340.0, 2387.0);
        Map<?, ?> apt = (Map<?, ?>) markets.get(0);
        assertThat(apt.get("baseName")).isEqualTo("APT/USDC");
        assertThat(apt.keySet().stream().map(String::valueOf).toList()).contains("lotSize", "tickSize", "minLots", "maxLeverage", "marketAddress");
    }

    @Test
    void marketShowsTheRulesInCoinsAndUsdc() {
        CliRun table = kana(environment(sandbox), "market", "1338");
        CliRun json = kana(environment(sandbox), "market", "1338", "--json");

        assertThat(table.code()).as(table.toString()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("baseName:").contains("APT/USDC").containsPattern("sizeIncrement: +0.001");
        assertThat(json.code()).isEqualTo(ExitCodes.OK);
        assertThat(json.json().get("sizeIncrement")).isEqualTo("0.001");
        assertThat(json.json().get("priceIncrement")).isEqualTo("0.001");
        assertThat(((Map<?, ?>) json.json().get("market")).get("lotSize")).isEqualTo("100000");
    }

    @Test
    void priceShowsBidAskAndLastPrice() {
        CliRun table = kana(environment(sandbox), "price", "1338");
        CliRun json = kana(environment(sandbox), "price", "1338", "--json");

        assertThat(table.code()).as(table.toString()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("bestBid:").contains("bestAsk:").contains("lastExecutionPrice:");
        assertThat(json.code()).isEqualTo(ExitCodes.OK);
        assertThat(json.json().keySet()).containsExactly("marketId", "bestBid", "bestAsk", "mid", "spread",
                "lastExecutionPrice");
        assertThat(json.json().get("marketId")).isEqualTo(1338.0);
    }

    @Test
    void anUnknownMarketIsBadInputAndSaysWhich() {
        CliRun run = kana(environment(sandbox), "market", "424242", "--json");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("424242").contains("not known to the trade API");
        assertThat(((Map<?, ?>) run.json().get("error")).get("exitCode")).isEqualTo((double) ExitCodes.USAGE);
    }

    @Test
    void aMalformedMarketIdIsAUsageErrorThatContactsNothing() {
        CliRun run = kana(environment(sandbox), "price", "apt");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("apt").contains("--help");
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    @Test
    void anUnreachableTradeApiIsNoAnswer() {
        Map<String, String> environment = environment(sandbox);
        environment.put("KANA_API_URL", "http://127.0.0.1:9/");

        CliRun run = kana(environment, "markets");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.UNCHECKED);
        assertThat(run.err()).startsWith("kana markets: ");
    }
}
