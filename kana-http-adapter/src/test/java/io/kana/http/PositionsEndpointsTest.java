package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.MarketId;
import io.kana.core.model.Position;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionsEndpointsTest extends MockApiTest {

    private static final String CURRENT_SHAPE = """
            [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912","market_id":"1338",
              "leverage":5,"trade_side":true,"size":"2.5","available_order_size":"1.5","value":"14.375",
              "entry_price":"5.75","liq_price":"4.7","margin":"2.875","tp":"6.5","sl":"0",
              "trade_id":"737648402019497550020622","last_updated":1747075650,"transaction_version":2713317408}]
            """;

    private static final Position CURRENT = new Position(MarketId.of(1338), PROFILE, Side.LONG, new BigDecimal("2.5"),
            new BigDecimal("1.5"), new BigDecimal("14.375"), new BigDecimal("5.75"), new BigDecimal("4.7"),
            new BigDecimal("2.875"), 5, new BigDecimal("6.5"), null, "737648402019497550020622",
            Instant.ofEpochSecond(1_747_075_650), BigInteger.valueOf(2_713_317_408L));

    @Test
    void positionsDecodesTheDocumentedObjectWithIsLong() {
        enqueueData(fixtureData("ws-positions.json"));

        var positions = api.positions(WALLET, null);

        assertGet("/getPositions", Map.of("userAddress", WALLET.hex()));
        assertThat(positions).containsExactly(new Position(MarketId.of(396),
                ProfileAddress.parse("0x4d6dc68e391e86991e58ab4d548b7e92872430d1f51bc666fe0c206bad7ff770"), Side.SHORT,
                new BigDecimal("1000"), null, new BigDecimal("6050000"), new BigDecimal("6050"),
                new BigDecimal("8853.658536585366"), new BigDecimal("3025000"), 2, null, null,
                "16509835945970048696716", Instant.ofEpochSecond(1_739_788_459), null));
    }

    @Test
    void positionsSendsTheMarketAndReadsTradeSideAndZeroStopLossAsNone() {
        enqueueData(CURRENT_SHAPE);

        var positions = api.positions(WALLET, MarketId.of(1338));

        assertGet("/getPositions", Map.of("userAddress", WALLET.hex(), "marketId", "1338"));
        assertThat(positions).containsExactly(CURRENT);
    }

    @Test
    void positionsFromContractUsesItsOwnPath() {
        enqueueData(CURRENT_SHAPE);

        var positions = api.positionsFromContract(WALLET, MarketId.of(1338));

        assertGet("/getPositionsFromContract", Map.of("userAddress", WALLET.hex(), "marketId", "1338"));
        assertThat(positions).containsExactly(CURRENT);
    }
}
