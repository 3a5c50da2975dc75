package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.WALLET;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The trader tells its listener how every write ended, whichever stage ended it. */
class KanaTraderListenerTest {

    private final TraderFixture fixture = new TraderFixture().answering(kana("deposit", WALLET, "25500000"));
    private final Recording heard = new Recording();

    @Test
    void aCommittedWriteSucceedsWithItsSubmitToCommitTime() throws Exception {
        TraderFixture.done(trader(Execution.awaitCommit(Duration.ofSeconds(5))).deposit(new BigDecimal("25.5")));

        assertThat(heard.events).containsExactly("succeeded DEPOSIT timed");
    }

    @Test
    void aSubmittedWriteNotAwaitedSucceedsWithoutATime() throws Exception {
        TraderFixture.done(trader(Execution.SUBMIT_ONLY).deposit(new BigDecimal("25.5")));

        assertThat(heard.events).containsExactly("succeeded DEPOSIT untimed");
    }

    @Test
    void badInputAndAnAbortAreRejectedALostSubmitIsOutcomeUnknown() {
        KanaTrader trader = trader(Execution.awaitCommit(Duration.ofSeconds(5)));

        assertThat(TraderFixture.failure(trader.deposit(new BigDecimal("-1")))).isInstanceOf(InvalidRequestException.class);
        fixture.submitter.onAwait = (tx, timeout) -> CompletableFuture.completedFuture(FakeSubmitter.abort(tx.hash()));
        assertThat(TraderFixture.failure(trader.deposit(new BigDecimal("25.5"))))
                .isInstanceOf(TransactionFailedException.class);
        fixture.submitter.onSubmit = payload -> CompletableFuture.failedFuture(new IllegalStateException("reset"));
        assertThat(TraderFixture.failure(trader.deposit(new BigDecimal("25.5"))))
                .isInstanceOf(TransactionOutcomeUnknownException.class);

        assertThat(heard.events).containsExactly("rejected DEPOSIT InvalidRequestException",
                "rejected DEPOSIT TransactionFailedException", "unknown DEPOSIT TransactionOutcomeUnknownException");
    }

    private KanaTrader trader(Execution execution) {
        return KanaTrader.builder().markets(fixture.markets).payloads(fixture.payloads).submitter(fixture.submitter)
                .moduleInterfaces(fixture.chain).payloadPolicy(TraderFixture.MAINNET).executor(Runnable::run)
                .execution(execution).listener(heard).build();
    }

    private static final class Recording implements TradeListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void succeeded(TradeOperation operation, Duration submitToCommit) {
            events.add("succeeded " + operation + (submitToCommit == null ? " untimed" : " timed"));
        }

        @Override
        public void rejected(TradeOperation operation, KanaException error) {
            events.add("rejected " + operation + " " + error.getClass().getSimpleName());
        }

        @Override
        public void outcomeUnknown(TradeOperation operation, KanaException error) {
            events.add("unknown " + operation + " " + error.getClass().getSimpleName());
        }
    }
}
