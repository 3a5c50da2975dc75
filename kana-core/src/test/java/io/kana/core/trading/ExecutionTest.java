package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.TestMarkets;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionTest {

    @Test
    void submitOnlyNeitherWaitsNorSimulates() {
        assertThat(Execution.SUBMIT_ONLY.awaitCommit()).isFalse();
        assertThat(Execution.SUBMIT_ONLY.timeout()).isNull();
        assertThat(Execution.SUBMIT_ONLY.simulateFirst()).isFalse();
    }

    @Test
    void awaitCommitKeepsItsTimeoutAndCanSimulateFirst() {
        Execution execution = Execution.awaitCommit(Duration.ofSeconds(12)).simulatingFirst();

        assertThat(execution).isEqualTo(new Execution(true, Duration.ofSeconds(12), true));
        assertThat(Execution.SUBMIT_ONLY.simulatingFirst()).isEqualTo(new Execution(false, null, true));
    }

    @Test
    void aCommitTimeoutIsPositiveAndOnlyForWaiting() {
        assertThatThrownBy(() -> Execution.awaitCommit(Duration.ZERO)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> Execution.awaitCommit(Duration.ofSeconds(-1))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Execution.awaitCommit(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Execution(false, Duration.ofSeconds(1), false))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only applies when awaiting");
    }

    @Test
    void aResultIsCommittedOnlyWithAnOutcome() {
        EntryFunctionPayload payload = TraderFixture.kana("collapse_position", "1338");
        TradeResult submitted = new TradeResult(TradeOperation.COLLAPSE_POSITION, payload, FakeSubmitter.hash(1),
                BigInteger.ONE, null);
        TradeResult committed = new TradeResult(TradeOperation.COLLAPSE_POSITION, payload, FakeSubmitter.hash(1),
                BigInteger.ONE, FakeSubmitter.success(FakeSubmitter.hash(1)));

        assertThat(submitted.committed()).isFalse();
        assertThat(committed.committed()).isTrue();
        assertThatThrownBy(() -> new TradeResult(null, payload, "0x1", BigInteger.ONE, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TradeResult(TradeOperation.DEPOSIT, payload, null, BigInteger.ONE, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        FakeMarkets markets = new FakeMarkets(TestMarkets.apt());
        FakePayloads payloads = new FakePayloads();
        FakeSubmitter submitter = new FakeSubmitter();

        assertThatThrownBy(() -> KanaTrader.builder().payloads(payloads).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).build()).hasMessageContaining("markets are required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).build()).hasMessageContaining("payloads are required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).payloads(payloads)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).build()).hasMessageContaining("a submitter is required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
                .build()).hasMessageContaining("a payload policy is required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).build()).hasMessageContaining("module interfaces are required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).contract(null)
                .build()).hasMessageContaining("a contract is required");
        assertThatThrownBy(() -> KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
                .payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).execution(null).build())
                .hasMessageContaining("an execution is required");
        assertThatThrownBy(() -> KanaTrader.builder().collateralDecimals(-1))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("got -1");
    }

    @Test
    void theDefaultExecutionAwaitsTheCommitForThirtySeconds() {
        KanaTrader trader = KanaTrader.builder().markets(new FakeMarkets()).payloads(new FakePayloads())
                .submitter(new FakeSubmitter()).payloadPolicy(TraderFixture.MAINNET).moduleInterfaces(new FakeModuleInterfaces()).build();

        assertThat(trader.execution()).isEqualTo(Execution.awaitCommit(Duration.ofSeconds(30)));
        assertThat(List.of(KanaTrader.DEFAULT_COLLATERAL_DECIMALS)).containsExactly(6);
    }
}
