package dev.explainer.render;

import dev.explainer.text.LinkSchemes;

import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The last guard on the rule that no unsafe scheme reaches an {@code href}: Markdown links, URL
 * fields and {@code href()} are checked where they are written, but a template may print any text
 * into an attribute ({@code <a href="${entry.website}">}, a shortcode's text argument), so every
 * rendered HTML page's link attributes are read as a browser would read them (character
 * references decoded, white space and controls ignored, percent-encoding undone) and a scheme
 * that is not one of {@link LinkSchemes#SAFE} stops the page.
 */
final class UnsafeAddresses {
    /** Attributes a browser follows or submits to: any scheme but the safe ones is refused. */
    private static final Set<String> NAVIGATING = Set.of("href", "xlink:href", "action", "formaction");
    /** Attributes a browser loads from: only a scheme that runs code is refused ({@code data:} images are fine). */
    private static final Set<String> LOADING = Set.of("src");
    private static final Set<String> RUNS_CODE = Set.of("javascript", "vbscript");

    private UnsafeAddresses() {
    }

    /** An address a page may not hold: the attribute, its value (shortened) and the scheme a browser reads in it. */
    record Found(String attribute, String value, String scheme) {
    }

    /** The first unsafe address in the page, if there is one. */
    static Optional<Found> find(byte[] html) {
        for (int i = 1; i < html.length; i++) {
            if (html[i] != '"' || html[i - 1] != '=') {
                continue;
            }
            int nameEnd = i - 1;
            int nameStart = nameEnd;
            while (nameStart > 0 && isNameByte(html[nameStart - 1])) {
                nameStart--;
            }
            if (nameStart == nameEnd || nameStart == 0 || !isSpace(html[nameStart - 1])) {
                continue;
            }
            int valueEnd = i + 1;
            boolean suspicious = false;
            while (valueEnd < html.length && html[valueEnd] != '"') {
                suspicious |= html[valueEnd] == ':' || html[valueEnd] == '&' || html[valueEnd] == '%';
                valueEnd++;
            }
            if (!suspicious) {
                i = valueEnd;
                continue;
            }
            String name = new String(html, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            boolean navigating = NAVIGATING.contains(name);
            if (navigating || LOADING.contains(name)) {
                String value = Parser.unescapeEntities(new String(html, i + 1, valueEnd - i - 1, StandardCharsets.UTF_8), true);
                Optional<String> scheme = LinkSchemes.scheme(value);
                if (scheme.isPresent() && (navigating ? !LinkSchemes.SAFE.contains(scheme.get()) : RUNS_CODE.contains(scheme.get()))) {
                    String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
                    return Optional.of(new Found(name, shown, scheme.get()));
                }
            }
            i = valueEnd;
        }
        return Optional.empty();
    }

    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == ':' || b == '_';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f';
    }
}
