package io.kana.aptos.types;

import io.kana.core.error.InvalidRequestException;

/** Move identifiers (module, function and struct names): {@code [A-Za-z_][A-Za-z0-9_]*}. */
public final class MoveIdentifier {

    private MoveIdentifier() {
    }

    /** Returns {@code name} if it is an identifier; otherwise an {@link InvalidRequestException} naming {@code what}. */
    public static String require(String name, String what) {
        if (name == null || !isIdentifier(name)) {
            throw new InvalidRequestException(what.replace(" ", ""),
                    "a Move " + what + " is an identifier ([A-Za-z_][A-Za-z0-9_]*), got '" + name + "'");
        }
        return name;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !isStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9');
    }
}
