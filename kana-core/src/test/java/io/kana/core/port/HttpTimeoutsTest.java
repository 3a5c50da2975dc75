package io.kana.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTimeoutsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theDefaultIsFiveSecondsToConnectFifteenOfSilenceThirtyPerCall() {
        assertThat(HttpTimeouts.DEFAULT)
                .isEqualTo(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)));
    }

    @Test
    void eachComponentMustBePositiveAndTheErrorNamesIt() {
        assertRefused(() -> new HttpTimeouts(null, SECOND, SECOND), "connect");
        assertRefused(() -> new HttpTimeouts(SECOND, Duration.ZERO, SECOND), "read");
        assertRefused(() -> new HttpTimeouts(SECOND, SECOND, Duration.ofMillis(-1)), "call");
        assertRefused(() -> HttpTimeouts.DEFAULT.withConnect(Duration.ZERO), "connect");
        assertRefused(() -> HttpTimeouts.DEFAULT.withRead(null), "read");
        assertRefused(() -> HttpTimeouts.DEFAULT.withCall(Duration.ofSeconds(-5)), "call");
    }

    @Test
    void eachWitherReplacesOnlyItsComponent() {
        Duration shortWait = Duration.ofMillis(250);
        assertThat(HttpTimeouts.DEFAULT.withConnect(shortWait))
                .isEqualTo(new HttpTimeouts(shortWait, Duration.ofSeconds(15), Duration.ofSeconds(30)));
        assertThat(HttpTimeouts.DEFAULT.withRead(shortWait))
                .isEqualTo(new HttpTimeouts(Duration.ofSeconds(5), shortWait, Duration.ofSeconds(30)));
        assertThat(HttpTimeouts.DEFAULT.withCall(shortWait))
                .isEqualTo(new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), shortWait));
        assertThat(HttpTimeouts.DEFAULT.call()).as("the original is unchanged").isEqualTo(Duration.ofSeconds(30));
    }

    private static void assertRefused(Runnable construction, String component) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, construction::run);
        assertThat(e).as(component).isNotNull();
        assertThat(e.field()).isEqualTo(component);
        assertThat(e.getMessage()).contains("the " + component + " timeout must be positive");
    }
}
