package io.kana.core.error;

import java.net.URI;
import java.net.URISyntaxException;

/** Text that may go into a message or a {@code toString}: short, and without credentials. */
public final class SafeText {

    /** Longest quote of a foreign text (a response body, a value) in a message. */
    public static final int MAX_SNIPPET = 200;

    private SafeText() {}

    /** The start of {@code text}, at most {@link #MAX_SNIPPET} characters and its length; null stays null. */
    public static String snippet(String text) {
        if (text == null || text.length() <= MAX_SNIPPET) {
            return text;
        }
        return text.substring(0, MAX_SNIPPET) + "...(" + text.length() + " chars)";
    }

    /** {@code url} without its user information ({@code user:password@}); null stays null. */
    public static String url(URI url) {
        if (url == null || url.getRawUserInfo() == null) {
            return url == null ? null : url.toString();
        }
        try {
            return new URI(url.getScheme(), "***", url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://***@" + url.getHost();
        }
    }

    /** {@link #url(URI)} for a URL in text form; text that is no URI is returned as a snippet. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            return url(new URI(url));
        } catch (URISyntaxException e) {
            int at = url.lastIndexOf('@');
            return snippet(at < 0 ? url : "***" + url.substring(at));
        }
    }
}
