package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kana.core.model.MarketId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API key is sent, but never written to a log line or an exception message, even when the server echoes it. */
class SecretRedactionTest extends MockApiTest {

    @Test
    void theKeyNeverAppearsInLogsOrErrors() {
        String echo = "invalid key " + API_KEY;
        enqueue(503, "{\"success\":false,\"message\":\"" + echo + "\"}");
        enqueue(503, "{\"success\":false,\"message\":\"" + echo + "\"}");
        enqueue(503, "{\"success\":false,\"message\":\"" + echo + "\"}");
        enqueue(401, "{\"success\":false,\"message\":\"" + echo + "\"}");
        enqueue(200, "{\"success\":false,\"message\":\"" + echo + "\"}");
        enqueue(200, "{\"success\":true,\"data\":\"" + API_KEY + "\"}");
        enqueue(200, "{\"success\":true,\"data\":{\"function\":\"" + API_KEY + "\",\"functionArguments\":[]}}");
        enqueue(200, "{\"success\":true,\"data\":[\"" + API_KEY + "\"]} " + API_KEY);
        enqueue(403, "<html>" + echo + "</html>");

        List<Throwable> errors = new ArrayList<>();
        String log = captureStandardError(() -> {
            errors.add(catchThrowable(() -> api.marketPrice(MarketId.of(1))));
            errors.add(catchThrowable(() -> api.marketPrice(MarketId.of(1))));
            errors.add(catchThrowable(() -> api.marketPrice(MarketId.of(1))));
            errors.add(catchThrowable(() -> api.aptBalance(WALLET)));
            errors.add(catchThrowable(() -> api.collapsePosition(MarketId.of(1))));
            errors.add(catchThrowable(() -> api.openOrderIds(WALLET, null)));
            errors.add(catchThrowable(() -> api.marketPrice(MarketId.of(1))));
        });

        assertThat(takeRequest().getHeader("x-api-key")).as("the key is sent").isEqualTo(API_KEY);
        assertThat(log).as("retries were logged").contains("getMarketPrice: HTTP 503").doesNotContain(API_KEY);
        assertThat(errors).hasSize(7).doesNotContainNull().allSatisfy(error -> {
            assertThat(error.toString()).contains("<redacted>");
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
            }
        });
    }

    private static String captureStandardError(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
