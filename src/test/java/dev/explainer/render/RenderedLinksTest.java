package dev.explainer.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RenderedLinksTest {

    @Test
    void relativeLinksResolveAgainstThePageLikeABrowser() {
        String html = "<a href=\"../../tags/alpha/\">a</a>\n<a\thref=\"../p2/#x\">b</a> <a href=\"./\">c</a>"
                + " <a href=\"https://example.org/\">d</a> <a href=\"/abs/\">e</a> <a data-href=\"../no/\">f</a>"
                + " <link href=\"../../style.css?v=1\"> <a href=\"../caf%C3%A9/\">g</a> <a href=\"#top\">h</a>"
                + " <a href=\"../../../../above/\">i</a> <p>href=\"../not-an-attribute/\"</p>";
        Set<String> files = PageLinks.scan("pages/p1/index.html", html.getBytes(StandardCharsets.UTF_8)).linksTo();
        assertEquals(Set.of("tags/alpha/index.html", "pages/p2/index.html", "pages/p1/index.html", "style.css",
                "pages/café/index.html", "above/index.html"), files);
    }

    /** What a browser makes of a relative link, written plainly: decode, join, resolve dot segments. */
    private static String reference(String folder, String href) {
        String target = href.split("[#?]", -1)[0];
        if (target.isEmpty() || target.startsWith("/") || target.contains(":")) {
            return null;
        }
        target = java.net.URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        for (String part : (folder + target).split("/", -1)) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        String path = String.join("/", parts);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    @Test
    void everyLinkResolvesAsABrowserWould() {
        // Random links from the pieces a site's links are made of, against pages at several depths.
        String[] pieces = {"..", "..", ".", "a", "p2", "index.html", "café", "x%20y", ".hidden", "style.css"};
        Random random = new Random(5);
        for (String page : List.of("index.html", "pages/index.html", "pages/p1/index.html", "a/b/c/d.html")) {
            String folder = page.substring(0, page.lastIndexOf('/') + 1);
            for (int n = 0; n < 300; n++) {
                StringBuilder href = new StringBuilder();
                int length = 1 + random.nextInt(5);
                for (int i = 0; i < length; i++) {
                    href.append(i == 0 ? "" : "/").append(pieces[random.nextInt(pieces.length)]);
                }
                if (random.nextInt(4) == 0) {
                    href.append(random.nextBoolean() ? "/" : "#part");
                }
                String html = "<a href=\"" + href + "\">x</a>";
                String expected = reference(folder, href.toString());
                assertEquals(expected == null ? Set.of() : Set.of(expected),
                        PageLinks.scan(page, html.getBytes(StandardCharsets.UTF_8)).linksTo(), page + " -> " + href);
            }
        }
    }

    /** The ids the one pass finds are those a regular expression over the decoded text finds. */
    @Test
    void idsAreWhatTheRegularExpressionFinds() {
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\\sid\\s*=\\s*\"([^\"]*)\"");
        String[] pieces = {" ", "\n", "\t", "id", "id=", "=", "\"", "href=\"", "a", "é", "x y", "<p ", ">", "#", "?", "\u000B", "\u00A0"};
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder html = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            Set<String> expected = new java.util.HashSet<>();
            java.util.regex.Matcher matcher = id.matcher(html);
            while (matcher.find()) {
                expected.add(matcher.group(1));
            }
            assertEquals(expected, PageLinks.scan("a/index.html", html.toString().getBytes(StandardCharsets.UTF_8)).ids(), html.toString());
        }
        assertEquals(Set.of("top", "x y", ""), PageLinks.scan("index.html",
                "<h1 id=\"top\"><a href=\"#top\" id = \"x y\">a</a><p\nid=\"\"><b data-id=\"no\">".getBytes(StandardCharsets.UTF_8)).ids());
    }

    /** Links and ids are found by separate cursors: an id inside a link's quotes, or a link inside an id's, is still found. */
    @Test
    void linksAndIdsDoNotHideEachOther() {
        PageLinks links = PageLinks.scan("p/index.html", "<a title=\" id=\"in\" href=\"../q/\"\" id=\" href=\"../r/\"\">".getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("q/index.html", "r/index.html"), links.linksTo());
        assertEquals(Set.of("in", " href="), links.ids());
    }

    @Test
    void utf8OutputEncodesLikeTheJdk() throws IOException {
        String text = "ascii, é, €, 𝄞 (a surrogate pair), \uD800 (a lone surrogate), and \u00A0 end";
        Utf8Output out = new Utf8Output();
        out.write("x");
        out.reset();
        out.write(text.substring(0, 10));
        out.write(text.toCharArray(), 10, text.length() - 10);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray());
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("é𝄞a");
        }
        out.reset();
        out.write(big.toString());
        assertArrayEquals(big.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }
}
