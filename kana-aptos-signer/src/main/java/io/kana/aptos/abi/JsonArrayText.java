package io.kana.aptos.abi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the JSON-array strings some payloads use for vector arguments ({@code "[\"1\",\"2\"]"}),
 * as the TypeScript SDK's {@code JSON.parse}. Numbers become {@link BigInteger} or {@link BigDecimal},
 * never doubles.
 */
final class JsonArrayText {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private JsonArrayText(String text) {
        this.text = text;
    }

    static List<Object> parse(String text) {
        JsonArrayText parser = new JsonArrayText(text);
        parser.skipSpaces();
        if (parser.peek() != '[') {
            throw parser.error("expected a JSON array");
        }
        List<Object> values = parser.array(0);
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the array");
        }
        return values;
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("arrays nested deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
        List<Object> values = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
            pos++;
            return values;
        }
        while (true) {
            values.add(value(depth));
            skipSpaces();
            char c = peek();
            pos++;
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private Object value(int depth) {
        skipSpaces();
        char c = peek();
        if (c == '[') {
            return array(depth + 1);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (text.startsWith(literal, pos)) {
                pos += literal.length();
                return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
        }
        throw error(c == '{' ? "objects are not vector elements" : "expected a JSON value");
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos++), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw error("bad escape \\" + escaped);
            }
        }
        throw error("unterminated string");
    }

    private Number number() {
        int start = pos;
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                integral = false;
            } else if (!(c == '-' || (c >= '0' && c <= '9'))) {
                break;
            }
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            return integral ? new BigInteger(literal) : new BigDecimal(literal);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + literal + "'");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ValueMismatch error(String problem) {
        return new ValueMismatch("not a valid JSON array: " + problem + " at position " + pos, text);
    }
}
