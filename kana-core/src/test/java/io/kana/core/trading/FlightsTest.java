package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.error.TransactionNotSentException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The in-flight limit counts only the operations still outstanding. */
class FlightsTest {

    final Flights flights = new Flights(2);

    @Test
    void aCompletedOrCancelledOperationFreesItsPlace() {
        Flight first = new Flight(null);
        Flight second = new Flight(null);
        assertThat(flights.admit(first)).isTrue();
        assertThat(flights.admit(second)).isTrue();

        Flight third = new Flight(null);
        assertThat(flights.admit(third)).isFalse();
        assertThat(third.result).isCompletedExceptionally();

        first.result.complete(null);
        assertThat(flights.admit(new Flight(null))).isTrue();
        assertThat(second.result.cancel(false)).isTrue();
        assertThat(flights.admit(new Flight(null))).isTrue();
        assertThat(flights.admit(new Flight(null))).isFalse();
    }

    @Test
    void afterCloseNothingIsAdmittedAndNothingMaySignAnyMore() {
        Flight preparing = new Flight(null);
        flights.admit(preparing);

        flights.close();

        assertThat(preparing.result).isCompletedExceptionally();
        CompletableFuture<?> signed = preparing.sign(() -> CompletableFuture.failedFuture(
                new AssertionError("signed after close")));
        assertThat(signed).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TransactionNotSentException.class);
        Flight late = new Flight(null);
        assertThat(flights.admit(late)).isFalse();
        assertThat(late.result).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TransactionNotSentException.class).withMessageContaining("closed");
    }
}
