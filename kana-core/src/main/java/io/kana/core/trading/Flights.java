package io.kana.core.trading;

import io.kana.core.error.TransactionNotSentException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The operations in flight of a trader and its copies, and whether it still takes new ones. */
final class Flights {

    private final Set<Flight> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final int limit;
    private volatile boolean closed;

    /** @param limit most operations in flight at once; more are refused rather than queued without end */
    Flights(int limit) {
        this.limit = limit;
    }

    /** Whether {@code flight} may go ahead; if not, its result is already completed. */
    boolean admit(Flight flight) {
        if (closed) {
            flight.stopBeforeSigning(closedError());
            return false;
        }
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            flight.stopBeforeSigning(new TransactionNotSentException("busy", limit
                    + " operations are in flight already; try again when some have completed", null));
            return false;
        }
        open.add(flight);
        flight.result.whenComplete((value, failure) -> {
            if (open.remove(flight)) {
                count.decrementAndGet();
            }
        });
        flight.startTimer();
        if (closed) {
            // close() ran between the check above and open.add: it may not have seen this flight.
            flight.stop("the trader was closed", closedError());
        }
        return true;
    }

    void close() {
        closed = true;
        for (Flight flight : open) {
            flight.stop("the trader was closed", closedError());
        }
    }

    private static TransactionNotSentException closedError() {
        return new TransactionNotSentException("closed", "the trader is closed", null);
    }
}
