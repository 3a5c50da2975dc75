package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.trading.TradeOperation;
import io.kana.core.trading.TradeResult;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The live monitor on a fresh sandbox: what it streams while it trades, and that it ends by itself. */
class LiveMonitorExampleTest {

    private static final Pattern EVENT_LINE = Pattern.compile("(?m)^ +\\+ *\\d+ ms  ");

    @Test
    void itStreamsTheMarketAndTheAccountWhileItTradesAndThroughAReconnect() {
        ExampleRun run = ExampleRun.onSandbox((env, out) -> LiveMonitorExample.run(env, out, 1000, Duration.ofSeconds(60)));

        assertThat(run.err()).isEmpty();
        assertThat(run.exitStatus()).isZero();
        assertThat(run.transactions()).extracting(TradeResult::operation).containsExactly(
                TradeOperation.DEPOSIT, TradeOperation.PLACE_LIMIT_ORDER, TradeOperation.PLACE_LIMIT_ORDER,
                TradeOperation.DEPOSIT, TradeOperation.PLACE_MARKET_ORDER, TradeOperation.CANCEL_MULTIPLE_ORDERS);
        String out = run.out();
        // Each line is printed when its event arrives, so their order among each other is the streams'.
        assertThat(out)
                .contains("connection  connected")
                .contains("book        bid 1 @ 4.85 | ask -")
                .contains("book        bid 1 @ 4.9 | ask -")
                .contains("best price  bid 4.9  ask -")
                .contains("trades      1 APT at 4.9")
                .containsPattern("my orders   2 open: \\d+ LONG 1 @ 4\\.(85|9); \\d+ LONG 1 @ 4\\.(85|9)\n")
                .containsPattern("my fills    LONG 1 APT at 4.9 fee [0-9.]+")
                .contains("my position LONG 1 APT, entry 4.9")
                .contains("connection  disconnected: ")
                .contains("connection  reconnected after ")
                .containsPattern("connection  gap in (trade_history|open_orders|positions) bridged through REST")
                .contains("my orders   0 open")
                .containsPattern("stopped after \\d+ events: quiet for 2000 ms")
                .contains("Done: 7 steps, 6 transactions committed, 0 steps skipped.");
        assertThat(out.indexOf("Done: ")).isGreaterThan(out.lastIndexOf("stopped after"));
        assertThat(EVENT_LINE.matcher(out.substring(out.indexOf("stopped after"))).find())
                .as("nothing is printed once the monitor stopped").isFalse();
        String printed = out.toLowerCase();
        ExampleRun.SANDBOX_KEYS.forEach(key -> assertThat(printed).doesNotContain(key));
    }

    @Test
    void itStopsPrintingAfterTheGivenNumberOfEvents() {
        ExampleRun run = ExampleRun.onSandbox((env, out) -> LiveMonitorExample.run(env, out, 3, Duration.ofSeconds(60)));

        assertThat(run.exitStatus()).isZero();
        assertThat(EVENT_LINE.matcher(run.out()).results().count()).isEqualTo(3);
        assertThat(run.out()).contains("stopped after 3 events: reached 3 events");
        // Its own orders are cleaned up all the same.
        assertThat(run.transactions()).extracting(TradeResult::operation).endsWith(TradeOperation.CANCEL_MULTIPLE_ORDERS);
    }
}
