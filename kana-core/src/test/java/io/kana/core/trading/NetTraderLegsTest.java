package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kana.core.model.Direction;
import io.kana.core.model.MarketRules;
import io.kana.core.model.NetOrder;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderType;
import io.kana.core.model.Side;
import io.kana.core.model.TestMarkets;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a net order becomes hedge-mode orders (APT: minimum size 0.5). */
class NetTraderLegsTest {

    static final MarketRules APT = MarketRules.of(TestMarkets.apt());

    @Test
    void aBuyClosesTheFreeShortFirstAndOpensALongForTheRest() {
        NetLegs legs = NetLegs.of(APT, Map.of(Side.SHORT, d("1")), List.of(NetOrder.buy(d("3"), d("5"))));

        assertThat(legs.specs()).extracting(OrderSpec::side, OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Side.SHORT, Direction.CLOSE, d("1")), tuple(Side.LONG, Direction.OPEN, d("2")));
    }

    @Test
    void aSellWithoutALongOnlyOpensAShort() {
        NetLegs legs = NetLegs.of(APT, Map.of(Side.SHORT, d("4")),
                List.of(NetOrder.sellAtMarket(d("2")).withLeverage(3)));

        assertThat(legs.specs()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(OrderType.MARKET);
            assertThat(s.side()).isEqualTo(Side.SHORT);
            assertThat(s.direction()).isEqualTo(Direction.OPEN);
            assertThat(s.leverage()).isEqualTo(3);
        });
    }

    @Test
    void laterOrdersOfABatchCloseOnlyWhatEarlierOnesLeft() {
        NetLegs legs = NetLegs.of(APT, Map.of(Side.LONG, d("1.5")),
                List.of(NetOrder.sell(d("1"), d("5.1")), NetOrder.sell(d("1"), d("5.2"))));

        assertThat(legs.specs()).extracting(OrderSpec::side, OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Side.LONG, Direction.CLOSE, d("1")), tuple(Side.LONG, Direction.CLOSE, d("0.5")),
                        tuple(Side.SHORT, Direction.OPEN, d("0.5")));
    }

    @Test
    void aPartBelowTheMinimumSizeIsFoldedIntoTheOther() {
        // 0.3 free to close is below the minimum: the whole buy opens.
        assertThat(NetLegs.of(APT, Map.of(Side.SHORT, d("0.3")), List.of(NetOrder.buy(d("2"), d("5")))).specs())
                .extracting(OrderSpec::side, OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Side.LONG, Direction.OPEN, d("2")));
        // 1.8 to close would leave 0.2 to open: close 1.5, open the minimum 0.5.
        assertThat(NetLegs.of(APT, Map.of(Side.SHORT, d("1.8")), List.of(NetOrder.buy(d("2"), d("5")))).specs())
                .extracting(OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Direction.CLOSE, d("1.5")), tuple(Direction.OPEN, d("0.5")));
        // A buy of 0.8 with 0.6 to close leaves 0.2: no split keeps both parts placeable, so it all opens.
        assertThat(NetLegs.of(APT, Map.of(Side.SHORT, d("0.6")), List.of(NetOrder.buy(d("0.8"), d("5")))).specs())
                .extracting(OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Direction.OPEN, d("0.8")));
    }

    @Test
    void reduceOnlyPlacesOnlyTheClosingPartOrNothing() {
        NetLegs some = NetLegs.of(APT, Map.of(Side.LONG, d("0.7")),
                List.of(NetOrder.sell(d("2"), d("5")).asReduceOnly()));
        assertThat(some.specs()).extracting(OrderSpec::side, OrderSpec::direction, OrderSpec::size)
                .containsExactly(tuple(Side.LONG, Direction.CLOSE, d("0.7")));

        NetOrder nothing = NetOrder.buy(d("1"), d("5")).asReduceOnly();
        NetLegs none = NetLegs.of(APT, Map.of(Side.SHORT, d("0.2")), List.of(nothing));
        assertThat(none.specs()).isEmpty();
        assertThat(none.skipped()).containsExactly(nothing);
    }

    @Test
    void tagsFollowTheirLegs() {
        NetLegs legs = NetLegs.of(APT, Map.of(Side.SHORT, d("1")),
                List.of(NetOrder.buy(d("2"), d("5")).tagged("bid")));

        assertThat(legs.specTags()).containsExactly("bid", "bid");
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
