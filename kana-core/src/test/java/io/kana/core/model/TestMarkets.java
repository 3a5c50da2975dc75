package io.kana.core.model;

import io.kana.testsupport.TestData;
import java.math.BigInteger;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markets for tests: the documented testnet APT market, read from the getMarketInfo fixture. */
public final class TestMarkets {

    private static final String FIXTURE = TestData.fixture("getMarketInfo.json");

    private TestMarkets() {}

    /** APT/USDC, market 1338: lot 100000, tick 1, base 8, quote 6 decimals, 500..150000000 lots, leverage 20. */
    public static Market apt() {
        return new Market(
                MarketId.parse(field("market_id")),
                field("base_name"),
                new BigInteger(field("lot_size")),
                new BigInteger(field("tick_size")),
                new BigInteger(field("min_lots")),
                new BigInteger(field("max_lots")),
                Integer.parseInt(field("base_decimals")),
                Integer.parseInt(field("quote_decimals")),
                Integer.parseInt(field("quote_precision")),
                Integer.parseInt(field("max_leverage")),
                new BigInteger(field("maintenance_margin")),
                new BigInteger(field("max_position_value")),
                AccountAddress.parse(field("market_address")),
                AccountAddress.parse(field("creator")),
                Integer.parseInt(field("market_status")),
                Instant.ofEpochSecond(Long.parseLong(field("timestamp"))));
    }

    /** A BTC-like market 1339: lots of 0.0001 BTC (base 8 decimals), ticks of 0.1 USDC, leverage 50. */
    public static Market btc() {
        return new Market(MarketId.of(1339), "BTC/USDC", BigInteger.valueOf(10_000), BigInteger.valueOf(10),
                BigInteger.ONE, BigInteger.valueOf(1_000_000), 8, 6, 1, 50, BigInteger.valueOf(250), null, null, null,
                null, null);
    }

    private static String field(String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",\\n]+)\"?").matcher(FIXTURE);
        if (!m.find()) {
            throw new IllegalStateException("fixture has no " + name);
        }
        return m.group(1).strip();
    }
}
