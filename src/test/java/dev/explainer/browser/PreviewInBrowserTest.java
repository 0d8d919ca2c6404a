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
        Path topics = root.resolve("site-source/content/topics.yaml");
        String good = Files.readString(topics);
        Files.writeString(topics, "- id: tax\n  name: Tax\n   broken: indentation\n");

        WebElement overlay = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explainer-error-overlay")));
        String text = overlay.getText();
        assertTrue(text.contains("content/topics.yaml:3:4: error: wrong indentation: 'broken' starts at column 4"), text);
        assertTrue(text.contains("3 |    broken: indentation"), "the offending source line: " + text);
        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Everyone"), "the last good page stays underneath");

        Files.writeString(topics, good);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("explainer-error-overlay")));
        assertTrue(driver.findElements(By.id("explainer-error-overlay")).isEmpty());
    }

    @Test
    void anOpenPageReloadsAfterASave() throws Exception {
        driver.get(url + "people/bob/");
        Path bob = root.resolve("site-source/content/people/bob.md");
        Files.writeString(bob, Files.readString(bob).replace("Bob is blue.", "Bob is now green."));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".body"), "Bob is now green."));
    }
}
