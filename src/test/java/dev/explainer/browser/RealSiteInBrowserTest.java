package dev.explainer.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import dev.explainer.serve.StaticSiteServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real site in headless Chromium, served over HTTP on loopback: accessibility with axe-core,
 * no sideways scrolling at phone to desktop widths, keyboard use, and screenshots for people. The
 * checks of every page go through both editions, the English at the root and the Arabic under ar/.
 */
@ExtendWith({RequiresChromium.class, RealSite.class})
class RealSiteInBrowserTest {
    static final Path PROJECT = RealSite.PROJECT;
    static final Path SCREENSHOTS = PROJECT.resolve("target/screenshots");
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @TempDir
    static Path temp;
    static Path site;
    /** Every page of every edition: the English at the root, the Arabic under ar/, the Russian under ru/. */
    static List<String> pages;
    static StaticSiteServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start(RealSite.Served served) {
        site = served.site().site();
        pages = served.site().pages();
        server = served.server();
        driver = served.driver();
    }

    /** That a test went through every page of every edition, not only of the English. */
    private static void assertEveryEdition(List<String> checked) {
        assertEveryEdition(checked, true);
    }

    /** The same, for a test that goes through every page of the English and Arabic editions, and of the Russian if {@code russianToo}. */
    private static void assertEveryEdition(List<String> checked, boolean russianToo) {
        long arabic = checked.stream().filter(page -> page.startsWith(RealSite.ARABIC)).count();
        long russian = checked.stream().filter(page -> page.startsWith(RealSite.RUSSIAN)).count();
        long english = checked.size() - arabic - russian;
        assertTrue(english >= 40 && arabic >= 40 && (!russianToo || russian >= 40), "pages of the English edition: " + english
                + ", of the Arabic: " + arabic + ", of the Russian: " + russian);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static void open(String page) {
        driver.get(server.url() + page);
    }

    /**
     * Every page of the English and Arabic editions passes axe at WCAG 2.2 AA in the light colour
     * scheme and its colour rules in the dark (the dark stylesheet changes colours alone, so those
     * are the rules it can break); a Russian page of each kind passes it in the light. Each page is loaded once and checked in both schemes, which are only a media query apart.
     * axe runs in its legacy mode, in the page itself: the new one opens a blank window for every
     * check to gather results from frames, which these pages do not have, and took half of this
     * test's time. The main pages get the whole rule set in the dark too (RightToLeftInBrowserTest
     * at 375 px, the search results here).
     */
    @Test
    void noPageHasAnAccessibilityViolationAtWcag22LevelAAInEitherColourScheme() {
        List<String> violations = new ArrayList<>();
        driver.manage().window().setSize(new Dimension(1280, 900));
        Set<String> russian = new HashSet<>(onePerKind(pages.stream().filter(page -> page.startsWith(RealSite.RUSSIAN)).toList()));
        List<String> checked = new ArrayList<>();
        try {
            for (String page : pages) {
                // The Russian pages are the English ones in other words, laid out alike, left to right:
                // one of each kind, in light, shows what their words change.
                if (page.startsWith(RealSite.RUSSIAN) && !russian.contains(page)) {
                    continue;
                }
                checked.add(page);
                open(page);
                for (String scheme : page.startsWith(RealSite.RUSSIAN) ? new String[] {"light"} : new String[] {"light", "dark"}) {
                    colourScheme(scheme);
                    AxeBuilder axe = scheme.equals("light") ? new AxeBuilder().withTags(WCAG_22_AA)
                            : new AxeBuilder().withOnlyRules(List.of("color-contrast", "link-in-text-block"));
                    Results results = axe.setLegacyMode(true).analyze(driver);
                    for (Rule rule : results.getViolations()) {
                        rule.getNodes().forEach(node -> violations.add(page + " " + scheme + ": " + rule.getId() + " ("
                                + rule.getImpact() + ") " + node.getTarget() + ": " + rule.getHelp()));
                    }
                }
                colourScheme("light");
            }
        } finally {
            colourScheme(null);
        }
        assertEquals(List.of(), violations);
        assertTrue(russian.size() >= 15, "Russian pages of each kind: " + russian);
        assertEveryEdition(checked.stream().filter(page -> !page.startsWith(RealSite.RUSSIAN)).toList(), false);
    }

    /**
     * One page of each kind: every page at the edition's top (each is made by its own template) and
     * the first entry page under each folder (parties/russia/ for parties/*).
     */
    static List<String> onePerKind(List<String> pages) {
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        for (String page : pages) {
            String edition = RealSite.TRANSLATED_EDITIONS.stream().filter(page::startsWith).findFirst().orElse("");
            String[] parts = page.substring(edition.length()).split("/");
            kinds.putIfAbsent(edition + (parts.length > 2 ? parts[0] + "/*" : page.substring(edition.length())), page);
        }
        return List.copyOf(kinds.values());
    }

    private static void colourScheme(String scheme) {
        RealSite.colourScheme(driver, scheme);
    }

    @Test
    void theDarkColourSchemeIsTheDarkOneInBothEditions() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        colourScheme("dark");
        try {
            for (String page : new String[] {"index.html", RealSite.ARABIC + "index.html"}) {
                open(page);
                assertEquals("rgb(19, 21, 24)", js("return getComputedStyle(document.body).backgroundColor;"), "dark background on " + page);
            }
        } finally {
            colourScheme(null);
        }
    }

    /** The check itself works: axe reports a page with known violations. */
    @Test
    void axeReportsViolationsOnABadPage() throws IOException {
        Path bad = temp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><title>x</title></head><body>"
                + "<p style=\"color:#bbb;background:#fff\">faint</p><img src=\"x.png\"><a href=\"#\"></a></body></html>");
        driver.get(bad.toUri().toString());
        List<String> ids = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(driver)
                .getViolations().stream().map(Rule::getId).sorted().toList();
        assertTrue(ids.containsAll(List.of("color-contrast", "html-has-lang", "image-alt", "link-name")), ids.toString());
    }

    @Test
    void aPrintedPageShowsEachQuoteWholeWithItsSource() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            open("quotes/kerry-inclusive-reuters/index.html");
            assertEquals("none", js("return getComputedStyle(document.querySelector('.site-header')).display;"), "no navigation on paper");
            WebElement quote = driver.findElement(By.cssSelector("article.quote"));
            assertTrue(quote.isDisplayed());
            assertEquals("avoid", js("return getComputedStyle(arguments[0]).breakInside;", quote), "a quote is not split across pages");
            assertTrue(quote.getText().contains("We want to be inclusive and err on the side of inclusivity rather than exclusivity."));
            assertTrue(quote.getText().contains("source: Reuters, 23 Oct"), quote.getText());
            open("sources/index.html");
            String after = (String) js("return getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after').content;");
            assertTrue(after.contains("https://"), "printed links show where they lead: " + after);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void noPageScrollsSidewaysFromPhoneToDesktop() {
        List<String> overflowing = new ArrayList<>();
        layouts().forEach((page, layout) -> layout.overflow().forEach((width, overflow) -> {
            if (overflow > 0) {
                overflowing.add(page + " at " + width + " px: " + overflow + " px too wide");
            }
        }));
        assertEquals(List.of(), overflowing);
        assertEveryEdition(List.copyOf(layouts().keySet()));
    }

    /** How a page is laid out: how far it is wider than the window at each width, and its h1 at 1280 px. */
    private record Layout(Map<Integer, Long> overflow, double left, double right, double width) {
    }

    private static Map<String, Layout> layouts;

    /**
     * Every page's layout, measured once for the tests that read it: each page loaded once and laid
     * out at every width by viewport emulation, as a window resize does (loading every page of three
     * editions at each width took a minute).
     */
    private static synchronized Map<String, Layout> layouts() {
        if (layouts != null) {
            return layouts;
        }
        Map<String, Layout> measured = new java.util.LinkedHashMap<>();
        driver.manage().window().setSize(new Dimension(1280, 900));
        try {
            for (String page : pages) {
                open(page);
                Map<Integer, Long> overflow = new java.util.TreeMap<>();
                Map<String, Object> column = Map.of();
                for (int width : new int[] {320, 375, 768, 1280}) {
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
                    overflow.put(width, (Long) js("return document.documentElement.scrollWidth - window.innerWidth;"));
                    if (width == 1280) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> h1 = (Map<String, Object>) js("const h = document.querySelector('main h1').getBoundingClientRect();"
                                + "return {left: h.left, right: document.documentElement.clientWidth - h.right, width: h.width};");
                        column = h1;
                    }
                }
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                measured.put(page, new Layout(overflow, ((Number) column.get("left")).doubleValue(),
                        ((Number) column.get("right")).doubleValue(), ((Number) column.get("width")).doubleValue()));
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        layouts = measured;
        return layouts;
    }

    @Test
    void textIsReadableWithoutZoomOnAPhone() {
        driver.manage().window().setSize(new Dimension(375, 900));
        open("positions/index.html");
        double body = Double.parseDouble(((String) js("return getComputedStyle(document.body).fontSize;")).replace("px", ""));
        assertTrue(body >= 16, "body text " + body + " px");
        String matrixDisplay = (String) js("return getComputedStyle(document.querySelector('table.matrix tbody tr')).display;");
        assertEquals("block", matrixDisplay, "the matrix stacks one party per block on a phone");
        assertTrue((Boolean) js("const c = document.querySelector('table.matrix caption').getBoundingClientRect();"
                + "return c.width > 0 && c.right <= window.innerWidth;"), "the caption stays visible");
    }

    /**
     * On a laptop's screen no page hugs the left and leaves the right empty: the reading column sits
     * in the middle of the window with lines no longer than the measure, while the matrix takes the
     * width it needs instead of scrolling inside a narrow column.
     */
    @Test
    void everyPageCentresItsReadingColumnOnAWideScreen() {
        List<String> problems = new ArrayList<>();
        layouts().forEach((page, layout) -> {
            if (Math.abs(layout.left() - layout.right()) > 1) {
                problems.add(page + ": " + Math.round(layout.left()) + " px free on the left, " + Math.round(layout.right()) + " px on the right");
            }
            if (layout.width() > 640) {
                problems.add(page + ": a reading column " + Math.round(layout.width()) + " px wide, more than the 40rem measure");
            }
        });
        assertEquals(List.of(), problems);
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("positions/index.html");
        assertEquals(Boolean.TRUE, js("const m = document.querySelector('.matrix-wrap');"
                + "return m.scrollWidth <= m.clientWidth && m.clientWidth > document.querySelector('main h1').clientWidth;"),
                "the matrix is wider than the reading column and needs no scrolling at 1280 px");
    }

    /**
     * The pages people look at first, whole (not only their first screen), at a phone's width and a
     * laptop's, in every edition: NAME-375.png, NAME-1280.png.
     */
    static final String[][] PAGES_TO_LOOK_AT = {{"index.html", "home"}, {"positions/index.html", "positions"},
            {"quotes/index.html", "quotes"}, {"timeline/index.html", "timeline"}, {"parties/index.html", "parties"},
            {"ar/index.html", "ar-home"}, {"ar/positions/index.html", "ar-positions"}, {"ar/quotes/index.html", "ar-quotes"},
            {"ar/timeline/index.html", "ar-timeline"}, {"ru/index.html", "ru-home"}, {"ru/positions/index.html", "ru-positions"}};
    /** And in the dark colour scheme at a laptop's width: NAME-dark-1280.png. */
    static final String[][] PAGES_TO_LOOK_AT_IN_THE_DARK = {{"ar/index.html", "ar-home"}, {"ar/positions/index.html", "ar-positions"}};

    @Test
    void savesScreenshotsOfTheMainPagesForPeopleToLookAt() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<String> problems = new ArrayList<>();
        try {
            for (int width : new int[] {375, 1280}) {
                for (String[] page : PAGES_TO_LOOK_AT) {
                    problems.addAll(screenshot(page[0], page[1] + "-" + width + ".png", width, 0x06325a));
                }
            }
            colourScheme("dark");
            for (String[] page : PAGES_TO_LOOK_AT_IN_THE_DARK) {
                problems.addAll(screenshot(page[0], page[1] + "-dark-1280.png", 1280, 0x0c2e50));
            }
        } finally {
            colourScheme(null);
        }
        assertEquals(List.of(), problems);
    }

    /** Saves the page, whole, at the width, as the name under target/screenshots/; what looks wrong with it. */
    private static List<String> screenshot(String page, String name, int width, int headerColour) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        open(page);
        assertEquals(width, ((Number) js("return document.documentElement.clientWidth;")).intValue(), "window width");
        int height = ((Number) js("return document.documentElement.scrollHeight;")).intValue();
        Path target = SCREENSHOTS.resolve(name);
        Files.write(target, wholePage(width, height));
        BufferedImage image = ImageIO.read(target.toFile());
        List<String> problems = new ArrayList<>();
        if (image.getWidth() != width || image.getHeight() != height) {
            problems.add(name + " is " + image.getWidth() + "×" + image.getHeight() + " px, not the whole page of "
                    + width + "×" + height);
        }
        if (!nearly(image.getRGB(2, 2), headerColour)) {
            problems.add(name + " does not show the site's header colour at the top: the page looks unstyled");
        }
        int colours = distinctColours(image, 64);
        if (colours < 64) {
            problems.add(name + " shows " + colours + " distinct colours, fewer than 64: a blank or flat image, not a page of text");
        }
        return problems;
    }

    /** The whole page in one image, through DevTools, which can capture beyond the visible screen. */
    private static byte[] wholePage(int width, int height) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** How many colours the image has, counting up to {@code enough}: text on a page gives hundreds. */
    private static int distinctColours(BufferedImage image, int enough) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight() && colours.size() < enough; y++) {
            for (int x = 0; x < image.getWidth() && colours.size() < enough; x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static boolean nearly(int rgb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xff) - (expected >> shift & 0xff)) > 3) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theKeyboardReachesEverythingInOrderWithVisibleFocusAndNoTrap() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("parties/russia/index.html");
        @SuppressWarnings("unchecked")
        List<WebElement> tabbable = (List<WebElement>) js("return [...document.querySelectorAll("
                + "'a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')]"
                + ".filter(e => !e.disabled && e.getClientRects().length > 0);");
        Actions keys = new Actions(driver);
        for (int i = 0; i < tabbable.size(); i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            assertEquals(tabbable.get(i), focused, "focus order at stop " + (i + 1) + ": " + focused.getText());
            String outline = (String) js("const s = getComputedStyle(arguments[0]);"
                    + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'visible' : s.outlineStyle + ' ' + s.outlineWidth;",
                    focused);
            assertEquals("visible", outline, "focus indicator on " + focused.getTagName() + " " + focused.getText());
            if (i == 0) {
                assertTrue(focused.getAttribute("class").contains("skip-link"), "the first stop is the skip link");
                assertTrue((Boolean) js("return arguments[0].getBoundingClientRect().top >= 0;", focused),
                        "the skip link shows when focused");
            }
        }
        keys.sendKeys(Keys.TAB).perform();
        WebElement after = driver.switchTo().activeElement();
        assertTrue(!tabbable.contains(after) || after.equals(tabbable.get(0)), "focus leaves the page instead of being trapped");
    }

    private static List<String> visibleQuotes() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js("return [...document.querySelectorAll('article.quote')]"
                + ".filter(a => a.getClientRects().length > 0).map(a => a.id || a.querySelector('.wording').id);");
        return ids;
    }

    @Test
    void theQuoteIndexFiltersAndKeepsTheFilterInTheUrl() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("quotes/index.html");
        // 12 quotes, two of them one remark in two outlets' wordings, which is one item.
        assertEquals(11, visibleQuotes().size());
        new Select(driver.findElement(By.id("filter-speaker"))).selectByValue("lavrov");
        assertEquals(List.of("lavrov-jordan-coordination", "lavrov-invitation-wsj", "lavrov-iran-egypt-bloomberg",
                "lavrov-syrian-people-afp"), visibleQuotes());
        driver.findElement(By.id("filter-q")).sendKeys("Egypt");
        assertEquals(List.of("lavrov-iran-egypt-bloomberg"), visibleQuotes());
        assertEquals("Showing 1 of 11 quotes and statements.", driver.findElement(By.id("quote-filter-status")).getText());
        String shared = driver.getCurrentUrl();
        assertTrue(shared.contains("speaker=lavrov") && shared.contains("q=Egypt"), shared);

        driver.get(shared);
        assertEquals(List.of("lavrov-iran-egypt-bloomberg"), visibleQuotes(), "a shared link opens the same view");
        new Select(driver.findElement(By.id("filter-speaker"))).selectByValue("");
        driver.findElement(By.id("filter-q")).clear();
        new Select(driver.findElement(By.id("filter-outlet"))).selectByValue("reuters");
        assertEquals(List.of("kerry-constructive-ap", "kerry-inclusive-reuters"), visibleQuotes(),
                "a remark shows where one of its wordings is the outlet's");
        new Select(driver.findElement(By.id("filter-outlet"))).selectByValue("bloomberg");
        new Select(driver.findElement(By.id("filter-issue"))).selectByValue("next-meeting");
        assertEquals(List.of("kerry-multilateral-bloomberg", "kerry-urgency-bloomberg", "lavrov-iran-egypt-bloomberg",
                "mogherini-all-actors-bloomberg"), visibleQuotes());
        new Select(driver.findElement(By.id("filter-party"))).selectByValue("none");
        assertEquals(List.of("mogherini-all-actors-bloomberg"), visibleQuotes(), "Mogherini spoke for no party");
        driver.findElement(By.cssSelector("#quote-filters button[type=reset]")).click();
        // The form's reset event fires before the fields are cleared: the script applies the
        // filters on the next turn of the event loop, so wait for that turn rather than race it.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> visibleQuotes().size() == 11);
        assertEquals(11, visibleQuotes().size());
        assertTrue(!driver.getCurrentUrl().contains("?"), driver.getCurrentUrl());
    }

    @Test
    void everyQuoteHasACopyLinkControlThatCopiesTheCanonicalAddress() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("quotes/index.html");
        List<WebElement> buttons = driver.findElements(By.cssSelector("article.quote button.copy-link"));
        assertEquals(12, buttons.size(), "one per wording: the remark in two wordings has two");
        // The page is read at the local server's address; the copied link is the one under base_url.
        assertEquals("https://vienna-talks.example.org/quotes/kerry-constructive-ap/", copiedBy(buttons.get(0)));
        assertEquals("Link copied", buttons.get(0).getText());
        assertEquals("https://vienna-talks.example.org/quotes/kerry-constructive-reuters/", copiedBy(buttons.get(1)));
        open("quotes/lavrov-syrian-people-afp/index.html");
        assertEquals("https://vienna-talks.example.org/quotes/lavrov-syrian-people-afp/",
                copiedBy(driver.findElement(By.cssSelector("article.quote button.copy-link"))));
    }

    /** What a click on a "Copy link" button hands the clipboard, caught by a stand-in for navigator.clipboard. */
    private static String copiedBy(WebElement button) {
        js("window.copiedLinks = [];"
                + "Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: text => {"
                + " window.copiedLinks.push(text); return Promise.resolve(); }}});");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "Link copied".equals(button.getText()));
        @SuppressWarnings("unchecked")
        List<String> copied = (List<String>) js("return window.copiedLinks;");
        assertEquals(1, copied.size(), copied.toString());
        return copied.get(0);
    }

    /** In every edition: {@code edition} is where the edition's pages are, "" for the English, "ar/" for the Arabic, "ru/" for the Russian. */
    @ParameterizedTest
    @ValueSource(strings = {"", RealSite.ARABIC, RealSite.RUSSIAN})
    void withoutJavaScriptTheQuoteIndexHidesItsFiltersAndWorksByItsSections(String edition) {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            open(edition + "quotes/index.html");
            assertTrue(!driver.findElement(By.id("quote-filters")).isDisplayed(), "no filter form that cannot work");
            assertEquals(List.of(), driver.findElements(By.cssSelector("button.copy-link")), "no Copy link button without its script");
            List<WebElement> byIssue = driver.findElements(By.cssSelector("section:has(#by-issue) li a[href^='#']"));
            assertTrue(!byIssue.isEmpty() && byIssue.get(0).isDisplayed(), "the per-issue list leads into the index");
            String target = byIssue.get(0).getAttribute("href").replaceAll(".*#", "");
            byIssue.get(0).click();
            assertTrue(driver.findElement(By.id(target)).isDisplayed(), "the link leads to a quote: " + target);
            assertTrue(driver.findElements(By.cssSelector("section[aria-labelledby^=speaker-] article.quote")).stream()
                    .allMatch(WebElement::isDisplayed), "every quote is shown in its speaker's section");
            open(edition + "index.html");
            WebElement summary = driver.findElement(By.cssSelector(".relations-details summary"));
            summary.click();
            assertTrue(driver.findElement(By.cssSelector(".relations-details table.relations")).isDisplayed(),
                    "the relations table opens without script");
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /**
     * The language switcher is plain links: without JavaScript, on a phone, it is in the header and
     * leads to the same page in the other editions and back.
     */
    @Test
    void withoutJavaScriptTheLanguageSwitcherLeadsToTheSamePageInTheOtherEditions() {
        driver.manage().window().setSize(new Dimension(320, 900));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            open("quotes/index.html");
            switchLanguage("ar");
            assertTrue(URI.create(driver.getCurrentUrl()).getPath().startsWith("/ar/quotes/"), driver.getCurrentUrl());
            assertEquals(List.of("ar", "rtl"), js("return [document.documentElement.lang, document.documentElement.dir];"));
            switchLanguage("ru");
            assertTrue(URI.create(driver.getCurrentUrl()).getPath().startsWith("/ru/quotes/"), driver.getCurrentUrl());
            assertEquals(List.of("ru", ""), js("return [document.documentElement.lang, document.documentElement.dir];"));
            switchLanguage("en");
            assertTrue(URI.create(driver.getCurrentUrl()).getPath().startsWith("/quotes/"), driver.getCurrentUrl());
            assertEquals("en", js("return document.documentElement.lang;"));
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /** Follows the header's link to the edition in {@code language}, after checking that a reader can see it. */
    private static void switchLanguage(String language) {
        WebElement link = driver.findElement(By.cssSelector(".site-header a[hreflang='" + language + "']"));
        assertEquals("in the window", js("const r = arguments[0].getBoundingClientRect();"
                + "return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth && r.top >= 0"
                + " ? 'in the window' : 'at ' + r.left + ', ' + r.top + ' to ' + r.right;", link), "the link to the " + language + " edition");
        assertTrue(link.isDisplayed());
        link.click();
    }

    private static final By SEARCH_BOX = By.id("site-search-query");
    private static final By SEARCH_RESULTS = By.cssSelector(".search-results");

    /** Whether the page has asked for the search index yet. */
    private static boolean indexRequested() {
        return (Boolean) js("return performance.getEntriesByType('resource').some(e => e.name.endsWith('/search.json'));");
    }

    private static void typeSearch(String query) {
        WebElement box = driver.findElement(SEARCH_BOX);
        box.click();
        box.sendKeys(query);
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "results for '" + query + "' shown; the status says '"
                + driver.findElement(By.id("site-search-status")).getAttribute("textContent") + "', the box holds '"
                + driver.findElement(SEARCH_BOX).getAttribute("value") + "'").until(d -> d.findElement(SEARCH_RESULTS).isDisplayed());
    }

    @Test
    void theSearchFindsASectionAndTheKeyboardFollowsItThere() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("quotes/index.html");
        assertTrue(driver.findElement(SEARCH_BOX).isDisplayed(), "the search box is shown with JavaScript");
        assertTrue(!indexRequested(), "the index is not loaded with the page, only on use");
        typeSearch("jordan people");
        assertTrue(indexRequested());
        WebElement status = driver.findElement(By.id("site-search-status"));
        assertTrue(status.getAttribute("textContent").matches("\\d+ results? for “jordan people”\\."),
                "the count is announced: " + status.getAttribute("textContent"));
        WebElement first = driver.findElement(By.cssSelector(".search-results li a"));
        assertEquals("People", first.getText());
        assertEquals("Jordan", driver.findElement(By.cssSelector(".search-results li .search-page")).getText());
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(first, driver.switchTo().activeElement(), "the down arrow moves from the box to the first result");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("jordan"));
        URI at = URI.create(driver.getCurrentUrl());
        assertEquals("/parties/jordan/index.html", at.getPath());
        assertEquals("representatives", at.getFragment());
        WebElement section = driver.findElement(By.id("representatives"));
        assertEquals("visible", js("const r = arguments[0].getBoundingClientRect();"
                + "return r.top > -1 && r.bottom < innerHeight ? 'visible' : 'at ' + r.top + ' of ' + innerHeight + ', scrolled ' + scrollY;",
                section), "the result's section is in view");

        typeSearch("Lavrov");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertEquals("", driver.findElement(SEARCH_BOX).getAttribute("value"), "Escape clears the query");
        assertTrue(!driver.findElement(SEARCH_RESULTS).isDisplayed(), "Escape closes the results");
        assertEquals(driver.findElement(SEARCH_BOX), driver.switchTo().activeElement(), "focus stays in the search box");

        driver.findElement(SEARCH_BOX).sendKeys("zzqx");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("site-search-status"))
                .getAttribute("textContent").equals("No results for “zzqx”."));
    }

    @Test
    void theSearchWithItsResultsOpenHasNoAccessibilityViolationInEitherColourScheme() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        List<String> violations = new ArrayList<>();
        try {
            for (String scheme : new String[] {"light", "dark"}) {
                driver.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                for (int width : new int[] {375, 1280}) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    open("parties/russia/index.html");
                    typeSearch("Iran");
                    new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")).analyze(driver)
                            .getViolations().forEach(rule -> rule.getNodes().forEach(node -> violations.add(scheme + " " + width
                                    + ": " + rule.getId() + " " + node.getTarget() + ": " + rule.getHelp())));
                    int height = ((Number) js("return document.documentElement.scrollHeight;")).intValue();
                    Files.write(SCREENSHOTS.resolve("search-results-" + scheme + "-" + width + ".png"),
                            wholePage(width, Math.min(height, 1400)));
                }
            }
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Each edition searches its own pages and speaks its own words: in Arabic, a word typed without
     * its shadda ("بناء") finds the text that has it ("بنّاءً"), and every result stays in the edition.
     */
    @Test
    void theSearchInAnEditionFindsItsOwnPagesAndAnnouncesTheCountInItsLanguage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open(RealSite.ARABIC + "index.html");
        typeSearch("بناء");
        String status = driver.findElement(By.id("site-search-status")).getAttribute("textContent");
        assertTrue((status.startsWith("عدد النتائج عن «بناء»: ") || status.equals("نتيجة واحدة عن «بناء».")), "the count in Arabic: " + status);
        List<WebElement> results = driver.findElements(By.cssSelector(".search-results li a"));
        assertTrue(!results.isEmpty() && results.stream().allMatch(a -> URI.create(a.getAttribute("href")).getPath().startsWith("/ar/")),
                "results in the Arabic edition: " + results.stream().map(a -> a.getAttribute("href")).toList());
        // An excerpt cut around the word found shows it, though the marks the search ignores shift its place in the text.
        @SuppressWarnings("unchecked")
        List<String> excerpts = (List<String>) js("return [...document.querySelectorAll('.search-results li p')]"
                + ".map(p => p.textContent.replace(/[\\u064b-\\u065f\\u0670\\u0640]/g, ''));");
        List<String> cut = excerpts.stream().filter(text -> text.startsWith("…")).toList(); // cut around a match in the text
        assertTrue(!cut.isEmpty() && cut.stream().allMatch(text -> text.contains("بناء")), "excerpts around the word: " + cut);
        open(RealSite.RUSSIAN + "index.html");
        typeSearch("Лавров");
        assertTrue(driver.findElement(By.id("site-search-status")).getAttribute("textContent").startsWith("Результаты по запросу «Лавров»"));
        assertTrue(driver.findElements(By.cssSelector(".search-results li a")).stream()
                .allMatch(a -> URI.create(a.getAttribute("href")).getPath().startsWith("/ru/")), "results in the Russian edition");
    }

    @Test
    void theSearchResultsLeadIntoTheSiteUnderASubPath() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 900));
        try (StaticSiteServer prefixed = new StaticSiteServer(site, "/some/prefix/")) {
            driver.get(prefixed.url() + "issues/iran/index.html");
            typeSearch("jordan people");
            driver.findElement(By.cssSelector(".search-results li a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("jordan"));
            URI at = URI.create(driver.getCurrentUrl());
            assertEquals("/some/prefix/parties/jordan/index.html", at.getPath());
            assertEquals("representatives", at.getFragment());
        }
    }

    @Test
    void withoutJavaScriptNoSearchBoxIsShown() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            open("index.html");
            assertEquals(1, driver.findElements(By.cssSelector(".site-search")).size(), "the page has the search, hidden");
            assertTrue(!driver.findElement(By.cssSelector(".site-search")).isDisplayed(), "no search box that cannot work");
            assertTrue(!driver.findElement(SEARCH_BOX).isDisplayed());
            assertTrue(!indexRequested(), "nothing loads the index");
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    @Test
    void theSkipLinkMovesFocusToTheMainContent() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open("quotes/index.html");
        new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        assertEquals("main", driver.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void theSiteWorksUnchangedUnderASubPathAndFromDisk() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 900));
        try (StaticSiteServer prefixed = new StaticSiteServer(site, "/some/prefix/")) {
            driver.get(prefixed.url());
            assertStyledAndNavigable("/some/prefix/");
        }
        driver.get(site.resolve("index.html").toUri().toString());
        assertStyledAndNavigable(site.toUri().getPath());
    }

    private static void assertStyledAndNavigable(String base) {
        assertEquals("rgb(6, 50, 90)", js("return getComputedStyle(document.querySelector('.site-header')).backgroundColor;"),
                "the stylesheet loads");
        driver.findElement(By.linkText("Positions")).click();
        assertEquals(base + "positions/index.html", URI.create(driver.getCurrentUrl()).getPath());
        assertEquals("Positions", driver.findElement(By.tagName("h1")).getText());
        assertEquals("rgb(6, 50, 90)", js("return getComputedStyle(document.querySelector('.site-header')).backgroundColor;"));
        Optional<WebElement> party = driver.findElements(By.linkText("Russia")).stream().findFirst();
        party.orElseThrow().click();
        assertEquals(base + "parties/russia/index.html", URI.create(driver.getCurrentUrl()).getPath());
    }
}
