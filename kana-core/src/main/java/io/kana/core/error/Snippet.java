package io.kana.core.error;

/** How much of a foreign text (a response body, a node's message) an error message may quote. */
public final class Snippet {

    /** The most characters quoted. */
    public static final int MAX_CHARS = 200;

    private Snippet() {}

    /** The start of {@code text}, at most {@link #MAX_CHARS} characters, saying how long the whole was. */
    public static String of(String text) {
        if (text == null) {
            return "<empty>";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...(" + text.length() + " chars)";
    }
}
