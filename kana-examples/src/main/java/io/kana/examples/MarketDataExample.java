package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.Show.amount;

import io.kana.client.KanaClient;
import io.kana.core.model.Market;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Trade;
import java.util.List;

/**
 * Market data, no wallet needed: a market's rules, its best prices and last price, its recent
 * trades, and the perpetual asset summaries.
 * {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java -Dexample=io.kana.examples.MarketDataExample}
 */
public final class MarketDataExample {

    private MarketDataExample() {}

    public static void main(String[] args) {
        ExampleEnvironment.runMain(MarketDataExample::run);
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        KanaClient kana = env.trader();

        out.step("Market info (getMarketInfo)");
        Market market = kana.markets().market(APT_USDC);
        out.detail("%s (%s): lot size %s base units, tick size %s, %d..%s lots, max leverage %dx, maintenance %s bps",
                market.baseName(), market.id(), market.lotSize(), market.tickSize(), market.minLots(),
                market.maxLots(), market.maxLeverage(), market.maintenanceMargin());
        out.detail("one lot is %s APT", amount(market.sizeIncrement()));

        out.step("Best prices and last price (getMarketPrice, getLastPlacedPrice)");
        MarketPrice price = kana.markets().marketPrice(APT_USDC);
        out.detail("best bid %s, best ask %s, last price %s", amount(price.bestBid()), amount(price.bestAsk()),
                amount(kana.markets().lastExecutionPrice(APT_USDC)));

        out.step("Recent trades (getAllTrades)");
        List<Trade> trades = kana.markets().recentTrades(APT_USDC);
        if (trades.isEmpty()) {
            out.detail("no trades yet");
        }
        trades.stream().limit(5).forEach(t -> out.detail("%s  %s %s APT at %s", t.timestamp(), Show.side(t.side()),
                amount(t.size()), amount(t.price())));

        out.step("Perpetual asset info of APT/USDC (getPerpetualAssetsInfo?marketId=)");
        kana.markets().perpetualAssetInfo(APT_USDC).forEach(info -> asset(out, info));

        out.step("Perpetual asset info of BTC (getPerpetualAssetsInfo?baseName=)");
        kana.markets().perpetualAssetInfo("BTC").forEach(info -> asset(out, info));

        out.step("Every market (getPerpetualAssetsInfo/allMarkets)");
        kana.markets().allPerpetualAssets().forEach(info -> asset(out, info));
        return out.finish();
    }

    private static void asset(Transcript out, PerpetualAssetInfo info) {
        out.detail("%-5s %-9s base decimals %s, quote decimals %s, max leverage %s", info.marketId(),
                info.baseName(), show(info.baseDecimals()), show(info.quoteDecimals()), show(info.maxLeverage()));
    }

    private static String show(Integer value) {
        return value == null ? "-" : value.toString();
    }
}
