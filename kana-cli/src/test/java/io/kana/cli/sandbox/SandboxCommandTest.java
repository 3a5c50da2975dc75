package io.kana.cli.sandbox;

import static io.kana.cli.CliRun.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.cli.CliRun;
import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCli;
import io.kana.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code kana sandbox}: starts the standalone sandbox, serves until interrupted, and closes on the way out. */
class SandboxCommandTest {

    @Test
    void theSandboxServesItsFourMarketsUntilInterrupted() throws Exception {
        Interruptible terminal = new Interruptible();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> KanaCli.execute(Map.of(), terminal,
                new PrintWriter(out), new PrintWriter(err), "sandbox", "--port", "0", "--seed", "7"));
        assertThat(terminal.serving.await(30, TimeUnit.SECONDS)).as("started").isTrue();
        String printed = out.toString();

        Map<String, String> env = new HashMap<>();
        env.put("KANA_NETWORK", "sandbox");
        env.put("KANA_API_URL", value(printed, "trade API"));
        env.put("NODE_URL", value(printed, "Aptos node"));
        env.put("KANA_MODULE", value(printed, "module"));
        CliRun markets = kana(env, "markets", "--json");
        terminal.interrupt.countDown();
        int code = running.get(30, TimeUnit.SECONDS);

        assertThat(markets.code()).as(markets.toString()).isEqualTo(ExitCodes.OK);
        assertThat(markets.list("markets")).hasSize(4);
        assertThat(code).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
        assertThat(printed).contains("seed 7").contains("Ctrl+C stops it.");
        assertThat(terminal.cleanedUp).as("closed on interrupt").isTrue();
        assertThat(kana(env, "markets").code()).as("nothing serves after the interrupt").isEqualTo(ExitCodes.UNCHECKED);
    }

    @Test
    void anUnreadableContractFileIsAUsageError() {
        CliRun run = kana(Map.of(), "sandbox", "--port", "0", "--contract", "/no/such/file.contract");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("/no/such/file.contract");
    }

    private static String value(String printed, String label) {
        Matcher matcher = Pattern.compile("  " + label + " +(\\S+)").matcher(printed);
        assertThat(matcher.find()).as(label + " in\n" + printed).isTrue();
        return matcher.group(1);
    }

    /** A user who reads the URLs, uses the sandbox, then presses Ctrl+C. */
    private static final class Interruptible implements Terminal {
        final CountDownLatch serving = new CountDownLatch(1);
        final CountDownLatch interrupt = new CountDownLatch(1);
        volatile boolean cleanedUp;

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public String ask(String prompt) {
            return null;
        }

        @Override
        public void runUntilInterrupted(Runnable cleanup) throws InterruptedException {
            serving.countDown();
            interrupt.await();
            cleanup.run();
            cleanedUp = true;
        }
    }
}
