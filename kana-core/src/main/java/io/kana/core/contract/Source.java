package io.kana.core.contract;

import static io.kana.core.trading.TradeOperation.ADD_MARGIN;
import static io.kana.core.trading.TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS;
import static io.kana.core.trading.TradeOperation.CANCEL_MULTIPLE_ORDERS;
import static io.kana.core.trading.TradeOperation.DEPOSIT;
import static io.kana.core.trading.TradeOperation.PLACE_LIMIT_ORDER;
import static io.kana.core.trading.TradeOperation.PLACE_MARKET_ORDER;
import static io.kana.core.trading.TradeOperation.PLACE_MULTIPLE_ORDERS;
import static io.kana.core.trading.TradeOperation.UPDATE_STOP_LOSS;
import static io.kana.core.trading.TradeOperation.UPDATE_TAKE_PROFIT;
import static io.kana.core.trading.TradeOperation.WITHDRAW;

import io.kana.core.trading.TradeOperation;
import java.util.EnumSet;
import java.util.Set;

/**
 * The request values a contract may name (see the grammar in the contract's header): what Move
 * type each needs and which operations' requests carry it. An element source ({@code orders.*},
 * {@code cancels.*}) feeds a vector, one element per order.
 */
enum Source {
    SENDER("sender", Kind.ADDRESS, false, EnumSet.allOf(TradeOperation.class)),
    MARKET_ID("marketId", Kind.INTEGER, false, EnumSet.complementOf(EnumSet.of(DEPOSIT))),
    SIDE("side", Kind.BOOL, false,
            EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER, UPDATE_TAKE_PROFIT, UPDATE_STOP_LOSS, ADD_MARGIN)),
    DIRECTION("direction", Kind.BOOL, false, EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER)),
    SIZE("size@lots", Kind.INTEGER, false, EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER)),
    PRICE("price@ticks", Kind.INTEGER, false, EnumSet.of(PLACE_LIMIT_ORDER)),
    TAKE_PROFIT("takeProfit@triggerTicks", Kind.INTEGER, false,
            EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER, UPDATE_TAKE_PROFIT)),
    STOP_LOSS("stopLoss@triggerTicks", Kind.INTEGER, false,
            EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER, UPDATE_STOP_LOSS)),
    LEVERAGE("leverage", Kind.INTEGER, false, EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MARKET_ORDER)),
    RESTRICTION("restriction", Kind.INTEGER, false,
            EnumSet.of(PLACE_LIMIT_ORDER, PLACE_MULTIPLE_ORDERS, CANCEL_AND_PLACE_MULTIPLE_ORDERS)),
    AMOUNT("amount@quoteUnits", Kind.INTEGER, false, EnumSet.of(DEPOSIT, WITHDRAW, ADD_MARGIN)),
    ORDER_TYPE("orders.type", Kind.BOOL, true, Batches.PLACING),
    ORDER_SIDE("orders.side", Kind.BOOL, true, Batches.PLACING),
    ORDER_DIRECTION("orders.direction", Kind.BOOL, true, Batches.PLACING),
    ORDER_SIZE("orders.size@lots", Kind.INTEGER, true, Batches.PLACING),
    ORDER_PRICE("orders.price@ticks", Kind.INTEGER, true, Batches.PLACING),
    ORDER_LEVERAGE("orders.leverage", Kind.INTEGER, true, Batches.PLACING),
    ORDER_RESTRICTION("orders.restriction", Kind.INTEGER, true, Batches.PLACING),
    ORDER_TAKE_PROFIT("orders.takeProfit@triggerTicks", Kind.INTEGER, true, Batches.PLACING),
    ORDER_STOP_LOSS("orders.stopLoss@triggerTicks", Kind.INTEGER, true, Batches.PLACING),
    CANCEL_ORDER_ID("cancels.orderId", Kind.INTEGER, true, Batches.CANCELLING),
    CANCEL_SIDE("cancels.side", Kind.BOOL, true, Batches.CANCELLING);

    /** What Move scalar a source's value is. */
    enum Kind { ADDRESS, BOOL, INTEGER }

    private final String qualified;
    private final Kind kind;
    private final boolean element;
    private final Set<TradeOperation> offeredBy;

    Source(String qualified, Kind kind, boolean element, Set<TradeOperation> offeredBy) {
        this.qualified = qualified;
        this.kind = kind;
        this.element = element;
        this.offeredBy = offeredBy;
    }

    /** The source named {@code qualified} ({@code name} or {@code name@scaling}), or null. */
    static Source of(String qualified) {
        for (Source source : values()) {
            if (source.qualified.equals(qualified)) {
                return source;
            }
        }
        return null;
    }

    static String describeAll() {
        StringBuilder out = new StringBuilder();
        for (Source source : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(source.qualified);
        }
        return out.toString();
    }

    String qualified() {
        return qualified;
    }

    boolean offeredBy(TradeOperation operation) {
        return offeredBy.contains(operation);
    }

    /** Null when {@code moveType} can carry this source; otherwise why not. */
    String typeProblem(String moveType) {
        String type = MoveTypes.canonical(moveType);
        if (element != MoveTypes.isVector(type)) {
            return element ? qualified + " has one value per order and needs a vector, got " + moveType
                    : qualified + " is a single value and needs a scalar type, got " + moveType;
        }
        String scalar = element ? MoveTypes.element(type) : type;
        boolean fits = switch (kind) {
            case ADDRESS -> scalar.equals("address");
            case BOOL -> scalar.equals("bool");
            case INTEGER -> MoveTypes.isInteger(scalar);
        };
        return fits ? null : qualified + " is " + (kind == Kind.INTEGER ? "an unsigned integer" : "a " + kind.name()
                .toLowerCase(java.util.Locale.ROOT)) + (element ? " per element" : "") + ", got " + moveType;
    }

    private static final class Batches {
        static final Set<TradeOperation> PLACING = EnumSet.of(PLACE_MULTIPLE_ORDERS, CANCEL_AND_PLACE_MULTIPLE_ORDERS);
        static final Set<TradeOperation> CANCELLING = EnumSet.of(CANCEL_MULTIPLE_ORDERS, CANCEL_AND_PLACE_MULTIPLE_ORDERS);
    }
}
