package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.RiskLimitException;
import io.kana.core.model.Direction;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderGateTest {

    private static final MarketId APT = MarketId.of(1338);

    private final AtomicLong now = new AtomicLong();
    private final RiskState flat = new RiskState() {
        @Override
        public int openOrders() {
            return 0;
        }

        @Override
        public BigDecimal position(MarketId market) {
            return new BigDecimal("9");
        }

        @Override
        public Optional<BigDecimal> referencePrice(MarketId market) {
            return Optional.of(new BigDecimal("4"));
        }

        @Override
        public BigDecimal realisedLossToday() {
            return BigDecimal.ZERO;
        }
    };

    private OrderGate gate(RiskLimits limits) {
        return new OrderGate(limits, flat, new KillSwitch(null, Runnable::run), now::get);
    }

    private static List<OrderGate.NewOrder> orders(int count, Side side, Direction direction) {
        return java.util.Collections.nCopies(count, new OrderGate.NewOrder(APT, side, direction, BigDecimal.ONE,
                new BigDecimal("4")));
    }

    @Test
    void theRateWindowSlidesByTheSecondAndABatchCountsEachOrder() {
        OrderGate gate = gate(RiskLimits.none().withMaxOrdersPerSecond(3));
        gate.admit(orders(2, Side.LONG, Direction.OPEN));
        assertThatThrownBy(() -> gate.admit(orders(2, Side.LONG, Direction.OPEN)))
                .isInstanceOf(RiskLimitException.class).hasMessageContaining("2 orders in the last second");
        now.addAndGet(999_999_999L);
        assertThatThrownBy(() -> gate.admit(orders(2, Side.LONG, Direction.OPEN))).isInstanceOf(RiskLimitException.class);
        now.addAndGet(1);
        assertThatCode(() -> gate.admit(orders(3, Side.LONG, Direction.OPEN))).doesNotThrowAnyException();
    }

    @Test
    void closingOrdersDoNotCountAgainstThePositionLimit() {
        OrderGate gate = gate(RiskLimits.none().withMaxPosition(BigDecimal.TEN));
        assertThatCode(() -> gate.admit(orders(5, Side.LONG, Direction.CLOSE))).doesNotThrowAnyException();
        assertThatCode(() -> gate.admit(orders(1, Side.LONG, Direction.OPEN))).doesNotThrowAnyException();
        assertThatThrownBy(() -> gate.admit(orders(2, Side.LONG, Direction.OPEN)))
                .isInstanceOfSatisfying(RiskLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxPosition"));
        // A short reduces the long position of 9.
        assertThatCode(() -> gate.admit(orders(10, Side.SHORT, Direction.OPEN))).doesNotThrowAnyException();
    }

    @Test
    void aHaltRefusesEveryNewOrderUntilResumed() {
        KillSwitch killSwitch = new KillSwitch(null, Runnable::run);
        OrderGate gate = new OrderGate(RiskLimits.none(), flat, killSwitch, now::get);
        HaltReport report = killSwitch.halt("feed stale", null, null).join();

        assertThat(report.problems()).singleElement().asString().contains("no Orders port");
        assertThatThrownBy(() -> gate.admit(orders(1, Side.LONG, Direction.OPEN)))
                .isInstanceOfSatisfying(RiskLimitException.class, e -> assertThat(e.limit()).isEqualTo("halted"))
                .hasMessageContaining("feed stale");
        killSwitch.resume();
        assertThatCode(() -> gate.admit(orders(1, Side.LONG, Direction.OPEN))).doesNotThrowAnyException();
    }
}
