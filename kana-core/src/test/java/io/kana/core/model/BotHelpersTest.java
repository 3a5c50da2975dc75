package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Buy/sell from side and direction, rounding to tick and lot, min/max size, mid and spread. */
class BotHelpersTest {

    static final MarketRules APT = MarketRules.of(TestMarkets.apt());
    static final MarketRules BTC = MarketRules.of(TestMarkets.btc());

    @Test
    void buyAndSellFollowSideAndDirection() {
        assertThat(Action.of(Side.LONG, Direction.OPEN)).isEqualTo(Action.BUY);
        assertThat(Action.of(Side.LONG, Direction.CLOSE)).isEqualTo(Action.SELL);
        assertThat(Action.of(Side.SHORT, Direction.OPEN)).isEqualTo(Action.SELL);
        assertThat(Action.of(Side.SHORT, Direction.CLOSE)).isEqualTo(Action.BUY);
        assertThat(Action.BUY.closes()).isEqualTo(Side.SHORT);
        assertThat(Action.BUY.opens()).isEqualTo(Side.LONG);
        assertThat(Action.SELL.closes()).isEqualTo(Side.LONG);
        assertThat(Action.SELL.sign()).isEqualTo(-1);
    }

    @Test
    void anOrdersActionNeedsBothSideAndDirection() {
        Order known = order(Optional.of(Side.SHORT), Direction.CLOSE);
        assertThat(known.action()).contains(Action.BUY);
        assertThat(order(Optional.empty(), Direction.CLOSE).action()).isEmpty();
        assertThat(order(Optional.of(Side.LONG), null).action()).isEmpty();
    }

    @Test
    void pricesRoundToTheTickAsAskedAndStayAtLeastOneTick() {
        assertThat(APT.roundPrice(new BigDecimal("5.0006"), RoundingMode.DOWN)).isEqualByComparingTo("5");
        assertThat(APT.roundPrice(new BigDecimal("5.0006"), RoundingMode.HALF_EVEN)).isEqualByComparingTo("5.001");
        assertThat(APT.roundPrice(new BigDecimal("5.0001"), RoundingMode.CEILING)).isEqualByComparingTo("5.001");
        assertThat(BTC.roundPrice(new BigDecimal("65000.07"), RoundingMode.FLOOR)).isEqualByComparingTo("65000");
        assertThat(APT.roundPrice(new BigDecimal("0.0000001"), RoundingMode.DOWN)).isEqualByComparingTo("0.001");
        BigDecimal rounded = APT.roundPrice(new BigDecimal("7.123456"), RoundingMode.HALF_UP);
        assertThat(APT.ticks(rounded)).isEqualTo(7123);
    }

    @Test
    void sizesRoundToTheLotAndAreClampedToTheMarketsLimits() {
        assertThat(APT.minSize()).isEqualByComparingTo("0.5");
        assertThat(APT.maxSize()).isEqualByComparingTo("150000");
        assertThat(APT.roundSize(new BigDecimal("1.23456"), RoundingMode.DOWN)).isEqualByComparingTo("1.234");
        assertThat(APT.roundSize(new BigDecimal("1.23456"), RoundingMode.UP)).isEqualByComparingTo("1.235");
        assertThat(APT.roundSize(new BigDecimal("0.1"), RoundingMode.DOWN)).isEqualByComparingTo("0.5");
        assertThat(APT.roundSize(new BigDecimal("1e9"), RoundingMode.DOWN)).isEqualByComparingTo("150000");
        assertThat(APT.lots(APT.roundSize(new BigDecimal("2.0004"), RoundingMode.HALF_UP))).isEqualTo(2000);
        assertThatThrownBy(() -> APT.roundSize(new BigDecimal("-1"), RoundingMode.DOWN))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> APT.roundPrice(new BigDecimal("1e100000"), RoundingMode.DOWN))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void midAndSpreadNeedBothSidesOfTheBook() {
        MarketPrice book = new MarketPrice(new BigDecimal("4.999"), new BigDecimal("5.002"));
        assertThat(book.mid()).contains(new BigDecimal("5.0005"));
        assertThat(book.spread()).contains(new BigDecimal("0.003"));
        assertThat(new MarketPrice(null, new BigDecimal("5")).mid()).isEmpty();
        assertThat(new MarketPrice(new BigDecimal("5"), null).spread()).isEmpty();
    }

    @Test
    void netOrdersRefuseBadInputBeforeAnythingIsSent() {
        assertThatThrownBy(() -> NetOrder.buy(BigDecimal.ZERO, BigDecimal.ONE)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> NetOrder.sell(BigDecimal.ONE, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("price");
        assertThatThrownBy(() -> NetOrder.buyAtMarket(BigDecimal.ONE).tagged(" "))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tag");
        NetOrder order = NetOrder.sellAtMarket(BigDecimal.ONE).withLeverage(3).asReduceOnly().tagged("t");
        assertThat(order.isMarket()).isTrue();
        assertThat(order.reduceOnly()).isTrue();
        assertThat(order.leverage()).isEqualTo(3);
    }

    static Order order(Optional<Side> side, Direction direction) {
        return new Order(OrderId.of(1), MarketId.of(1338), null, side, direction, 3, false, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, 1, null, null, null, null, null);
    }
}
