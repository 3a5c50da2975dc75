package io.kana.sandbox;

import io.kana.sandbox.RequestParams.BadRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write endpoints: validate human-unit parameters like the real API and answer the entry-function
 * payload of WIRE.md (sizes in lots, prices in ticks, amounts in quote subunits, every argument a
 * string). Building a payload changes no state.
 */
final class WritePayloads {

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);
    private static final List<String> PLACE_FIELDS = List.of("orderTypes", "tradeSides", "directions", "sizes",
            "prices", "leverages", "takeProfits", "stopLosses");

    private final String moduleId;
    private final int quoteDecimals;

    WritePayloads(String moduleId, int quoteDecimals) {
        this.moduleId = moduleId;
        this.quoteDecimals = quoteDecimals;
    }

    Map<String, Object> deposit(RequestParams p) {
        String amount = units("amount", p.decimal("amount"));
        return payload("deposit", p.address("userAddress"), amount);
    }

    Map<String, Object> withdrawSpecificMarket(RequestParams p) {
        MarketSpec spec = p.market();
        String amount = units("amount", p.decimal("amount"));
        p.address("userAddress");
        return payload("withdraw_specific_market", id(spec), amount);
    }

    Map<String, Object> placeLimitOrder(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("place_limit_order", id(spec), flag(p.bool("tradeSide")), flag(p.bool("direction")),
                lots(spec, "size", p.decimal("size")), ticks(spec, "price", p.decimal("price"), false),
                leverage(spec, "leverage", p.decimal("leverage")),
                restriction("restriction", p.decimalOr("restriction", BigDecimal.ZERO)),
                ticks(spec, "takeProfit", p.decimalOr("takeProfit", BigDecimal.ZERO), true),
                ticks(spec, "stopLoss", p.decimalOr("stopLoss", BigDecimal.ZERO), true));
    }

    Map<String, Object> placeMarketOrder(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("place_market_order", id(spec), flag(p.bool("tradeSide")), flag(p.bool("direction")),
                lots(spec, "size", p.decimal("size")), leverage(spec, "leverage", p.decimal("leverage")),
                ticks(spec, "takeProfit", p.decimalOr("takeProfit", BigDecimal.ZERO), true),
                ticks(spec, "stopLoss", p.decimalOr("stopLoss", BigDecimal.ZERO), true));
    }

    Map<String, Object> placeMultipleOrders(RequestParams p) {
        MarketSpec spec = p.market();
        return batch("place_multiple_orders", spec, placeVectors(spec, p));
    }

    Map<String, Object> cancelMultipleOrders(RequestParams p) {
        MarketSpec spec = p.market();
        return batch("cancel_multiple_orders", spec, cancelVectors(p));
    }

    Map<String, Object> cancelAndPlaceMultipleOrders(RequestParams p) {
        MarketSpec spec = p.market();
        return batch("cancel_and_place_multiple_orders", spec, cancelVectors(p), placeVectors(spec, p));
    }

    Map<String, Object> updateTakeProfit(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("update_take_profit", id(spec), flag(p.bool("tradeSide")),
                ticks(spec, "newTakeProfitPrice", p.decimal("newTakeProfitPrice"), true));
    }

    Map<String, Object> updateStopLoss(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("update_stop_loss", id(spec), flag(p.bool("tradeSide")),
                ticks(spec, "newStopLossPrice", p.decimal("newStopLossPrice"), true));
    }

    Map<String, Object> addMargin(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("add_margin", id(spec), flag(p.bool("tradeSide")), units("amount", p.decimal("amount")));
    }

    Map<String, Object> collapsePosition(RequestParams p) {
        return payload("collapse_position", id(p.market()));
    }

    Map<String, Object> settlePnl(RequestParams p) {
        MarketSpec spec = p.market();
        return payload("settle_pnl", p.address("userAddress"), id(spec));
    }

    private List<Object> cancelVectors(RequestParams p) {
        List<?> ids = p.array("cancelOrderIds");
        List<?> sides = p.array("orderSides");
        if (ids.isEmpty()) {
            throw new BadRequest("cancelOrderIds must name at least one order");
        }
        if (ids.size() != sides.size()) {
            throw new BadRequest("cancelOrderIds has " + ids.size() + " elements but orderSides has " + sides.size());
        }
        List<String> idArgs = new ArrayList<>();
        List<String> sideArgs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String label = "cancelOrderIds[" + i + "]";
            BigInteger id = RequestParams.wholeNumber(label, ids.get(i));
            if (id.signum() < 0 || id.compareTo(U128_LIMIT) >= 0) {
                throw new BadRequest(label + " must be an order id from 0 to 2^128 - 1, got " + id);
            }
            idArgs.add(id.toString());
            sideArgs.add(flag(RequestParams.bool("orderSides[" + i + "]", sides.get(i))));
        }
        return List.of(idArgs, sideArgs);
    }

    /** The nine vectors of place_multiple_orders; the single {@code restriction} repeats once per order. */
    private List<Object> placeVectors(MarketSpec spec, RequestParams p) {
        List<?> types = p.array("orderTypes");
        int n = types.size();
        if (n == 0) {
            throw new BadRequest("orderTypes must describe at least one order");
        }
        List<?> zeros = Collections.nCopies(n, BigDecimal.ZERO);
        Map<String, List<?>> arrays = new LinkedHashMap<>();
        for (String field : PLACE_FIELDS) {
            List<?> array = field.equals("takeProfits") || field.equals("stopLosses") ? p.arrayOr(field, zeros)
                    : p.array(field);
            if (array.size() != n) {
                throw new BadRequest(field + " has " + array.size() + " elements but orderTypes has " + n
                        + "; every order needs one of each");
            }
            arrays.put(field, array);
        }
        String restriction = restriction("restriction", p.decimalOr("restriction", BigDecimal.ZERO));
        List<String> typeArgs = new ArrayList<>();
        List<String> sideArgs = new ArrayList<>();
        List<String> directionArgs = new ArrayList<>();
        List<String> sizeArgs = new ArrayList<>();
        List<String> priceArgs = new ArrayList<>();
        List<String> leverageArgs = new ArrayList<>();
        List<String> restrictionArgs = new ArrayList<>();
        List<String> takeProfitArgs = new ArrayList<>();
        List<String> stopLossArgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean limit = RequestParams.bool("orderTypes[" + i + "]", types.get(i));
            typeArgs.add(flag(limit));
            sideArgs.add(flag(RequestParams.bool("tradeSides[" + i + "]", arrays.get("tradeSides").get(i))));
            directionArgs.add(flag(RequestParams.bool("directions[" + i + "]", arrays.get("directions").get(i))));
            sizeArgs.add(lots(spec, "sizes[" + i + "]", element(arrays, "sizes", i)));
            priceArgs.add(ticks(spec, "prices[" + i + "]", element(arrays, "prices", i), !limit));
            leverageArgs.add(leverage(spec, "leverages[" + i + "]", element(arrays, "leverages", i)));
            restrictionArgs.add(restriction);
            takeProfitArgs.add(ticks(spec, "takeProfits[" + i + "]", element(arrays, "takeProfits", i), true));
            stopLossArgs.add(ticks(spec, "stopLosses[" + i + "]", element(arrays, "stopLosses", i), true));
        }
        return List.of(typeArgs, sideArgs, directionArgs, sizeArgs, priceArgs, leverageArgs, restrictionArgs,
                takeProfitArgs, stopLossArgs);
    }

    private static BigDecimal element(Map<String, List<?>> arrays, String field, int i) {
        return RequestParams.decimal(field + "[" + i + "]", arrays.get(field).get(i));
    }

    private static String lots(MarketSpec spec, String label, BigDecimal size) {
        if (size.signum() <= 0) {
            throw new BadRequest(label + " must be above 0, got " + size.toPlainString());
        }
        BigInteger lots = spec.lotsOf(size);
        if (lots == null) {
            throw new BadRequest(label + " " + size.toPlainString() + " is not a multiple of the lot size "
                    + spec.lotValue().toPlainString() + " of market " + spec.marketId());
        }
        if (lots.compareTo(BigInteger.valueOf(spec.minLots())) < 0
                || lots.compareTo(BigInteger.valueOf(spec.maxLots())) > 0) {
            throw new BadRequest(label + " " + size.toPlainString() + " is outside the limits of market "
                    + spec.marketId() + ": from " + spec.size(spec.minLots()).toPlainString() + " to "
                    + spec.size(spec.maxLots()).toPlainString());
        }
        return lots.toString();
    }

    private static String ticks(MarketSpec spec, String label, BigDecimal price, boolean zeroAllowed) {
        if (price.signum() < 0 || (!zeroAllowed && price.signum() == 0)) {
            throw new BadRequest(label + " must be " + (zeroAllowed ? "0 or more" : "above 0") + ", got "
                    + price.toPlainString());
        }
        BigInteger ticks = spec.ticksOf(price);
        if (ticks == null) {
            throw new BadRequest(label + " " + price.toPlainString() + " is not a multiple of the tick size "
                    + spec.tickValue().toPlainString() + " of market " + spec.marketId());
        }
        if (ticks.bitLength() > 64) {
            throw new BadRequest(label + " " + price.toPlainString() + " is too large");
        }
        return ticks.toString();
    }

    private String units(String label, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new BadRequest(label + " must be above 0, got " + amount.toPlainString());
        }
        BigDecimal scaled = amount.movePointRight(quoteDecimals);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new BadRequest(label + " " + amount.toPlainString() + " has more than " + quoteDecimals
                    + " decimals");
        }
        BigInteger units = scaled.toBigIntegerExact();
        if (units.bitLength() > 64) {
            throw new BadRequest(label + " " + amount.toPlainString() + " is too large");
        }
        return units.toString();
    }

    private static String leverage(MarketSpec spec, String label, BigDecimal value) {
        BigInteger leverage;
        try {
            leverage = value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new BadRequest(label + " must be a whole number, got " + value.toPlainString());
        }
        if (leverage.signum() <= 0 || leverage.compareTo(BigInteger.valueOf(spec.maxLeverage())) > 0) {
            throw new BadRequest(label + " must be from 1 to " + spec.maxLeverage() + " in market " + spec.marketId()
                    + ", got " + leverage);
        }
        return leverage.toString();
    }

    private static String restriction(String label, BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        if (!text.equals("0") && !text.equals("1") && !text.equals("3")) {
            throw new BadRequest(label + " must be 0 (none), 1 (fill or abort) or 3 (post or abort), got " + text);
        }
        return text;
    }

    private static String id(MarketSpec spec) {
        return Long.toString(spec.marketId());
    }

    private static String flag(boolean value) {
        return Boolean.toString(value);
    }

    /** A batch payload: the market id, then the vectors of each group in order. */
    @SafeVarargs
    private Map<String, Object> batch(String function, MarketSpec spec, List<Object>... vectorGroups) {
        List<Object> args = new ArrayList<>();
        args.add(id(spec));
        for (List<Object> group : vectorGroups) {
            args.addAll(group);
        }
        return payload(function, args);
    }

    private Map<String, Object> payload(String function, Object... args) {
        return payload(function, List.of(args));
    }

    private Map<String, Object> payload(String function, List<Object> args) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("function", moduleId + "::" + function);
        payload.put("typeArguments", List.of());
        payload.put("functionArguments", args);
        return payload;
    }
}
