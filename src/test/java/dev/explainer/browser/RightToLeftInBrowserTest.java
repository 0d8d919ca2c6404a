package dev.explainer.browser;

import com.deque.html.axecore.selenium.AxeBuilder;

import dev.explainer.serve.StaticSiteServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Arabic edition of the real site reads right to left: the layout mirrors the English because
 * the stylesheet uses logical properties, the matrix, the timeline's scale and the "who backs whom"
 * diagram read from the right, and the direct quotes, which stay in English, read left to right
 * beside the site's Arabic translation. Each check compares an Arabic page with its English original.
 */
@ExtendWith({RequiresChromium.class, RealSite.class})
class RightToLeftInBrowserTest {
    static StaticSiteServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start(RealSite.Served served) {
        server = served.server();
        driver = served.driver();
    }

    @AfterEach
    void browsersColourSchemeAgain() {
        RealSite.colourScheme(driver, null);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static double number(String script, Object... arguments) {
        return ((Number) js(script, arguments)).doubleValue();
    }

    /** Opens a page of the English original, at the root, and checks that it reads left to right. */
    private static void english(String page) {
        driver.get(server.url() + page);
        assertEquals("ltr", js("return getComputedStyle(document.body).direction;"), page);
    }

    /** Opens the same page in the Arabic edition, and checks that it reads right to left. */
    private static void arabic(String page) {
        driver.get(server.url() + RealSite.ARABIC + page);
        assertEquals(List.of("ar", "rtl"), js("return [document.documentElement.lang, getComputedStyle(document.body).direction];"),
                RealSite.ARABIC + page);
    }

    private static void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
    }

    /** Where an element's box is: left and right edges from the window's left, in CSS pixels. */
    private static double[] box(String selector) {
        @SuppressWarnings("unchecked")
        List<Number> edges = (List<Number>) js("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return [r.left, r.right];", selector);
        return new double[] {edges.get(0).doubleValue(), edges.get(1).doubleValue()};
    }

    @Test
    void theReadingColumnStaysCentredAndTheOutlineAndTheHeaderSwapSides() {
        width(1280);
        english("index.html");
        double[] content = box("main .page-content");
        double[] outline = box(".on-this-page");
        assertTrue(outline[0] >= content[1], "left to right, the outline is right of the column");
        double[] title = box(".site-title");

        arabic("index.html");
        double[] mirroredContent = box("main .page-content");
        double[] mirroredOutline = box(".on-this-page");
        double window = number("return document.documentElement.clientWidth;");
        assertTrue(mirroredOutline[1] <= mirroredContent[0], "right to left, the outline is left of the column");
        assertEquals(window - content[1], mirroredContent[0], 1, "the column is where it was, mirrored");
        assertEquals(window - outline[1], mirroredOutline[0], 1, "the outline is where it was, mirrored");
        // The names differ in length: where each begins is what mirrors.
        assertEquals(window - title[0], box(".site-title")[1], 1, "the site's name heads the page from the right");
        double[] heading = box("main h1");
        assertEquals(heading[0], window - heading[1], 1, "the heading's column is centred");
    }

    @Test
    void theMatrixReadsFromTheRight() {
        width(1280);
        arabic("positions/index.html");
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> cells = (List<Map<String, Number>>) js("return [...document.querySelector('table.matrix tbody tr').cells]"
                + ".map(c => { const r = c.getBoundingClientRect(); return {left: r.left, right: r.right}; });");
        for (int i = 1; i < cells.size(); i++) {
            assertTrue(cells.get(i).get("right").doubleValue() <= cells.get(i - 1).get("left").doubleValue() + 1,
                    "cell " + (i + 1) + " is left of cell " + i + ": " + cells);
        }
        assertEquals(Boolean.TRUE, js("const m = document.querySelector('.matrix-wrap');"
                + "return m.scrollWidth <= m.clientWidth;"), "the matrix needs no scrolling at 1280 px");
        // The party's name in the first column starts at the cell's right edge, less its padding.
        assertEquals(0, number("const th = document.querySelector('table.matrix tbody th');"
                + "const range = document.createRange(); range.selectNodeContents(th);"
                + "return th.getBoundingClientRect().right - range.getBoundingClientRect().right"
                + " - parseFloat(getComputedStyle(th).paddingRight);"), 1);
        assertEquals(0, number("const c = document.querySelector('table.matrix caption');"
                + "const range = document.createRange(); range.selectNodeContents(c);"
                + "return c.getBoundingClientRect().right - range.getBoundingClientRect().right"
                + " - parseFloat(getComputedStyle(c).paddingRight);"), 1, "the caption starts on the right");
    }

    @Test
    void anEnglishQuoteReadsLeftToRightBesideTheMirroredQuotesBar() {
        width(1280);
        arabic("quotes/index.html");
        assertEquals(Map.of("bar", "4px on the right", "quote", "ltr", "opening", "left"), js(
                "const article = document.querySelector('article.quote'), s = getComputedStyle(article);"
                + "const quote = article.querySelector('blockquote p'), q = quote.getBoundingClientRect();"
                + "const range = document.createRange(); range.setStart(quote.firstChild, 0); range.setEnd(quote.firstChild, 1);"
                + "const first = range.getBoundingClientRect();"
                + "return {bar: s.borderRightWidth + ' on the ' + (s.borderLeftWidth === '0px' ? 'right' : 'left and right'),"
                + " quote: getComputedStyle(quote).direction,"
                + " opening: first.left - q.left < 20 ? 'left' : 'at ' + (first.left - q.left)};"));
    }

    /**
     * Every direct quote stays as the outlet printed it, in English (lang="en", left to right), and
     * right after it the site's Arabic translation, right to left from the right edge, under a label
     * that says whose translation it is.
     */
    @Test
    void everyDirectQuoteHasTheSitesArabicTranslationBesideIt() {
        width(1280);
        for (String page : new String[] {"quotes/index.html", "quotes/kerry-inclusive-reuters/index.html"}) {
            arabic(page);
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) js("return [...document.querySelectorAll('article.quote blockquote')].flatMap(q => {"
                    + " const id = (q.closest('[id]') || q).id, t = q.nextElementSibling, found = [];"
                    + " if (q.lang !== 'en' || getComputedStyle(q).direction !== 'ltr') found.push(id + ': the quote is not marked English, left to right');"
                    + " if (!t || !t.matches('.quote-translation')) return found.concat([id + ': no translation after the quote']);"
                    + " const label = t.querySelector('strong'), text = t.textContent.replace(label ? label.textContent : '', '').trim();"
                    + " if (getComputedStyle(t).direction !== 'rtl' || !/^[\\u0600-\\u06ff]/.test(text)) found.push(id + ': the translation is not Arabic, right to left');"
                    + " if (!label || !/[\\u0600-\\u06ff]/.test(label.textContent)) found.push(id + ': the translation has no label');"
                    + " const r = t.getBoundingClientRect(), range = document.createRange(); range.selectNodeContents(t);"
                    + " if (Math.abs(r.right - parseFloat(getComputedStyle(t).paddingRight) - range.getClientRects()[0].right) > 1)"
                    + "  found.push(id + ': the translation does not start at the right');"
                    + " return found; });");
            assertEquals(List.of(), problems, page);
            assertTrue(((Number) js("return document.querySelectorAll('article.quote blockquote').length;")).intValue() >= 1, page);
        }
    }

    /**
     * On a phone the menu is one line that scrolls sideways; site.js scrolls the current page's item
     * clear of the fade at the line's end, which right to left is the left (the last item as far as
     * the end padding, as wide as the fade, lets it go).
     */
    @Test
    void onAPhoneTheCurrentMenuItemIsScrolledClearOfTheFadeOnTheLeft() {
        width(375);
        for (String page : new String[] {"about/index.html", "glossary/index.html", "timeline/index.html"}) {
            arabic(page);
            assertEquals("clear", js("const item = document.querySelector('.site-nav [aria-current=page]').getBoundingClientRect();"
                    + "const menu = document.querySelector('.site-nav ul').getBoundingClientRect();"
                    + "return item.left >= menu.left + 36 && item.right <= menu.right ? 'clear'"
                    + " : 'item at ' + item.left + ' to ' + item.right + ', menu ' + menu.left + ' to ' + menu.right;"), page);
        }
    }

    /** The centres of the scale's marks of one kind, from the window's left, in the order of the page. */
    @SuppressWarnings("unchecked")
    private static List<Number> centres(String selector, String axis) {
        return (List<Number>) js("return [...document.querySelectorAll(arguments[0])].map(e => {"
                + " const r = e.getBoundingClientRect(); return arguments[1] === 'x' ? (r.left + r.right) / 2 : (r.top + r.bottom) / 2; });",
                selector, axis);
    }

    @Test
    void theTimelinesScaleRunsFromRightToLeftAndItsLabelsStayOnIt() {
        width(1280);
        english("timeline/index.html");
        List<Number> ltrEvents = centres(".scale-event", "x");
        arabic("timeline/index.html");
        double window = number("return document.documentElement.clientWidth;");
        List<Number> rtlEvents = centres(".scale-event", "x");
        assertTrue(ltrEvents.size() >= 5, ltrEvents.toString());
        for (int i = 0; i < ltrEvents.size(); i++) {
            assertEquals(window - ltrEvents.get(i).doubleValue(), rtlEvents.get(i).doubleValue(), 1,
                    "event " + (i + 1) + " is where it was, mirrored");
        }
        List<Number> months = centres(".scale-month", "x");
        assertTrue(months.get(0).doubleValue() > months.get(1).doubleValue() && months.get(1).doubleValue() > months.get(2).doubleValue(),
                "October, November and December from right to left: " + months);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return [...document.querySelectorAll('.scale-label, .scale-here, .scale-month')].map(l => l.textContent);");
        assertTrue(labels.stream().noneMatch(label -> label.matches(".*[٠-٩].*")) && labels.stream().anyMatch(label -> label.matches(".*[0-9].*"))
                        && labels.stream().allMatch(label -> label.matches(".*[\u0621-\u064A].*")),
                "the scale's dates with Arabic month names, in the Western digits of the Arabic prose: " + labels);
        double[] track = box(".scale-track");
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) js("const t = document.querySelector('.scale-track').getBoundingClientRect();"
                + "return [...document.querySelectorAll('.scale-label, .scale-here')].filter(l => {"
                + " const r = l.getBoundingClientRect(); return r.left < t.left - 1 || r.right > t.right + 1; })"
                + ".map(l => l.textContent);");
        assertEquals(List.of(), outside, "labels within the track " + track[0] + " to " + track[1]);
        @SuppressWarnings("unchecked")
        List<Boolean> centredLabels = (List<Boolean>) js("return [...document.querySelectorAll('.scale-label:not(.scale-label-month):not(.scale-label-end)')]"
                + ".map(l => { const r = l.getBoundingClientRect();"
                + " const mark = [...document.querySelectorAll('.scale-event')].map(e => e.getBoundingClientRect())"
                + "  .some(m => Math.abs((m.left + m.right) / 2 - (r.left + r.right) / 2) < 1); return mark; });");
        assertTrue(!centredLabels.isEmpty() && !centredLabels.contains(false), "each day's label is centred on its mark " + centredLabels);

        // On a phone the scale stands upright: months on one side of the track, events on the other, mirrored.
        width(375);
        arabic("timeline/index.html");
        double[] upright = box(".scale-track");
        @SuppressWarnings("unchecked")
        List<String> misplaced = (List<String>) js("const t = document.querySelector('.scale-track').getBoundingClientRect();"
                + "return [...document.querySelectorAll('.scale-month')].filter(m => m.getBoundingClientRect().left < t.right)"
                + ".concat([...document.querySelectorAll('.scale-label')].filter(l => l.getBoundingClientRect().right > t.left))"
                + ".map(e => e.textContent);");
        assertEquals(List.of(), misplaced, "months right of the upright track, events left of it");
        assertTrue(upright[1] > number("return document.documentElement.clientWidth;") / 2, "the upright track is on the right half");
    }

    @Test
    void theDiagramMirrorsWithItsNamesReadableInTheirBoxes() {
        width(1280);
        english("index.html");
        List<Number> ltrBoxes = centres(".relations-diagram .actor rect", "x");
        double[] ltrDiagram = box(".relations-diagram");
        arabic("index.html");
        List<Number> rtlBoxes = centres(".relations-diagram .actor rect", "x");
        double[] diagram = box(".relations-diagram");
        double window = number("return document.documentElement.clientWidth;");
        assertEquals(window - ltrDiagram[1], diagram[0], 1, "the diagram stands at the column's right edge");
        for (int i = 0; i < ltrBoxes.size(); i++) {
            double fromLeft = ltrBoxes.get(i).doubleValue() - ltrDiagram[0];
            assertEquals(diagram[1] - fromLeft, rtlBoxes.get(i).doubleValue(), 1, "actor " + (i + 1) + " mirrored in the diagram");
        }
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js("return [...document.querySelectorAll('.relations-diagram .actor')].flatMap(g => {"
                + " const box = g.querySelector('rect').getBoundingClientRect(), text = g.querySelector('text');"
                + " const r = text.getBoundingClientRect(), found = [];"
                + " if (r.left < box.left || r.right > box.right) found.push(text.textContent + ': out of its box');"
                // Readable: the first letter is right of the last, as on an unmirrored line of Arabic
                // (left of it in a name in Latin letters).
                + " const first = text.querySelector('tspan'), range = document.createRange();"
                + " range.setStart(first.firstChild, 0); range.setEnd(first.firstChild, 1); const a = range.getBoundingClientRect();"
                + " const n = first.firstChild.length; range.setStart(first.firstChild, n - 1); range.setEnd(first.firstChild, n);"
                + " const z = range.getBoundingClientRect(), arabic = /[\\u0600-\\u06ff]/.test(first.textContent);"
                + " if (arabic ? z.right >= a.right : z.left <= a.left) found.push(text.textContent + ': mirrored');"
                + " return found; });");
        assertEquals(List.of(), problems);
        assertTrue(rtlBoxes.size() >= 6, rtlBoxes.toString());
    }

    /** One page of each kind a reader meets first, in the Arabic edition. */
    static final List<String> MAIN_PAGES = List.of("index.html", "positions/index.html", "quotes/index.html",
            "quotes/kerry-inclusive-reuters/index.html", "timeline/index.html", "parties/russia/index.html", "glossary/index.html",
            "about/index.html");

    /**
     * At a phone's width, where the menu scrolls and the matrix stacks (RealSiteInBrowserTest checks every
     * page of both editions at 1280 px), in both colour schemes: legacy mode, as there.
     */
    @Test
    void theMainArabicPagesOnAPhoneHaveNoAccessibilityViolationInEitherColourScheme() {
        List<String> violations = new ArrayList<>();
        width(375);
        for (String page : MAIN_PAGES) {
            arabic(page);
            for (String scheme : new String[] {"light", "dark"}) {
                RealSite.colourScheme(driver, scheme);
                new AxeBuilder().withTags(RealSiteInBrowserTest.WCAG_22_AA).setLegacyMode(true).analyze(driver)
                        .getViolations().forEach(rule -> rule.getNodes().forEach(node -> violations.add(page + " " + scheme + ": "
                                + rule.getId() + " " + node.getTarget() + ": " + rule.getHelp())));
            }
        }
        assertEquals(List.of(), violations);
    }
}
