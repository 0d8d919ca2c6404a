package dev.explainer.text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs may reach an {@code href}: the one rule for links in Markdown and for fields a
 * schema declares as URLs. A browser ignores white space and control characters in a URL's
 * scheme and decodes what is percent-encoded, so {@code java&#9;script:} and
 * {@code %6Aavascript:} are read as it would read them.
 */
public final class LinkSchemes {
    /** The schemes a link may use; anything else ({@code javascript:}, {@code data:}, {@code file:} ...) is refused. */
    public static final Set<String> SAFE = Set.of("http", "https", "mailto", "tel");
    /** The safe schemes for messages, in the order people think of them. */
    private static final String SAFE_LIST = "http, https, mailto and tel";

    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    /** A numeric character reference (with or without its ';', as browsers read it) or a named one. */
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)");

    private LinkSchemes() {
    }

    /** What a browser would make of the URL's start: decoded, without white space or control characters, lowercased. */
    public static String normalise(String url) {
        String decoded = url;
        for (int i = 0; i < 3 && decoded.contains("%"); i++) {
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        StringBuilder kept = new StringBuilder(decoded.length());
        decoded.codePoints()
                .filter(c -> !isInvisible(c))
                .forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    /** The scheme a browser would read in {@code url} ("javascript"), if it has one. */
    public static Optional<String> scheme(String url) {
        return schemeOfNormalised(normalise(url));
    }

    /** The scheme at the start of a URL already {@linkplain #normalise normalised}, if it has one. */
    public static Optional<String> schemeOfNormalised(String normalised) {
        Matcher scheme = SCHEME.matcher(normalised);
        return scheme.find() ? Optional.of(scheme.group(1)) : Optional.empty();
    }

    /** The words for a link with {@code scheme}, which is not one of the {@linkplain #SAFE safe} ones. */
    public static String refusal(String scheme) {
        return "link scheme '" + scheme + ":' is not allowed (only " + SAFE_LIST + ")";
    }

    /** Why {@code url}, written in a field, may not be a link target; empty if it may. */
    public static Optional<String> problemOfField(String url) {
        for (int i = 0; i < url.length(); ) {
            int c = url.codePointAt(i);
            if (isInvisible(c)) {
                String name = c == ' ' ? "a space" : Character.isWhitespace(c) ? "white space" : "an invisible control character";
                return Optional.of("the URL contains " + name + String.format(Locale.ROOT, " (U+%04X)", c)
                        + "; remove it, or write it percent-encoded (a space is %20)");
            }
            i += Character.charCount(c);
        }
        Matcher reference = CHARACTER_REFERENCE.matcher(url);
        if (reference.find()) {
            return Optional.of("the URL contains '" + reference.group() + "', which a browser may read as an HTML character"
                    + " reference; write the character itself, or percent-encode it");
        }
        Optional<String> scheme = scheme(url);
        if (scheme.isPresent() && !SAFE.contains(scheme.get())) {
            return Optional.of(refusal(scheme.get()));
        }
        return Optional.empty();
    }

    private static boolean isInvisible(int c) {
        return c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
