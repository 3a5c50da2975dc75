package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Trade;
import io.kana.core.port.Markets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Serves the markets it was given, like the trade API (400 for an unknown id); records each call. */
final class FakeMarkets implements Markets {

    final List<MarketId> calls = new CopyOnWriteArrayList<>();
    private final Map<MarketId, Market> markets = new ConcurrentHashMap<>();
    /** When set, answers instead of the map (to simulate failures). */
    volatile Function<MarketId, Market> override;

    FakeMarkets(Market... known) {
        for (Market market : known) {
            markets.put(market.id(), market);
        }
    }

    @Override
    public Market market(MarketId marketId) {
        calls.add(marketId);
        if (override != null) {
            return override.apply(marketId);
        }
        Market market = markets.get(marketId);
        if (market == null) {
            throw new InvalidRequestException("marketId", "market " + marketId
                    + " is not known to the trade API (Market not found for marketId " + marketId + "); check the market id");
        }
        return market;
    }

    @Override
    public MarketPrice marketPrice(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal lastExecutionPrice(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Trade> recentTrades(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(String baseName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> allPerpetualAssets() {
        throw new UnsupportedOperationException();
    }
}
