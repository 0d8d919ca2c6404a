package dev.explainer.render;

import dev.explainer.text.PathSegments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the whole-site checks need of a rendered page, found in one pass over its HTML: the output
 * files it links to with relative links (for pages nothing links to) and the ids of its elements
 * (for links to {@code #fragments}).
 *
 * @param linksTo output files below the output folder ({@code tags/alpha/index.html}), the page's
 *                own file included when it links to itself
 * @param ids     every {@code id="…"} value in the page
 */
public record PageLinks(Set<String> linksTo, Set<String> ids) {
    /** A page that was not rendered: it links nowhere and has no ids. */
    static final PageLinks NONE = new PageLinks(Set.of(), Set.of());

    private static final byte[] HREF = "href=\"".getBytes(StandardCharsets.US_ASCII);

    public PageLinks {
        linksTo = Set.copyOf(linksTo);
        ids = Set.copyOf(ids);
    }

    /**
     * Scans the UTF-8 bytes of the page at {@code outputFile} once, with two cursors: one for
     * {@code href="…"} after white space, one for {@code id="…"} after white space (white space
     * allowed around the {@code =}). Each cursor resumes where its last match ended, so what each
     * finds is what a separate search for it would find (the ids are exactly those of the regular
     * expression {@code \sid\s*=\s*"([^"]*)"} over the decoded text). ASCII never occurs inside a
     * multi-byte character, so no decoding is needed to find them. A regular expression and
     * {@code java.net.URI} per link cost a quarter of the render stage: the common link, some
     * {@code ../} and then a plain ASCII path, is resolved against the page's folders directly;
     * only others are decoded and have their dot segments removed (which made a tenth of all the
     * memory a 10,000-page build allocated).
     */
    static PageLinks scan(String outputFile, byte[] html) {
        Set<String> files = new HashSet<>();
        Set<String> ids = new HashSet<>();
        String folder = outputFile.substring(0, outputFile.lastIndexOf('/') + 1);
        String[] ancestors = null; // the page's folder, its parent, ..., the root: made at the first link
        int nextLink = 0;
        int nextId = 0;
        for (int i = 1; i < html.length; i++) {
            byte b = html[i];
            if (b != 'h' && b != 'i' || !isSpace(html[i - 1])) {
                continue;
            }
            if (b == 'h' && i >= nextLink && i + HREF.length <= html.length
                    && Arrays.equals(html, i, i + HREF.length, HREF, 0, HREF.length)) {
                int start = i + HREF.length;
                int end = start;
                while (end < html.length && html[end] != '"' && html[end] != '#' && html[end] != '?') {
                    end++;
                }
                nextLink = end;
                if (ancestors == null) {
                    ancestors = ancestors(folder);
                }
                addLink(html, start, end, folder, ancestors, files);
            } else if (b == 'i' && i - 1 >= nextId) {
                int start = idValueStart(html, i);
                int end = start < 0 ? -1 : closingQuote(html, start);
                if (end >= 0) {
                    ids.add(new String(html, start, end - start, StandardCharsets.UTF_8));
                    nextId = end + 1;
                }
            }
        }
        return new PageLinks(files, ids);
    }

    /** Adds the output file that the link {@code html[start, end)} points to, if it is one the site writes. */
    private static void addLink(byte[] html, int start, int end, String folder, String[] ancestors, Set<String> files) {
        if (start == end || html[start] == '/') {
            return; // the page itself (a fragment), or a path from the root: not what the site writes
        }
        int up = 0;
        int rest = start;
        while (rest + 3 <= end && html[rest] == '.' && html[rest + 1] == '.' && html[rest + 2] == '/') {
            up++;
            rest += 3;
        }
        if (up < ancestors.length && isPlainPath(html, rest, end)) {
            String path = ancestors[up] + new String(html, rest, end - rest, StandardCharsets.ISO_8859_1);
            files.add(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
            return;
        }
        String target = new String(html, start, end - start, StandardCharsets.UTF_8);
        if (target.indexOf(':') >= 0) {
            return;
        }
        if (target.indexOf('%') >= 0) {
            try {
                target = java.net.URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return; // not a path this check can follow
            }
        }
        String path = PathSegments.removeDotSegments("/" + folder + target);
        path = path.startsWith("/") ? path.substring(1) : path;
        files.add(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    /** The index of the first quote from {@code from} on, or -1 if there is none. */
    private static int closingQuote(byte[] html, int from) {
        for (int i = from; i < html.length; i++) {
            if (html[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * For {@code id}, optional white space, {@code =}, optional white space and a quote at
     * {@code at}: the index just after that quote, where the value starts; otherwise -1.
     */
    private static int idValueStart(byte[] html, int at) {
        if (at + 1 >= html.length || html[at + 1] != 'd') {
            return -1;
        }
        int i = at + 2;
        while (i < html.length && isSpace(html[i])) {
            i++;
        }
        if (i >= html.length || html[i] != '=') {
            return -1;
        }
        i++;
        while (i < html.length && isSpace(html[i])) {
            i++;
        }
        return i < html.length && html[i] == '"' ? i + 1 : -1;
    }

    /** "a/b/", "a/", "": a folder and the folders above it, nearest first. */
    private static String[] ancestors(String folder) {
        List<String> ancestors = new ArrayList<>();
        for (int end = folder.length(); end > 0; end = folder.lastIndexOf('/', end - 2) + 1) {
            ancestors.add(folder.substring(0, end));
        }
        ancestors.add("");
        return ancestors.toArray(String[]::new);
    }

    /** ASCII without a scheme, an escape, or a segment that starts with a dot: nothing to decode or remove. */
    private static boolean isPlainPath(byte[] html, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = html[i];
            if (b < 0 || b == ':' || b == '%' || b == '.' && (i == from || html[i - 1] == '/')) {
                return false;
            }
        }
        return true;
    }

    /** White space as {@code \s} means it in a Java regular expression. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }
}
