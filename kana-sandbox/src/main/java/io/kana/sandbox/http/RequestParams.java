package io.kana.sandbox.http;

import io.kana.sandbox.exchange.Addresses;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.wire.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters (GET query or POST JSON body) with typed, validating accessors. Every
 * problem becomes a {@link BadRequest} whose message says which parameter to fix and how.
 */
final class RequestParams {

    /** A request the API rejects with HTTP 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Object> values;
    private final Map<Long, MarketSpec> markets;

    private RequestParams(Map<String, Object> values, Map<Long, MarketSpec> markets) {
        this.values = values;
        this.markets = markets;
    }

    static RequestParams ofQuery(String rawQuery, Map<Long, MarketSpec> markets) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(name, value);
            }
        }
        return new RequestParams(values, markets);
    }

    static RequestParams ofJsonBody(String body, Map<Long, MarketSpec> markets) {
        Object tree;
        try {
            tree = Json.parse(body);
        } catch (IOException | RuntimeException e) {
            throw new BadRequest("the request body must be a JSON object: " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new BadRequest("the request body must be a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put((String) k, v));
        return new RequestParams(values, markets);
    }

    boolean has(String name) {
        Object v = values.get(name);
        return v != null && !(v instanceof String s && s.isEmpty());
    }

    String text(String name) {
        return text(name, require(name));
    }

    MarketSpec market() {
        return market("marketId");
    }

    /** The market named by {@code marketId}, or null when the parameter is absent. */
    MarketSpec optionalMarket() {
        return has("marketId") ? market() : null;
    }

    MarketSpec market(String name) {
        BigInteger id = wholeNumber(name, require(name));
        MarketSpec spec = id.bitLength() < 63 ? markets.get(id.longValue()) : null;
        if (spec == null) {
            throw new BadRequest("unknown " + name + " " + id + "; markets are " + markets.keySet());
        }
        return spec;
    }

    String address(String name) {
        String text = text(name);
        if (!Addresses.isValid(text)) {
            throw new BadRequest(name + " must be an account address, 0x followed by 1 to 64 hex digits, got '"
                    + text + "'");
        }
        return Addresses.longForm(text);
    }

    boolean bool(String name) {
        return bool(name, require(name));
    }

    BigDecimal decimal(String name) {
        return decimal(name, require(name));
    }

    BigDecimal decimalOr(String name, BigDecimal fallback) {
        return has(name) ? decimal(name) : fallback;
    }

    BigInteger wholeNumber(String name) {
        return wholeNumber(name, require(name));
    }

    /** A JSON array parameter. */
    List<?> array(String name) {
        if (require(name) instanceof List<?> list) {
            return list;
        }
        throw new BadRequest(name + " must be a JSON array");
    }

    List<?> arrayOr(String name, List<?> fallback) {
        return has(name) ? array(name) : fallback;
    }

    /** Integer query parameter {@code name} when present and at least {@code min}, else {@code fallback}. */
    int intOr(String name, int fallback, int min) {
        if (!has(name)) {
            return fallback;
        }
        BigInteger value = wholeNumber(name);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.bitLength() > 31) {
            throw new BadRequest(name + " must be a whole number from " + min + " to " + Integer.MAX_VALUE
                    + ", got " + value);
        }
        return value.intValue();
    }

    static String text(String label, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        throw new BadRequest(label + " must be a string");
    }

    static boolean bool(String label, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new BadRequest(label + " must be true or false, got " + describe(value));
    }

    static BigDecimal decimal(String label, Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest(label + " must be a decimal number like 1.5, got '" + s + "'");
            }
        }
        throw new BadRequest(label + " must be a decimal number like 1.5, got " + describe(value));
    }

    static BigInteger wholeNumber(String label, Object value) {
        BigDecimal d = decimal(label, value);
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new BadRequest(label + " must be a whole number, got " + d.toPlainString());
        }
    }

    private Object require(String name) {
        if (!has(name)) {
            throw new BadRequest(name + " is required");
        }
        return values.get(name);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed query string: " + e.getMessage());
        }
    }
}
