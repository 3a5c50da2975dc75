package io.kana.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void backoffDoublesPerAttemptKeepingARandomUpperHalf() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(POLICY.backoff(1, random)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(POLICY.backoff(2, random)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(POLICY.backoff(3, random)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
    }

    @Test
    void backoffIsCappedAtTheMaximumEvenAfterManyAttempts() {
        SplittableRandom random = new SplittableRandom(11);
        for (int attempt : new int[] {6, 20, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(POLICY.backoff(attempt, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> POLICY.backoff(4, random)).distinct())
                .hasSizeGreaterThan(10);
    }

    @Test
    void zeroDelaysNeverWait() {
        assertThat(RetryPolicy.NONE.backoff(3, new SplittableRandom(1))).isZero();
        assertThat(new RetryPolicy(5, Duration.ZERO, Duration.ofSeconds(1)).backoff(Integer.MAX_VALUE,
                new SplittableRandom(1))).isZero();
    }

    @Test
    void theServersWaitIsHonouredUpToTheMaximum() {
        assertThat(POLICY.serverDelay(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.serverDelay(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.serverDelay(Duration.ofSeconds(-3))).isZero();
    }

    @Test
    void invalidPoliciesAreRefusedWithAnExplanation() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1 or more, got 0");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("zero or positive");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at least as long");
        assertThatThrownBy(() -> new RetryPolicy(2, null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsAreSane() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5)));
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
    }
}
