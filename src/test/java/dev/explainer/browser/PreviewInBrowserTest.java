package dev.explainer.browser;

import dev.explainer.serve.PreviewServer;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview in a real browser: pages reload after a save and show build errors in an overlay. */
@ExtendWith(RequiresChromium.class)
class PreviewInBrowserTest {
    @TempDir
    Path root;
    PreviewServer server;
    ChromeDriver driver;
    String url;

    @BeforeEach
    void start() throws Exception {
        TestSite.write(root.resolve("site-source"), TestSite.BASE);
        StringWriter log = new StringWriter();
        server = new PreviewServer(root.resolve("site-source"), false, new PrintWriter(log, true), new PrintWriter(log, true));
        InetSocketAddress address = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        url = "http://127.0.0.1:" + address.getPort() + "/";
        driver = Browser.start(root.resolve("profile"));
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        server.close();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @Test
    void anOpenPageShowsTheErrorsOfABrokenSaveAndClearsThemWhenFixed() throws Exception {
        driver.get(url + "people/");
        Path source = root.resolve("site-source");
        String good = Files.readString(source.resolve("content/topics.yaml"));
        TestSite.save(source, "-- content/topics.yaml --\n- id: tax\n  name: Tax\n   broken: indentation\n");

        WebElement overlay = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explainer-error-overlay")));
        String text = overlay.getText();
        assertTrue(text.contains("content/topics.yaml:3:4: error: wrong indentation: 'broken' starts at column 4"), text);
        assertTrue(text.contains("3 |    broken: indentation"), "the offending source line: " + text);
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Everyone"), "the last good page stays underneath");

        TestSite.save(source, "-- content/topics.yaml --\n" + good);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("explainer-error-overlay")));
        assertTrue(driver.findElements(By.id("explainer-error-overlay")).isEmpty());
    }

    /**
     * What the reader of the overlay sees of a problem: its file:line:column and message, the line
     * itself with a caret under the column, and markup in either shown as the text it is.
     */
    @Test
    void theOverlayShowsWhereEachProblemIsAndTheirTextNeverAsMarkup() throws Exception {
        driver.get(url + "people/");
        TestSite.save(root.resolve("site-source"), """
                -- content/topics.yaml --
                - id: tax
                  name: Tax
                   <b>broken</b>: <img src=x id=injected>
                """);

        WebElement overlay = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explainer-error-overlay")));
        List<WebElement> problems = overlay.findElements(By.className("explainer-error"));
        assertEquals(1, problems.size(), overlay.getText());
        String shown = problems.get(0).getDomProperty("textContent");
        String where = "content/topics.yaml:3:4: error: wrong indentation: '<b>broken</b>' starts at column 4";
        assertTrue(shown.startsWith(where), shown);
        String excerpt = problems.get(0).findElement(By.tagName("pre")).getDomProperty("textContent");
        List<String> lines = excerpt.lines().toList();
        assertEquals("3 |    <b>broken</b>: <img src=x id=injected>", lines.get(0), excerpt);
        assertEquals(lines.get(0).indexOf("<b>"), lines.get(1).indexOf('^'), "the caret is under column 4: " + excerpt);
        assertEquals(List.of(), overlay.findElements(By.cssSelector("b, img")), "markup from the file became elements");
        assertEquals(List.of(), driver.findElements(By.id("injected")));
    }

    @Test
    void anOpenPageReloadsAfterASave() throws Exception {
        driver.get(url + "people/bob/");
        TestSite.edit(root.resolve("site-source"), "content/people/bob.md", "Bob is blue.", "Bob is now green.");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".body"), "Bob is now green."));
    }
}
