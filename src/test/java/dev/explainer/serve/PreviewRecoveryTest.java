package dev.explainer.serve;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live preview keeps going whatever a save does: a template that calls itself without end, a
 * loop that never ends, a site that does not build when the preview starts. Each shows its error
 * over the page, and the save that fixes it is built.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a safety net, should a rebuild never end
class PreviewRecoveryTest {
    @TempDir
    Path root;
    PreviewSession preview;

    private static final String RECURSIVE_PAGE = """
            -- templates/page.ftlh --
            <#macro countdown n>
              ${n} <@countdown n - 1/>
            </#macro>
            <@countdown 3/>
            """;
    private static final String FIXED_PAGE = """
            -- templates/page.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>Fixed: ${entry.title}</h1>${entry.content}</@l.frame>
            """;
    private static final String RECURSION_AT = "\"file\":\"templates/page.ftlh\",\"line\":2,\"column\":8";

    private void start() throws IOException {
        preview = PreviewSession.start(root);
    }

    @AfterEach
    void stop() throws IOException {
        if (preview != null) {
            preview.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return preview.get(path);
    }

    private String next(String prefix) throws InterruptedException {
        return preview.next(prefix);
    }

    /** Waits until {@code condition} holds; fails after 30 seconds. */
    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + what + "; log:\n" + preview.log());
            }
            Thread.sleep(20);
        }
    }

    /** Whether some thread is running a template right now. */
    private static boolean aTemplateIsRunning() {
        return Thread.getAllStackTraces().values().stream().flatMap(java.util.Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith("freemarker.core.Environment"));
    }

    @Test
    void aTemplateThatCallsItselfShowsItsErrorAndTheFixIsBuilt() throws Exception {
        TestSite.write(root, TestSite.BASE);
        start();
        assertEquals("event: ok", next("event: "));

        TestSite.save(root, RECURSIVE_PAGE);
        assertEquals("event: errors", next("event: "), "the overlay, not 'ok'");
        String data = next("data: ");
        assertTrue(data.contains(RECURSION_AT), data);
        assertTrue(data.contains("macro 'countdown' calls itself more than 100 levels deep"), data);
        assertEquals(200, get("/").statusCode(), "the last good build stays served");

        TestSite.save(root, FIXED_PAGE);
        assertEquals("event: reload", next("event: "), "the rebuild thread survived and built the fix");
        assertTrue(get("/").body().contains("<h1>Fixed: Welcome</h1>"));
    }

    @Test
    void aLoopThatNeverEndsIsAbandonedForTheSaveThatFixesIt() throws Exception {
        // Limits far beyond the test's patience: only the newer save can end the endless rebuild.
        TestSite.write(root, TestSite.BASE);
        Path config = root.resolve("content/site.yaml");
        Files.writeString(config, "limits: {page_render_seconds: 3600, build_seconds: 3600}\n" + Files.readString(config));
        start();
        assertEquals("event: ok", next("event: "));

        TestSite.save(root, """
                -- templates/page.ftlh --
                <#list 1.. as i></#list>
                """);
        await("started the endless rebuild", PreviewRecoveryTest::aTemplateIsRunning);
        TestSite.save(root, FIXED_PAGE);
        assertEquals("event: reload", next("event: "), "the newer save was built");
        assertTrue(get("/").body().contains("<h1>Fixed: Welcome</h1>"));
        await("stopped the endless render", () -> !aTemplateIsRunning());
        assertFalse(preview.log().contains("error"), "the abandoned rebuild reports nothing: " + preview.log());
    }

    @Test
    void aSiteThatDoesNotBuildAtStartIsServedWithItsErrorsUntilItIsFixed() throws Exception {
        TestSite.write(root, TestSite.BASE + RECURSIVE_PAGE);
        start();
        assertEquals("event: errors", next("event: "));
        assertTrue(next("data: ").contains(RECURSION_AT));
        HttpResponse<String> waiting = get("/");
        assertEquals(503, waiting.statusCode());
        assertTrue(waiting.body().contains("<script src=\"/__explainer/live.js\"></script>"), "the page carries the overlay: " + waiting.body());

        TestSite.save(root, FIXED_PAGE);
        assertEquals("event: reload", next("event: "));
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("<h1>Fixed: Welcome</h1>"), home.body());
    }

    @Test
    void anEmptyConfigAtStartIsShownAndTheFixIsBuilt() throws Exception {
        TestSite.write(root, TestSite.BASE);
        Path config = root.resolve("content/site.yaml");
        String good = Files.readString(config);
        Files.writeString(config, "# to be written\n");
        start();
        assertEquals("event: errors", next("event: "));
        assertTrue(next("data: ").contains("\"file\":\"content/site.yaml\",\"line\":1,\"column\":1"));

        TestSite.save(root, "-- content/site.yaml --\n" + good);
        assertEquals("event: reload", next("event: "));
        assertEquals(200, get("/").statusCode());
    }
}
