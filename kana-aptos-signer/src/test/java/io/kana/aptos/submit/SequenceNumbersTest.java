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
    /** A read whose chain time proves nothing (a node lagging far behind). */
    private static final SequenceNumbers.Proof NOTHING = (number, expiry) -> false;

    private final SequenceNumbers numbers = new SequenceNumbers();

    @Test
    void handsOutConsecutiveNumbersFromTheNodesCount() {
        numbers.resync(42, NOTHING, NOW);

        assertThat(numbers.reserve(NOW + 20)).isEqualTo(42);
        assertThat(numbers.reserve(NOW + 20)).isEqualTo(43);
        assertThat(numbers.peek()).isEqualTo(44);
    }

    @Test
    void refusesToNumberBeforeTheFirstRead() {
        assertThat(numbers.isSynchronised()).isFalse();
        assertThatThrownBy(() -> numbers.reserve(NOW + 20)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAResyncAReleasedNumberIsReusedAndLiveOnesAreSkipped() {
        numbers.resync(10, NOTHING, NOW);
        for (int i = 0; i < 4; i++) {
            numbers.reserve(NOW + 20); // 10..13
        }
        numbers.release(11);

        numbers.resync(10, NOTHING, NOW);

        assertThat(numbers.reserve(NOW + 20)).isEqualTo(11);
        assertThat(numbers.reserve(NOW + 20)).isEqualTo(14);
    }

    @Test
    void numbersBelowTheNodesCountAreConsumed() {
        numbers.resync(10, NOTHING, NOW);
        numbers.reserve(NOW + 20);
        numbers.reserve(NOW + 20);

        numbers.resync(12, NOTHING, NOW);

        assertThat(numbers.liveCount()).isZero();
        assertThat(numbers.reserve(NOW + 20)).isEqualTo(12);
    }

    @Test
    void rollBackHandsTheSameNumberOutNext() {
        numbers.resync(5, NOTHING, NOW);
        long taken = numbers.reserve(NOW + 20);

        numbers.rollBack(taken);

        assertThat(numbers.reserve(NOW + 20)).isEqualTo(taken);
    }

    @Test
    void aNumberPastItsExpiryOnTheLocalClockStaysLiveUntilANodeReadProvesItOnChainTime() {
        numbers.resync(5, NOTHING, NOW);
        numbers.reserve(NOW + 20); // 5
        numbers.reserve(NOW + 25); // 6

        numbers.resync(5, NOTHING, NOW + 3_600);
        assertThat(numbers.peek()).as("a lagging node proves nothing, however late the local clock").isEqualTo(7);

        long chainTime = NOW + 20; // the chain reached 5's expiry, not 6's
        numbers.resync(5, (number, expiry) -> number >= 5 && chainTime >= expiry, NOW + 3_600);
        assertThat(numbers.peek()).isEqualTo(5);
        assertThat(numbers.liveCount()).isEqualTo(1);
    }

    @Test
    void numbersAreForgottenOnlyThroughTheNode() {
        numbers.resync(0, NOTHING, NOW);
        for (int i = 0; i < 100; i++) {
            numbers.reserve(NOW + 20);
        }

        numbers.reserve(NOW + 100 + 20);
        assertThat(numbers.liveCount()).isEqualTo(101);

        numbers.resync(100, NOTHING, NOW + 100);
        assertThat(numbers.liveCount()).isEqualTo(1);
    }

    @Test
    void aCheckIsDueWhenALiveNumberIsPastItsExpiryLocallyAtMostOncePerRecheckInterval() {
        numbers.resync(5, NOTHING, NOW);
        numbers.reserve(NOW + 20);

        assertThat(numbers.takeDueCheck(NOW + 20)).isFalse();
        assertThat(numbers.takeDueCheck(NOW + 21)).isTrue();
        assertThat(numbers.takeDueCheck(NOW + 21)).as("asked this second already").isFalse();
        assertThat(numbers.takeDueCheck(NOW + 21 + SequenceNumbers.RECHECK_SECS)).isTrue();
        numbers.resync(6, NOTHING, NOW + 30);
        assertThat(numbers.takeDueCheck(NOW + 60)).as("nothing live").isFalse();
    }

    /**
     * Whatever happens, a number whose transaction may be in the mempool is never handed out again; a
     * node count never reaches past numbers that are still live (the node cannot commit what we hold).
     */
    @Property(tries = 200)
    void neverHandsOutALiveNumber(@ForAll @Size(max = 60) java.util.List<@IntRange(min = 0, max = 4) Integer> ops) {
        SequenceNumbers allocator = new SequenceNumbers();
        long committed = 100;
        allocator.resync(committed, NOTHING, NOW);
        Map<Long, Boolean> live = new HashMap<>();
        long lastReserved = -1;
        for (int op : ops) {
            switch (op) {
                case 0, 1 -> {
                    long number = allocator.reserve(NOW + 20);
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
                    allocator.resync(committed, NOTHING, NOW);
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
