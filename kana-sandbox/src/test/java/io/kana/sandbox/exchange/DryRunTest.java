package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Exchange#simulate}: the outcome of a transaction, with none of its effects. */
class DryRunTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);
    private final String bob = wallet(2);

    @BeforeEach
    void fund() {
        d.funded(alice, 10_000);
        d.funded(bob, 100);
        d.ok(alice, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, 5, 0, 0, 0);
    }

    @AfterEach
    void conserved() {
        d.assertConserved();
    }

    private record Snapshot(List<Long> remainingLots, int positions, long bobBalance, long version) {}

    private Snapshot snapshot() {
        return d.exchange.read((s, h) -> new Snapshot(
                s.markets.get(APT).book.orders().stream().map(o -> o.remaining).toList(),
                s.markets.get(APT).positionsOf(ExchangeDriver.profile(bob)).size(),
                s.accounts.get(ExchangeDriver.profile(bob)).balance,
                h.executions.size()));
    }

    @Test
    void aTradeThatWouldSucceedChangesNothing() {
        Snapshot before = snapshot();

        ExecutionResult result = d.simulate(bob, "place_market_order", APT, LONG, OPEN, 1000, 5, 0, 0);

        assertThat(result.success()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(d.run(bob, "place_market_order", APT, LONG, OPEN, 1000, 5, 0, 0).success()).isTrue();
        assertThat(snapshot()).isNotEqualTo(before);
    }

    @Test
    void aTradeThatWouldAbortReportsTheAbortAndChangesNothing() {
        Snapshot before = snapshot();

        // 4000 USDC of notional at leverage 1; bob holds 100.
        ExecutionResult result = d.simulate(bob, "place_limit_order", APT, LONG, OPEN, 1_000_000, 4000, 1, 0, 0, 0);

        assertThat(result.success()).isFalse();
        assertThat(result.codeName()).isEqualTo("E_INSUFFICIENT_MARGIN");
        assertThat(snapshot()).isEqualTo(before);
    }
}
