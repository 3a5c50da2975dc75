package io.kana.core.trading;

import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link KanaTrader#halt} did: new orders are refused from the halt on; the open orders found
 * were cancelled in as few transactions as the batch limit allows.
 *
 * @param reason       why trading was halted
 * @param cancelled    the orders whose cancellation committed, by market
 * @param transactions the cancel transactions that committed
 * @param problems     what could not be cancelled, and why (empty when every open order was)
 */
public record HaltReport(String reason, Map<MarketId, List<OrderId>> cancelled, int transactions,
        List<String> problems) {

    public HaltReport {
        Objects.requireNonNull(reason, "reason");
        cancelled = Map.copyOf(cancelled);
        problems = List.copyOf(problems);
    }

    /** How many orders were cancelled across all markets. */
    public int cancelledCount() {
        return cancelled.values().stream().mapToInt(List::size).sum();
    }
}
