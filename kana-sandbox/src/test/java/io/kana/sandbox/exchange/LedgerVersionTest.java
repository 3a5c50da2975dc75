package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.args;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transaction_version the exchange reports is the ledger version the chain gave the transaction. */
class LedgerVersionTest {

    private static final long BLOCK = 1_700_000_000_000_000L;

    private final ExchangeDriver d = new ExchangeDriver();
    private final Exchange exchange = d.exchange;
    private final String alice = wallet(1);
    private final String bob = wallet(2);

    private ExecutionResult execute(String wallet, long version, String function, Object... arguments) {
        return exchange.execute(wallet, function, List.of(), args(arguments), BLOCK + version * 1_000_000, version);
    }

    private void fund(String wallet, long version) {
        exchange.fundWallet(wallet, new BigDecimal("100"));
        assertThat(execute(wallet, version, "deposit", wallet, 100_000_000L).success()).isTrue();
    }

    @Test
    void recordsCarryTheVersionOfTheTransactionThatLastChangedThem() {
        fund(alice, 3);
        fund(bob, 7);
        assertThat(execute(bob, 12, "place_limit_order", APT, SHORT, OPEN, 2000L, 5000L, 2, 0, 0L, 0L).success())
                .isTrue();
        assertThat(d.openOrders(bob, APT)).singleElement().satisfies(o -> assertThat(o.version).isEqualTo(12));

        assertThat(execute(alice, 40, "place_limit_order", APT, LONG, OPEN, 500L, 5000L, 2, 0, 0L, 0L).success())
                .isTrue();

        assertThat(d.transfers()).extracting(History.Transfer::version).containsExactly(3L, 7L);
        assertThat(d.openOrders(bob, APT)).singleElement().satisfies(o -> assertThat(o.version).isEqualTo(40));
        assertThat(d.executions()).extracting(History.Execution::version).containsOnly(40L).hasSize(2);
        assertThat(d.closedOrders()).singleElement().satisfies(o -> assertThat(o.version).isEqualTo(40));
        assertThat(d.position(alice, APT, LONG).version).isEqualTo(40);
        assertThat(d.position(bob, APT, SHORT).version).isEqualTo(40);
    }

    @Test
    void anAbortedTransactionStillUsesUpItsVersion() {
        fund(alice, 1);
        assertThat(execute(alice, 5, "collapse_position", APT).codeName()).isEqualTo("E_POSITION_NOT_FOUND");
        String before = d.fingerprint();

        assertThatThrownBy(() -> execute(alice, 5, "deposit", alice, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 5 must be greater than the previous version 5");
        assertThatThrownBy(() -> execute(alice, 4, "deposit", alice, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.fingerprint()).isEqualTo(before);
        assertThat(execute(alice, 6, "place_limit_order", APT, LONG, OPEN, 500L, 5000L, 2, 0, 0L, 0L).success())
                .isTrue();
        assertThat(d.openOrders(alice, APT)).singleElement().satisfies(o -> assertThat(o.version).isEqualTo(6));
    }

    @Test
    void simulationsUseNoVersion() {
        fund(alice, 9);
        exchange.fundWallet(alice, BigDecimal.ONE);

        assertThat(exchange.simulate(alice, "deposit", List.of(), args(alice, 1L), BLOCK).success()).isTrue();

        assertThat(execute(alice, 10, "deposit", alice, 1L).success()).isTrue();
        assertThat(d.transfers()).extracting(History.Transfer::version).containsExactly(9L, 10L);
    }

    @Test
    void fundingCarriesTheLatestLedgerVersion() {
        fund(alice, 2);
        fund(bob, 3);
        execute(bob, 4, "place_limit_order", APT, SHORT, OPEN, 1000L, 5000L, 2, 0, 0L, 0L);
        execute(alice, 8, "place_limit_order", APT, LONG, OPEN, 1000L, 5000L, 2, 0, 0L, 0L);
        execute(alice, 11, "collapse_position", 1339L);

        exchange.applyFunding(APT, new BigDecimal("0.001"));

        List<Long> versions = exchange.read((s, h) -> h.funding.stream().map(History.Funding::version).toList());
        assertThat(versions).containsExactly(11L, 11L);
    }
}
