package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.KanaDecodingException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.OrderId;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketsEndpointsTest extends MockApiTest {

    private static final AccountAddress CREATOR =
            AccountAddress.parse("0xb61d7b57333abf8ac036e752f19d0ba0c4baa5404db1cbf868c57dac3628f2bf");

    @Test
    void marketDecodesTheCurrentDocumentedMarketInfo() {
        enqueue(200, fixture("getMarketInfo.json"));

        Market market = api.market(MarketId.of(1338));

        assertGet("/getMarketInfo", Map.of("marketId", "1338"));
        assertThat(market).isEqualTo(new Market(MarketId.of(1338), "APT/USDC", BigInteger.valueOf(100_000),
                BigInteger.ONE, BigInteger.valueOf(500), BigInteger.valueOf(150_000_000), 8, 6, 3, 20,
                BigInteger.valueOf(250), BigInteger.valueOf(125_000_000),
                AccountAddress.parse("0xcfa0086c26787035de6b4a312875c7a70b2f9a29fa880d0cf633ef3dd0acd2c3"), CREATOR, 1,
                Instant.ofEpochSecond(1_745_079_291)));
        assertThat(market.sizeIncrement()).isEqualByComparingTo("0.001");
    }

    @Test
    void marketDecodesTheMarket501Variant() {
        enqueue(200, fixture("getMarketInfo.v501.json"));

        Market market = api.market(MarketId.of(501));

        assertGet("/getMarketInfo", Map.of("marketId", "501"));
        assertThat(market).isEqualTo(new Market(MarketId.of(501), "APT/USDC", BigInteger.valueOf(100_000),
                BigInteger.ONE, BigInteger.valueOf(500), BigInteger.valueOf(150_000_000), 8, 6, 3, 20,
                BigInteger.valueOf(250), null,
                AccountAddress.parse("0xfd8d58fdd05dd9d0442a9d555a4f8ed310112eb7d1c297307038a650136e207b"), CREATOR,
                null, null));
    }

    @Test
    void marketDecodesTheOlderVariantWithCreatorAddress() {
        enqueue(200, fixture("getMarketInfo.v301.json"));

        Market market = api.market(MarketId.of(301));

        assertGet("/getMarketInfo", Map.of("marketId", "301"));
        assertThat(market).isEqualTo(new Market(MarketId.of(301), "APT/USDC", BigInteger.valueOf(150_000_000),
                BigInteger.ONE, BigInteger.valueOf(500), BigInteger.valueOf(1_500_000), 8, 6, 3, 20,
                BigInteger.valueOf(250), null,
                AccountAddress.parse("0x2b1c1f9288506541f5a9ad37b5071e100bf289a74d27801cb6d3dc92a2c5fcca"), CREATOR,
                null, null));
    }

    @Test
    void marketDecodesTheOldestVariantInTheStatusEnvelopeWithoutMaxLots() {
        enqueue(200, fixture("getMarketInfo.v66-status.json"));

        Market market = api.market(MarketId.of(66));

        assertGet("/getMarketInfo", Map.of("marketId", "66"));
        assertThat(market).isEqualTo(new Market(MarketId.of(66), "APT/USDC", BigInteger.valueOf(100_000),
                BigInteger.ONE, BigInteger.valueOf(500), Decoders.NO_MAX_LOTS, 8, 6, 3, 20, BigInteger.valueOf(400),
                null, null, null, null, null));
        assertThat(Decoders.NO_MAX_LOTS).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void marketAcceptsABareObjectAsData() {
        enqueueData("{\"market_id\":7,\"base_name\":\"BTC/USDC\",\"lot_size\":10,\"tick_size\":\"100\","
                + "\"min_lots\":1,\"max_lots\":\"5\",\"base_decimals\":\"8\",\"quote_decimals\":6,"
                + "\"quote_precision\":2,\"max_leverage\":50,\"maintenance_margin\":\"100\"}");

        Market market = api.market(MarketId.of(7));

        assertThat(market.baseName()).isEqualTo("BTC/USDC");
        assertThat(market.tickSize()).isEqualTo(BigInteger.valueOf(100));
        assertThat(market.maxLeverage()).isEqualTo(50);
    }

    @Test
    void marketRefusesADescriptionOfAnotherMarket() {
        enqueue(200, fixture("getMarketInfo.json"));

        assertThatThrownBy(() -> api.market(MarketId.of(1339)))
                .isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("asked for market 1339")
                .hasMessageContaining("[1338]");
    }

    @Test
    void marketRefusesAnEmptyArray() {
        enqueueData("[]");

        assertThatThrownBy(() -> api.market(MarketId.of(1338)))
                .isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("holds no market");
    }

    @Test
    void marketPriceReadsBestBidAndAskGivenAsNumberOrString() {
        enqueueData("{\"bestAskPrice\": 5.80100000000000000001, \"bestBidPrice\": \"5.799\"}");

        MarketPrice price = api.marketPrice(MarketId.of(1338));

        assertGet("/getMarketPrice", Map.of("marketId", "1338"));
        assertThat(price).isEqualTo(new MarketPrice(new BigDecimal("5.799"), new BigDecimal("5.80100000000000000001")));
    }

    @Test
    void marketPriceOfAnEmptyBookIsNull() {
        enqueueData("{\"bestAskPrice\": null, \"bestBidPrice\": null}");

        assertThat(api.marketPrice(MarketId.of(14))).isEqualTo(new MarketPrice(null, null));
        assertGet("/getMarketPrice", Map.of("marketId", "14"));
    }

    @Test
    void lastExecutionPriceKeepsEveryDigit() {
        enqueueData("5.12345678901234567890123");

        BigDecimal price = api.lastExecutionPrice(MarketId.of(1338));

        assertGet("/getLastPlacedPrice", Map.of("marketId", "1338"));
        assertThat(price).isEqualTo(new BigDecimal("5.12345678901234567890123"));
    }

    @Test
    void recentTradesDecodesTradeObjects() {
        enqueueData("""
                [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912",
                  "market_id":"1338","order_id":"11905620858892513160724480","order_type":1,"trade_side":false,
                  "price":"5.757","size":"10","order_value":"57.57","leverage":20,"pnl":"-0.25","fee":"0.0115",
                  "entry_price":null,"trade_id":"737648402019497550020622","timestamp":1747075649,
                  "last_updated":"1747075650","transaction_version":2713317408},
                 {"market_id":1338,"order_type":8,"price":5.8,"size":1}]
                """);

        var trades = api.recentTrades(MarketId.of(1338));

        assertGet("/getAllTrades", Map.of("marketId", "1338"));
        assertThat(trades).containsExactly(
                new Trade(MarketId.of(1338), OrderId.parse("11905620858892513160724480"), PROFILE,
                        Optional.of(Side.SHORT), 1,
                        new BigDecimal("5.757"), new BigDecimal("10"), new BigDecimal("57.57"), 20,
                        new BigDecimal("-0.25"), new BigDecimal("0.0115"), null, "737648402019497550020622",
                        Instant.ofEpochSecond(1_747_075_649), Instant.ofEpochSecond(1_747_075_650),
                        BigInteger.valueOf(2_713_317_408L)),
                new Trade(MarketId.of(1338), null, null, Optional.empty(), 8, new BigDecimal("5.8"), BigDecimal.ONE, null,
                        null, null, null, null, null, null, null, null));
    }

    /**
     * Shaped like the sources show it: a market-info object (mainnet names such as "APT-USD"). Price,
     * funding and volume fields are in no source; the one here must not surface in the result.
     */
    private static final String ASSETS = """
            [{"__variant__":"V1","market_id":"14","base_name":"APT-USD","base_decimals":8,"quote_decimals":6,
              "lot_size":"100000","tick_size":"1","min_lots":"500","max_lots":"150000000","quote_precision":3,
              "max_leverage":"20","maintenance_margin":"250","max_position_value":"125000000",
              "market_address":"0xcfa0086c26787035de6b4a312875c7a70b2f9a29fa880d0cf633ef3dd0acd2c3",
              "market_status":1,"timestamp":"1745079291","counter":"0","mark_price":"5.1",
              "some_new_field":{"nested":[1,2]}}]
            """;

    private static final PerpetualAssetInfo APT = new PerpetualAssetInfo(MarketId.of(14), "APT-USD", 8, 6,
            BigInteger.valueOf(100_000), BigInteger.ONE, BigInteger.valueOf(500), BigInteger.valueOf(150_000_000), 3,
            20, BigInteger.valueOf(250), BigInteger.valueOf(125_000_000),
            AccountAddress.parse("0xcfa0086c26787035de6b4a312875c7a70b2f9a29fa880d0cf633ef3dd0acd2c3"), 1,
            Instant.ofEpochSecond(1_745_079_291));

    @Test
    void perpetualAssetInfoByMarketIdSendsOnlyTheMarketId() {
        enqueueData(ASSETS);

        var assets = api.perpetualAssetInfo(MarketId.of(14));

        assertGet("/getPerpetualAssetsInfo", Map.of("marketId", "14"));
        assertThat(assets).containsExactly(APT);
    }

    @Test
    void perpetualAssetInfoByBaseNameSendsOnlyTheBaseName() {
        enqueueData(ASSETS);

        var assets = api.perpetualAssetInfo("APT");

        assertGet("/getPerpetualAssetsInfo", Map.of("baseName", "APT"));
        assertThat(assets).containsExactly(APT);
    }

    @Test
    void allPerpetualAssetsUsesTheAllMarketsPathWithoutParameters() {
        enqueueData("[" + ASSETS.strip().substring(1, ASSETS.strip().length() - 1) + ",{\"market_id\":1338}]");

        var assets = api.allPerpetualAssets();

        assertGet("/getPerpetualAssetsInfo/allMarkets", Map.of());
        assertThat(assets).containsExactly(APT, new PerpetualAssetInfo(MarketId.of(1338), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
    }
}
