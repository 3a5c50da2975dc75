package io.kana.core.trading;

import io.kana.core.model.MarketId;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the pre-trade checks read about the account, locally and at once (no request per order): kept
 * up to date by the application, e.g. from the streams. Implementations are thread-safe.
 */
public interface RiskState {

    /** Open orders across all markets. */
    int openOrders();

    /** The position in {@code market} in base coins: positive long, negative short, zero none. */
    BigDecimal position(MarketId market);

    /** The market's reference price (best bid/ask or mark), or empty when none is known. */
    Optional<BigDecimal> referencePrice(MarketId market);

    /** The realised loss since the start of the day (UTC), in quote coins; zero or more. */
    BigDecimal realisedLossToday();
}
