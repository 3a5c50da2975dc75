package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketRules;
import io.kana.core.port.Markets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * The rules of each market, fetched once with {@link Markets#market} and kept. Concurrent first
 * requests for one market share a single fetch; a failed fetch is not kept, so the next request
 * tries again.
 */
final class MarketRulesCache {

    private static final String ENDPOINT = "getMarketInfo";

    private final Markets markets;
    private final Executor executor;
    private final ConcurrentMap<MarketId, CompletableFuture<MarketRules>> rules = new ConcurrentHashMap<>();

    MarketRulesCache(Markets markets, Executor executor) {
        this.markets = markets;
        this.executor = executor;
    }

    /** The market's rules; completes exceptionally with a {@link KanaException}. */
    CompletableFuture<MarketRules> rules(MarketId marketId) {
        CompletableFuture<MarketRules> known = rules.get(marketId);
        if (known != null) {
            return known;
        }
        CompletableFuture<MarketRules> loading = new CompletableFuture<>();
        known = rules.putIfAbsent(marketId, loading);
        if (known != null) {
            return known;
        }
        try {
            executor.execute(() -> {
                try {
                    loading.complete(load(marketId));
                } catch (RuntimeException e) {
                    fail(marketId, loading, e);
                }
            });
        } catch (RuntimeException rejected) {
            fail(marketId, loading, rejected);
        }
        return loading;
    }

    private void fail(MarketId marketId, CompletableFuture<MarketRules> loading, RuntimeException e) {
        rules.remove(marketId, loading);
        loading.completeExceptionally(e instanceof KanaException ? e
                : new KanaTransportException(ENDPOINT, "could not fetch market " + marketId + ": " + e, e));
    }

    /** Blocking: runs on the executor. */
    private MarketRules load(MarketId marketId) {
        // A market id the trade API refuses is the port's InvalidRequestException; it passes through.
        Market market = markets.market(marketId);
        if (market == null) {
            throw new InvalidRequestException("marketId",
                    "market " + marketId + " is not known to the trade API (no market with that id); check the market id");
        }
        if (!market.id().equals(marketId)) {
            throw new KanaDecodingException(ENDPOINT, "asked for market " + marketId + ", got the rules of market "
                    + market.id(), null, null);
        }
        return MarketRules.of(market);
    }

}
