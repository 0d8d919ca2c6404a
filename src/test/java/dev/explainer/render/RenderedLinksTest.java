package dev.explainer.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        Set<String> files = SiteRenderer.linkedFiles("pages/p1/index.html", html.getBytes(StandardCharsets.UTF_8));
        assertEquals(Set.of("tags/alpha/index.html", "pages/p2/index.html", "pages/p1/index.html", "style.css",
                "pages/café/index.html", "above/index.html"), files);
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
