package io.kana.http;

import com.squareup.moshi.JsonReader;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.MarketId;
import io.kana.core.model.NumberBounds;
import io.kana.core.model.OrderId;
import io.kana.core.model.ProfileAddress;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One flat JSON object of a response, read field by field into text so that no number ever passes
 * through {@code double}: a JSON number keeps its literal digits, a JSON string its characters.
 * Typed getters accept both forms, return null for a missing, null or empty field, and name the
 * field when a value does not parse. Unknown fields are simply never asked for.
 */
final class WireObject {

    /** Marks a field whose value is an array or object; none of the flat objects needs one. */
    private static final Object NESTED = new Object();

    /** Above this a double no longer holds every integer, so a float-shaped id has lost digits. */
    private static final BigDecimal EXACT_DOUBLE_LIMIT = BigDecimal.valueOf(1L << 53);

    private final Map<String, Object> fields;

    private WireObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    static WireObject read(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            throw new WireFormatException("expected a JSON object at " + reader.getPath() + ", got " + reader.peek());
        }
        Map<String, Object> fields = new HashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (reader.peek()) {
                case STRING, NUMBER -> fields.put(name, reader.nextString());
                case BOOLEAN -> fields.put(name, reader.nextBoolean());
                case NULL -> fields.put(name, reader.nextNull());
                default -> {
                    reader.skipValue();
                    fields.put(name, NESTED);
                }
            }
        }
        reader.endObject();
        return new WireObject(fields);
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    /** The field as text, or null. */
    String text(String name) {
        Object value = fields.get(name);
        if (value == NESTED) {
            throw new WireFormatException("field '" + name + "' is an array or object, expected a plain value");
        }
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    BigDecimal decimal(String name) {
        return parse(name, "a decimal number", text -> NumberBounds.decimal(name, text));
    }

    BigInteger integer(String name) {
        return parse(name, "an integer", text -> NumberBounds.decimal(name, text).toBigIntegerExact());
    }

    Integer smallInt(String name) {
        return parse(name, "a small integer", text -> NumberBounds.decimal(name, text).intValueExact());
    }

    Boolean bool(String name) {
        return parse(name, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        });
    }

    /** Epoch seconds (number or string, fractions allowed) or an ISO-8601 instant. */
    Instant instant(String name) {
        return parse(name, "epoch seconds or an ISO-8601 instant", text -> {
            if (text.indexOf('T') >= 0) {
                return Instant.parse(text);
            }
            BigDecimal seconds = NumberBounds.decimal(name, text);
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        });
    }

    AccountAddress address(String name) {
        return parse(name, "an account address", AccountAddress::parse);
    }

    ProfileAddress profile(String name) {
        AccountAddress address = address(name);
        return address == null ? null : ProfileAddress.of(address);
    }

    MarketId marketId(String name) {
        return parse(name, "a market id", MarketId::parse);
    }

    OrderId orderId(String name) {
        String text = text(name);
        return text == null ? null : orderId("field '" + name + "'", text);
    }

    /**
     * An order id (a u128) from its exact decimal digits. A float form such as
     * {@code 1.6166898061425649E26} means the id passed through a double on the way and lost its low
     * digits; cancelling by it would name another order, so it is refused, never rounded.
     */
    static OrderId orderId(String what, String text) {
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new WireFormatException(what + " should be a decimal u128, got '" + text + "'", e);
            }
            boolean lost = value.abs().compareTo(EXACT_DOUBLE_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 0;
            throw new WireFormatException(what + " is the floating-point number " + text + ": "
                    + (lost ? "precision was lost, the id's low digits are gone" : "it may not be exact")
                    + "; order ids are u128 and must arrive as exact integers or strings");
        }
        try {
            return OrderId.parse(text);
        } catch (InvalidRequestException e) {
            throw new WireFormatException(what + " should be a decimal u128, got '" + text + "'", e);
        }
    }

    /** {@code value}, or a clear error naming the field when the response lacks it. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw new WireFormatException("required field '" + name + "' is missing or null");
        }
        return value;
    }

    private <T> T parse(String name, String expected, Function<String, T> parser) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException | InvalidRequestException e) {
            String why = e instanceof InvalidRequestException ? " (" + SafeText.snippet(e.getMessage()) + ")" : "";
            throw new WireFormatException("field '" + name + "' should be " + expected + ", got '"
                    + SafeText.snippet(text) + "'" + why, e);
        }
    }
}
