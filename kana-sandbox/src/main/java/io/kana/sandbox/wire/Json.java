package io.kana.sandbox.wire;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON trees of {@code Map}, {@code List}, {@code String}, {@code Boolean}, numbers and null, read and
 * written with Moshi's streaming API. Numbers are read as {@link BigDecimal} from their literal text
 * and written in plain notation, so no amount ever passes through a double.
 */
public final class Json {

    private Json() {}

    public static Object parse(String text) throws IOException {
        JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
        Object value = read(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
            throw new IOException("unexpected content after the JSON value");
        }
        return value;
    }

    public static String write(Object tree) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true);
            write(writer, tree);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a memory buffer cannot fail", e);
        }
        return buffer.readUtf8();
    }

    private static Object read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    map.put(reader.nextName(), read(reader));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                return new BigDecimal(reader.nextString());
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                return reader.nextNull();
            }
            default -> throw new IOException("malformed JSON at " + reader.getPath());
        }
    }

    private static void write(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof Map<?, ?> map) {
            writer.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writer.name(e.getKey().toString());
                write(writer, e.getValue());
            }
            writer.endObject();
        } else if (value instanceof List<?> list) {
            writer.beginArray();
            for (Object o : list) {
                write(writer, o);
            }
            writer.endArray();
        } else if (value instanceof String s) {
            writer.value(s);
        } else if (value instanceof Boolean b) {
            writer.value(b);
        } else if (value instanceof BigDecimal d) {
            writer.value(new PlainNumber(d.toPlainString()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            writer.value(new PlainNumber(value.toString()));
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** A number whose {@code toString} is its literal text, which is what Moshi writes. */
    private static final class PlainNumber extends Number {
        private final String literal;

        PlainNumber(String literal) {
            this.literal = literal;
        }

        @Override
        public String toString() {
            return literal;
        }

        @Override
        public int intValue() {
            return new BigDecimal(literal).intValue();
        }

        @Override
        public long longValue() {
            return new BigDecimal(literal).longValue();
        }

        @Override
        public float floatValue() {
            throw new UnsupportedOperationException("amounts never become floats");
        }

        @Override
        public double doubleValue() {
            throw new UnsupportedOperationException("amounts never become doubles");
        }
    }
}
