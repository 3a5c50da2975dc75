package io.kana.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** The one JSON writer of the command line: maps, lists, strings, numbers and booleans, indented. */
public final class Json {

    private static final JsonAdapter<Object> COMPACT = new Moshi.Builder().build().adapter(Object.class).serializeNulls();
    private static final JsonAdapter<Object> WRITER = COMPACT.indent("  ");

    private Json() {}

    /** {@code value} (built of maps, lists, strings, numbers, booleans and nulls) as a JSON document. */
    public static String write(Object value) {
        return WRITER.toJson(value);
    }

    /** {@code value} as a JSON document on one line (for JSON Lines). */
    public static String line(Object value) {
        return COMPACT.toJson(value);
    }
}
