package io.kana.examples;

import io.kana.core.model.Market;
import io.kana.core.model.MarketPrice;
import io.kana.core.port.Markets;
import java.io.PrintStream;
import java.util.Map;

/** Market data: rules, best prices, last price, recent trades and the perpetual asset summaries. */
public final class MarketDataExample {

    private MarketDataExample() {}

    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    static void run(Map<String, String> env, PrintStream out) {
        try (ExampleEnvironment environment = ExampleEnvironment.open(env)) {
            Steps steps = new Steps(out);
            steps.header("Market data on " + environment.describe());
            Markets markets = environment.primary().markets();
            Market market = markets.market(environment.market());
            steps.read("getMarketInfo", market);
            MarketPrice price = markets.marketPrice(market.id());
            steps.read("getMarketPrice", "best bid " + price.bestBid() + ", best ask " + price.bestAsk());
            steps.read("getLastPlacedPrice", markets.lastExecutionPrice(market.id()));
            steps.read("getAllTrades", markets.recentTrades(market.id()).size() + " recent trades");
            steps.read("getPerpetualAssetsInfo?marketId", markets.perpetualAssetInfo(market.id()));
            steps.read("getPerpetualAssetsInfo/allMarkets", String.join("\n", markets.allPerpetualAssets().stream()
                    .map(a -> a.marketId() + " " + a.baseName() + " max leverage " + a.maxLeverage()).toList()));
        }
    }
}
