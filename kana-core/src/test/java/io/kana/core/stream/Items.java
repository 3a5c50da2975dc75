package io.kana.core.stream;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.PriceLevel;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Stream items with only the fields reconciliation looks at filled in. */
final class Items {

    static final MarketId MARKET = MarketId.of(1338);
    static final WalletAddress WALLET = WalletAddress.parse("0xa11ce");

    private Items() {
    }

    static Trade trade(String tradeId, long orderId, long version) {
        return new Trade(MARKET, OrderId.of(orderId), FakeReads.PROFILE, Optional.empty(), 1, new BigDecimal("5.00"),
                BigDecimal.ONE, new BigDecimal("5.00"), 2, null, null, null, tradeId, null, null,
                BigInteger.valueOf(version));
    }

    /** Trade {@code n}: trade id and order id {@code n}, ledger version {@code 1000 + n}. */
    static Trade fill(int n) {
        return trade("t" + n, n, 1000 + n);
    }

    static Order order(long orderId, long version, OrderStatus status, String remaining) {
        return new Order(OrderId.of(orderId), MARKET, FakeReads.PROFILE, Optional.empty(), null, 1, false,
                new BigDecimal("5.00"), new BigDecimal("2"), new BigDecimal(remaining), null, null, 2, status, null,
                null, null, BigInteger.valueOf(version));
    }

    static BalanceTransfer transfer(String amount, boolean deposit, long version) {
        return new BalanceTransfer(FakeReads.PROFILE, new BigDecimal(amount), deposit, null, null,
                BigInteger.valueOf(version));
    }

    static BookSnapshot book(String bid, String ask) {
        return new BookSnapshot(MARKET, List.of(new PriceLevel(new BigDecimal(bid), BigDecimal.ONE)),
                List.of(new PriceLevel(new BigDecimal(ask), BigDecimal.ONE)), BigInteger.TEN);
    }
}
