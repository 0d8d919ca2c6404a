package dev.explainer.browser;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.serve.StaticSiteServer;
import dev.explainer.testing.TestSite;

import nu.validator.client.EmbeddedValidator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site {@code init} writes, as it is: every page passes axe (WCAG 2.2 AA) in the light and
 * the dark colour scheme, the Nu Html Checker without errors, and the keyboard sees where it is.
 */
@ExtendWith(RequiresChromium.class)
class StarterSiteInBrowserTest {
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @TempDir
    static Path temp;
    static Path site;
    static List<String> pages = new ArrayList<>();
    static StaticSiteServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Path source = temp.resolve("new-site");
        TestSite.Run init = TestSite.cli("init", source.toString());
        assertEquals(0, init.exitCode(), init.err());
        TestSite.Run build = TestSite.build(source, "--strict");
        assertEquals(0, build.exitCode(), build.err());
        site = source.resolve("site");
        try (Stream<Path> walk = Files.walk(site)) {
            walk.filter(p -> p.toString().endsWith(".html")).sorted()
                    .forEach(p -> pages.add(site.relativize(p).toString().replace('\\', '/')));
        }
        server = new StaticSiteServer(site, "/");
        driver = Browser.start(temp.resolve("profile"));
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (String page : pages) {
            driver.get(server.url() + page);
            for (Rule rule : new AxeBuilder().withTags(WCAG_22_AA).analyze(driver).getViolations()) {
                rule.getNodes().forEach(node -> violations.add(page + ": " + rule.getId() + " " + node.getTarget() + ": " + rule.getHelp()));
            }
        }
        return violations;
    }

    @Test
    void noPageHasAnAccessibilityViolationInTheLightScheme() {
        assertEquals(6, pages.size(), pages.toString());
        assertEquals(List.of(), violations());
    }

    @Test
    void noPageHasAnAccessibilityViolationInTheDarkScheme() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            driver.get(server.url() + "index.html");
            assertEquals("rgb(19, 21, 24)", ((JavascriptExecutor) driver)
                    .executeScript("return getComputedStyle(document.body).backgroundColor;"), "the dark scheme is in use");
            assertEquals(List.of(), violations());
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void theFirstTabShowsTheSkipLinkAndEveryStopHasAVisibleFocus() {
        driver.get(server.url() + "groups/town-council/index.html");
        JavascriptExecutor js = driver;
        Actions keys = new Actions(driver);
        long stops = (Long) js.executeScript("return document.querySelectorAll('a[href]').length;");
        for (int i = 0; i < stops; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            String outline = (String) js.executeScript("const s = getComputedStyle(arguments[0]);"
                    + "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'visible' : s.outlineStyle + ' ' + s.outlineWidth;",
                    focused);
            assertEquals("visible", outline, "focus indicator on " + focused.getText());
            if (i == 0) {
                assertEquals("Skip to main content", focused.getText());
                assertTrue((Boolean) js.executeScript("return arguments[0].getBoundingClientRect().top >= 0;", focused),
                        "the skip link shows when focused");
            }
        }
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(false);
        ObjectMapper json = new ObjectMapper();
        List<String> errors = new ArrayList<>();
        for (String page : pages) {
            for (JsonNode message : json.readTree(validator.validate(site.resolve(page))).path("messages")) {
                if (!message.path("type").asText().equals("info")) {
                    errors.add(page + ":" + message.path("lastLine").asInt() + ": " + message.path("type").asText() + ": "
                            + message.path("message").asText());
                }
            }
        }
        assertEquals(6, pages.size());
        assertEquals(List.of(), errors, "no error and no warning");
    }
}
