package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's dry run: the result the transaction would have, and no trace of it afterwards. */
class SimulationTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final ExchangeDriver dry = d.simulating();
    private final String alice = wallet(1);
    private final String bob = wallet(2);

    @Test
    void aSimulatedAbortIsTheAbortTheTransactionGetsAndLeavesNothingBehind() {
        d.funded(alice, 1);
        String before = d.fingerprint();

        ExecutionResult simulated = dry.limit(alice, APT, LONG, OPEN, 1000, 5000, 1);

        assertThat(simulated.success()).isFalse();
        assertThat(simulated.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
        assertThat(d.fingerprint()).isEqualTo(before);
        assertThat(d.limit(alice, APT, LONG, OPEN, 1000, 5000, 1)).isEqualTo(simulated);
    }

    @Test
    void aSimulatedTradeChangesNoBookBalancePositionHistoryOrCounter() {
        d.funded(alice, 100);
        d.funded(bob, 100);
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 2000L, 5000L, 2, 0, 0L, 0L);
        LiveOrder ask = d.openOrders(bob, APT).get(0);
        long alicesBalance = d.balance(alice);
        long bobsBalance = d.balance(bob);
        int executions = d.executions().size();
        String before = d.fingerprint();

        // Takes all of bob's ask, rests the rest: every kind of change a transaction can make.
        ExecutionResult simulated = dry.limit(alice, APT, LONG, OPEN, 3000, 5000, 2);

        assertThat(simulated).isEqualTo(ExecutionResult.ok());
        assertThat(d.openOrders(bob, APT)).singleElement().satisfies(o -> {
            assertThat(o.remaining).isEqualTo(2000);
            assertThat(o.filled).isZero();
            assertThat(o.version).isEqualTo(ask.version);
        });
        assertThat(d.openOrders(alice, APT)).isEmpty();
        assertThat(d.bestBid(APT)).isNull();
        assertThat(d.position(alice, APT, LONG)).isNull();
        assertThat(d.position(bob, APT, SHORT)).isNull();
        assertThat(d.balance(alice)).isEqualTo(alicesBalance);
        assertThat(d.balance(bob)).isEqualTo(bobsBalance);
        assertThat(d.fees()).isZero();
        assertThat(d.executions()).hasSize(executions);
        assertThat(d.closedOrders()).isEmpty();
        assertThat(d.fingerprint()).isEqualTo(before);

        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 500L, 4000L, 2, 0, 0L, 0L);
        assertThat(d.lastOrder().id).as("the simulated order took no id").isEqualTo(ask.id.add(BigInteger.ONE));
        long ordersPlaced = d.exchange.read((s, h) -> s.markets.get(APT).ordersPlaced);
        assertThat(ordersPlaced).isEqualTo(2);
    }

    @Test
    void aSimulationRunsAtTheGivenTimeButDoesNotMoveTheExchangeClock() {
        d.funded(alice, 100);
        long now = d.exchange.now();

        assertThat(d.exchange.simulate(alice, "place_limit_order", List.of(),
                ExchangeDriver.args(APT, LONG, OPEN, 1000L, 5000L, 2, 0, 0L, 0L), (now + 3_600) * 1_000_000)
                .success()).isTrue();

        assertThat(d.exchange.now()).isEqualTo(now);
    }

    @Test
    void simulationsRefuseWhatExecutionRefuses() {
        assertThat(d.exchange.simulate("bob", "collapse_position", List.of(), ExchangeDriver.args(APT), 0).codeName())
                .isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.exchange.simulate(alice, "collapse_position", List.of("0x1::aptos_coin::AptosCoin"),
                ExchangeDriver.args(APT), 0).codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(dry.run(alice, "transfer_everything").codeName()).isEqualTo("E_UNKNOWN_FUNCTION");
    }
}
