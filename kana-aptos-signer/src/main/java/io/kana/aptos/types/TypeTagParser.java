package io.kana.aptos.types;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for Move type strings; errors point at the offending character. */
final class TypeTagParser {

    /** Deep nesting is a malformed (or hostile) string, not a real Move type. */
    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private TypeTagParser(String text) {
        this.text = text;
    }

    static TypeTag parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("type", "a Move type is required, got " + (text == null ? "null" : "''"));
        }
        TypeTagParser parser = new TypeTagParser(text);
        TypeTag tag = parser.type(0);
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "' after the type");
        }
        return tag;
    }

    private TypeTag type(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("type nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpaces();
        if (peek() == '&') {
            pos++;
            skipSpaces();
            boolean mutable = false;
            int save = pos;
            if (text.startsWith("mut", pos)) {
                pos += 3;
                if (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    mutable = true;
                } else {
                    pos = save;
                }
            }
            return new TypeTag.Reference(mutable, type(depth + 1));
        }
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            return struct(depth);
        }
        String word = identifier();
        if (word.equals("vector")) {
            expect('<');
            TypeTag element = type(depth + 1);
            skipSpaces();
            if (peek() == ',') {
                throw error("vector takes exactly one type argument");
            }
            expect('>');
            return new TypeTag.Vector(element);
        }
        TypeTag.Primitive primitive = TypeTag.Primitive.ofName(word);
        if (primitive != null) {
            return primitive;
        }
        if (word.length() > 1 && word.charAt(0) == 'T' && allDigits(word, 1)) {
            if (word.length() > 6) {
                pos = start;
                throw error("type parameter index too large in '" + word + "'");
            }
            return new TypeTag.Generic(Integer.parseInt(word.substring(1)));
        }
        pos = start;
        throw error("unknown type '" + word + "' (a struct needs an address: 0x1::module::Name)");
    }

    private TypeTag struct(int depth) {
        int start = pos;
        pos += 2;
        while (pos < text.length() && isHex(text.charAt(pos))) {
            pos++;
        }
        String hex = text.substring(start, pos);
        if (hex.length() == 2 || hex.length() > 66) {
            pos = start;
            throw error("a struct address has 1 to 64 hex digits");
        }
        AccountAddress address = AccountAddress.parse(hex);
        expectSeparator();
        String module = identifier();
        expectSeparator();
        String name = identifier();
        List<TypeTag> arguments = List.of();
        skipSpaces();
        if (peek() == '<') {
            pos++;
            arguments = new ArrayList<>();
            do {
                arguments.add(type(depth + 1));
                skipSpaces();
            } while (consume(','));
            expect('>');
        }
        return new TypeTag.Struct(address, module, name, arguments);
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && MoveIdentifier.isStart(text.charAt(pos))) {
            pos++;
            while (pos < text.length() && MoveIdentifier.isPart(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos == start) {
            throw error(pos == text.length() ? "unexpected end, expected a name" : "expected a name");
        }
        return text.substring(start, pos);
    }

    private void expectSeparator() {
        skipSpaces();
        if (!text.startsWith("::", pos)) {
            throw error("expected '::'");
        }
        pos += 2;
    }

    private void expect(char c) {
        skipSpaces();
        if (!consume(c)) {
            throw error(pos == text.length() ? "unexpected end, expected '" + c + "'" : "expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private InvalidRequestException error(String problem) {
        String shown = text.length() <= 200 ? text : text.substring(0, 197) + "...";
        return new InvalidRequestException("type",
                "malformed Move type '" + shown + "': " + problem + " at position " + pos);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
