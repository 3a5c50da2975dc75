package io.kana.aptos.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

    private static final long NOW = 1_000;
    private static final long MARGIN = 30;

    private final SequenceNumbers numbers = new SequenceNumbers(MARGIN);

    @Test
    void handsOutConsecutiveNumbersFromTheNodesCount() {
        numbers.resync(42, NOW);

        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(42);
        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(43);
        assertThat(numbers.peek()).isEqualTo(44);
    }

    @Test
    void refusesToNumberBeforeTheFirstRead() {
        assertThat(numbers.isSynchronised()).isFalse();
        assertThatThrownBy(() -> numbers.reserve(NOW + 20, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAResyncAReleasedNumberIsReusedAndLiveOnesAreSkipped() {
        numbers.resync(10, NOW);
        for (int i = 0; i < 4; i++) {
            numbers.reserve(NOW + 20, NOW); // 10..13
        }
        numbers.release(11);

        numbers.resync(10, NOW);

        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(11);
        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(14);
    }

    @Test
    void numbersBelowTheNodesCountAreConsumed() {
        numbers.resync(10, NOW);
        numbers.reserve(NOW + 20, NOW);
        numbers.reserve(NOW + 20, NOW);

        numbers.resync(12, NOW);

        assertThat(numbers.liveCount()).isZero();
        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(12);
    }

    @Test
    void rollBackHandsTheSameNumberOutNext() {
        numbers.resync(5, NOW);
        long taken = numbers.reserve(NOW + 20, NOW);

        numbers.rollBack(taken);

        assertThat(numbers.reserve(NOW + 20, NOW)).isEqualTo(taken);
    }

    @Test
    void aNumberStaysLiveUntilItsExpiryPlusTheMarginHasPassed() {
        numbers.resync(5, NOW);
        numbers.reserve(NOW + 20, NOW); // 5

        numbers.resync(5, NOW + 20 + MARGIN);
        assertThat(numbers.peek()).isEqualTo(6);

        numbers.resync(5, NOW + 20 + MARGIN + 1);
        assertThat(numbers.peek()).isEqualTo(5);
    }

    @Test
    void expiredNumbersAreForgottenWhileNumbering() {
        numbers.resync(0, NOW);
        for (int i = 0; i < 100; i++) {
            numbers.reserve(NOW + 20, NOW);
        }

        numbers.reserve(NOW + 100 + 20, NOW + 100);

        assertThat(numbers.liveCount()).isEqualTo(1);
    }

    @Test
    void aResyncAfterExpiryIsDueOnlyOnceTheMarginPassed() {
        numbers.resyncAfterExpiry(NOW + 20);

        assertThat(numbers.takeDueResync(NOW + 20 + MARGIN)).isFalse();
        assertThat(numbers.takeDueResync(NOW + 20 + MARGIN + 1)).isTrue();
        assertThat(numbers.takeDueResync(NOW + 20 + MARGIN + 2)).isFalse();
    }

    /**
     * Whatever happens, a number whose transaction may be in the mempool is never handed out again; a
     * node count never reaches past numbers that are still live (the node cannot commit what we hold).
     */
    @Property(tries = 200)
    void neverHandsOutALiveNumber(@ForAll @Size(max = 60) java.util.List<@IntRange(min = 0, max = 4) Integer> ops) {
        SequenceNumbers allocator = new SequenceNumbers(MARGIN);
        long committed = 100;
        allocator.resync(committed, NOW);
        Map<Long, Boolean> live = new HashMap<>();
        long lastReserved = -1;
        for (int op : ops) {
            switch (op) {
                case 0, 1 -> {
                    long number = allocator.reserve(NOW + 20, NOW);
                    assertThat(live.getOrDefault(number, false)).as("handed out live number " + number).isFalse();
                    assertThat(number).isGreaterThanOrEqualTo(committed);
                    live.put(number, true);
                    lastReserved = number;
                }
                case 2 -> live.keySet().stream().filter(live::get).findFirst().ifPresent(number -> {
                    allocator.release(number);
                    live.put(number, false);
                });
                case 3 -> {
                    long lowestLive = live.entrySet().stream().filter(Map.Entry::getValue).mapToLong(Map.Entry::getKey)
                            .min().orElse(committed);
                    committed = Math.max(committed, lowestLive);
                    allocator.resync(committed, NOW);
                }
                default -> {
                    if (lastReserved >= 0 && live.getOrDefault(lastReserved, false)) {
                        allocator.rollBack(lastReserved);
                        live.put(lastReserved, false);
                        lastReserved = -1;
                    }
                }
            }
        }
    }
}
