package io.kana.sandbox.http;

import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.http.RequestParams.BadRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write endpoints: validate human-unit parameters like the real API and answer the entry-function
 * payload the contract file describes (sizes in lots, prices in ticks, amounts in quote subunits,
 * every argument a string). Each operation computes a value per argument source; the contract's
 * {@code arg} lines put them in order. Building a payload changes no state.
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

    /** The payload of {@code op} for the request {@code p}: its published function, arguments in contract order. */
    Map<String, Object> build(PerpsContract.Operation op, RequestParams p) {
        Map<String, Object> values = switch (op.name()) {
            case "DEPOSIT" -> deposit(p);
            case "WITHDRAW" -> withdraw(p);
            case "PLACE_LIMIT_ORDER" -> placeLimitOrder(p);
            case "PLACE_MARKET_ORDER" -> placeMarketOrder(p);
            case "PLACE_MULTIPLE_ORDERS" -> placeMultipleOrders(p);
            case "CANCEL_MULTIPLE_ORDERS" -> cancelMultipleOrders(p);
            case "CANCEL_AND_PLACE_MULTIPLE_ORDERS" -> cancelAndPlaceMultipleOrders(p);
            case "UPDATE_TAKE_PROFIT" -> updateTrigger(p, "newTakeProfitPrice", "takeProfit@triggerTicks");
            case "UPDATE_STOP_LOSS" -> updateTrigger(p, "newStopLossPrice", "stopLoss@triggerTicks");
            case "ADD_MARGIN" -> addMargin(p);
            case "COLLAPSE_POSITION" -> marketOnly(p);
            case "SETTLE_PNL" -> marketOnly(p);
            default -> throw new IllegalStateException("the contract parser admits no operation " + op.name());
        };
        if (op.uses("sender")) {
            values.put("sender", p.address("userAddress"));
        }
        List<Object> args = new ArrayList<>(op.args().size());
        for (PerpsContract.Arg arg : op.args()) {
            Object value = values.get(arg.source());
            if (value == null) {
                throw new IllegalStateException("operation " + op.name() + " computes no value for " + arg.source());
            }
            args.add(value);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("function", moduleId + "::" + op.function());
        payload.put("typeArguments", List.of());
        payload.put("functionArguments", args);
        return payload;
    }

    private Map<String, Object> deposit(RequestParams p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount@quoteUnits", units("amount", p.decimal("amount")));
        return v;
    }

    private Map<String, Object> withdraw(RequestParams p) {
        Map<String, Object> v = marketOnly(p);
        v.put("amount@quoteUnits", units("amount", p.decimal("amount")));
        return v;
    }

    private Map<String, Object> placeLimitOrder(RequestParams p) {
        MarketSpec spec = p.market();
        Map<String, Object> v = sided(spec, p);
        v.put("size@lots", lots(spec, "size", p.decimal("size")));
        v.put("price@ticks", ticks(spec, "price", p.decimal("price"), false));
        v.put("leverage", leverage(spec, "leverage", p.decimal("leverage")));
        v.put("restriction", restriction("restriction", p.decimalOr("restriction", BigDecimal.ZERO)));
        putTriggers(v, spec, p);
        return v;
    }

    private Map<String, Object> placeMarketOrder(RequestParams p) {
        MarketSpec spec = p.market();
        Map<String, Object> v = sided(spec, p);
        v.put("size@lots", lots(spec, "size", p.decimal("size")));
        v.put("leverage", leverage(spec, "leverage", p.decimal("leverage")));
        putTriggers(v, spec, p);
        return v;
    }

    private Map<String, Object> placeMultipleOrders(RequestParams p) {
        MarketSpec spec = p.market();
        Map<String, Object> v = market(spec);
        v.putAll(placeVectors(spec, p));
        return v;
    }

    private Map<String, Object> cancelMultipleOrders(RequestParams p) {
        Map<String, Object> v = marketOnly(p);
        v.putAll(cancelVectors(p));
        return v;
    }

    private Map<String, Object> cancelAndPlaceMultipleOrders(RequestParams p) {
        MarketSpec spec = p.market();
        Map<String, Object> v = market(spec);
        v.putAll(cancelVectors(p));
        v.putAll(placeVectors(spec, p));
        return v;
    }

    private Map<String, Object> updateTrigger(RequestParams p, String param, String source) {
        MarketSpec spec = p.market();
        Map<String, Object> v = market(spec);
        v.put("side", flag(p.bool("tradeSide")));
        v.put(source, ticks(spec, param, p.decimal(param), true));
        return v;
    }

    private Map<String, Object> addMargin(RequestParams p) {
        Map<String, Object> v = marketOnly(p);
        v.put("side", flag(p.bool("tradeSide")));
        v.put("amount@quoteUnits", units("amount", p.decimal("amount")));
        return v;
    }

    private static Map<String, Object> marketOnly(RequestParams p) {
        return market(p.market());
    }

    private static Map<String, Object> market(MarketSpec spec) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("marketId", Long.toString(spec.marketId()));
        return v;
    }

    private static Map<String, Object> sided(MarketSpec spec, RequestParams p) {
        Map<String, Object> v = market(spec);
        v.put("side", flag(p.bool("tradeSide")));
        v.put("direction", flag(p.bool("direction")));
        return v;
    }

    private static void putTriggers(Map<String, Object> v, MarketSpec spec, RequestParams p) {
        v.put("takeProfit@triggerTicks", ticks(spec, "takeProfit", p.decimalOr("takeProfit", BigDecimal.ZERO), true));
        v.put("stopLoss@triggerTicks", ticks(spec, "stopLoss", p.decimalOr("stopLoss", BigDecimal.ZERO), true));
    }

    private static Map<String, Object> cancelVectors(RequestParams p) {
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
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cancels.orderId", idArgs);
        v.put("cancels.side", sideArgs);
        return v;
    }

    /** The nine per-order vectors of a batch; the batch's one restriction repeats once per order. */
    private static Map<String, Object> placeVectors(MarketSpec spec, RequestParams p) {
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
        String restriction = batchRestriction(p);
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
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orders.type", typeArgs);
        v.put("orders.side", sideArgs);
        v.put("orders.direction", directionArgs);
        v.put("orders.size@lots", sizeArgs);
        v.put("orders.price@ticks", priceArgs);
        v.put("orders.leverage", leverageArgs);
        v.put("orders.restriction", restrictionArgs);
        v.put("orders.takeProfit@triggerTicks", takeProfitArgs);
        v.put("orders.stopLoss@triggerTicks", stopLossArgs);
        return v;
    }

    /**
     * A batch's restriction, read as the docs name it ({@code restriction}, a number) or as a
     * third-party client sends it ({@code restrictions}, an array): the batch has one restriction, so
     * the array's elements must all be equal, and both forms, when given, must agree.
     */
    private static String batchRestriction(RequestParams p) {
        String single = p.has("restriction") ? restriction("restriction", p.decimal("restriction")) : null;
        String plural = null;
        if (p.has("restrictions")) {
            List<?> list = p.array("restrictions");
            if (list.isEmpty()) {
                throw new BadRequest("restrictions must hold the batch's restriction");
            }
            for (int i = 0; i < list.size(); i++) {
                String label = "restrictions[" + i + "]";
                String r = restriction(label, RequestParams.decimal(label, list.get(i)));
                if (plural != null && !plural.equals(r)) {
                    throw new BadRequest("restrictions must all be equal (a batch has one restriction), got "
                            + plural + " and " + r);
                }
                plural = r;
            }
        }
        if (single != null && plural != null && !single.equals(plural)) {
            throw new BadRequest("restriction " + single + " and restrictions " + plural + " disagree");
        }
        return single != null ? single : plural != null ? plural : "0";
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

    private static String flag(boolean value) {
        return Boolean.toString(value);
    }
}
