package io.kana.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The market maker runs on the embedded sandbox: one transaction per quote cycle, fills and PnL reported. */
class MarketMakerExampleTest {

    @Test
    void quotesTwoLevelsASideCancelsAndReplacesAndReportsPnl() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        List<Map<String, Long>> cycles = MarketMakerExample.run(out, 4);

        String transcript = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(transcript);
        assertThat(cycles).hasSize(4);
        assertThat(cycles.get(0)).containsEntry("/placeMultipleOrders", 1L).containsEntry("/v1/transactions", 1L);
        assertThat(cycles.subList(1, 4)).allSatisfy(c -> assertThat(c)
                .containsEntry("/cancelAndPlaceMultipleOrders", 1L).containsEntry("/v1/transactions", 1L));
        assertThat(transcript).contains("cycle 4:", "attempts 1", "taker BUY 1.5: filled 1.5", "cancel-all: 1 transaction",
                "PnL: cash");
        assertThat(transcript).doesNotContain("ids incomplete");
    }
}
