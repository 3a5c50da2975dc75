package io.kana.http;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.MarketId;
import io.kana.core.model.NumberBounds;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;

/**
 * Domain values as the trade API's query parameters take them, checked first: a missing or out-of-range
 * value is an {@link InvalidRequestException} naming the parameter, before anything is sent.
 */
final class QueryValues {

    private QueryValues() {
    }

    static String wallet(WalletAddress wallet) {
        return wallet(wallet == null ? null : wallet.address());
    }

    /** The signing account, which the payload endpoints take as the wallet. */
    static String wallet(AccountAddress wallet) {
        return required(wallet, "wallet", "pass the wallet's address (the profile address is looked up "
                + "from it)").hex();
    }

    static String marketId(MarketId marketId) {
        return required(marketId, "marketId", "pass the market, e.g. MarketId.of(1338)").toString();
    }

    static String orderId(OrderId orderId) {
        return required(orderId, "orderId", "pass the order's id, e.g. OrderId.parse(\"11905620858892513160724480\")")
                .toString();
    }

    static String side(Side side) {
        return bool(required(side, "side", "pass Side.LONG or Side.SHORT").tradeSide());
    }

    static String optional(MarketId marketId) {
        return marketId == null ? null : marketId.toString();
    }

    static PageRequest page(PageRequest page) {
        return page == null ? PageRequest.DEFAULT : page;
    }

    static String offset(PageRequest page) {
        return page.offset() == null ? null : page.offset().toString();
    }

    static String limit(PageRequest page) {
        return page.limit() == null ? null : page.limit().toString();
    }

    static String order(PageRequest page) {
        return page.order() == null ? null : page.order().wireValue();
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    static String positive(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidRequestException(field, field + " must be positive, got "
                    + (amount == null ? "null" : amount.toString()));
        }
        return NumberBounds.check(field, amount).toPlainString();
    }

    static String zeroOrPositive(BigDecimal price, String field) {
        if (price == null || price.signum() < 0) {
            throw new InvalidRequestException(field, field + " must be zero or positive, got "
                    + (price == null ? "null" : price.toString()));
        }
        return NumberBounds.check(field, price).toPlainString();
    }

    static <T> T required(T value, String field, String hint) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required: " + hint);
        }
        return value;
    }
}
