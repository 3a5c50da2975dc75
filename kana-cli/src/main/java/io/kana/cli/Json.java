package io.kana.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** The one JSON writer of the command line: maps, lists, strings, numbers and booleans, indented. */
public final class Json {

    private static final JsonAdapter<Object> WRITER = new Moshi.Builder().build().adapter(Object.class).indent("  ");

    private Json() {}

    /** {@code value} (built of maps, lists, strings, numbers, booleans and nulls) as a JSON document. */
    public static String write(Object value) {
        return WRITER.serializeNulls().toJson(value);
    }
}
