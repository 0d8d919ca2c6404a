package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Templates that would never finish, or would overflow Java's stack, are stopped and reported at
 * their line, exit 1, with the previous output untouched; nothing keeps running afterwards. The
 * time limits are set to a second so that the tests end soon; no test asserts how long anything took.
 */
// Only a safety net: without the limits these builds would never end. On a thread of its own,
// because a template that ignores the limits would also ignore JUnit's interruption.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunawayTemplateTest {
    @TempDir
    Path root;

    /** Builds the base site (with {@code limits} if given), applies {@code change}, builds again: it fails. */
    private String assertFails(String limits, String change) {
        TestSite.write(root, TestSite.BASE);
        if (!limits.isEmpty()) {
            prependToConfig(limits);
        }
        Set<Thread> earlier = threadsInTemplates();
        TestSite.Run run = TestSite.breakWith(root, change);
        assertNothingNewStillRendering(earlier);
        return run.err();
    }

    private void prependToConfig(String line) {
        try {
            Path config = root.resolve("content/site.yaml");
            Files.writeString(config, line + "\n" + Files.readString(config));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * No thread this build started is left inside a template once the build has returned:
     * stopping stopped the work. Threads already in a template before (the page an earlier test
     * gave up on, which runs its built-in to the end, slower on a loaded machine) are not this
     * build's.
     */
    static void assertNothingNewStillRendering(Set<Thread> earlier) {
        for (Thread thread : threadsInTemplates()) {
            assertFalse(!earlier.contains(thread), "thread '" + thread.getName() + "' is still running a template");
        }
    }

    static Set<Thread> threadsInTemplates() {
        Set<Thread> rendering = new HashSet<>();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            for (StackTraceElement frame : frames) {
                if (frame.getClassName().startsWith("freemarker.core.Environment")) {
                    rendering.add(thread);
                }
            }
        });
        return rendering;
    }

    @Test
    void aMacroThatCallsItselfForEverIsStoppedAtItsCall() {
        String err = assertFails("", """
                -- templates/page.ftlh --
                <#macro countdown n>
                  ${n} <@countdown n - 1/>
                </#macro>
                <@countdown 3/>
                """);
        assertEquals("templates/page.ftlh:2:8: error: macro 'countdown' calls itself more than 100 levels deep and was stopped;"
                + " it needs a case in which it does not call itself (rendering / from content/pages/index.md)\n1 error\n", err);
    }

    @Test
    void aFunctionThatCallsItselfForEverIsStoppedAtItsCall() {
        String err = assertFails("", """
                -- templates/page.ftlh --
                <#function factorial n>
                  <#return n * factorial(n - 1)>
                </#function>
                ${factorial(5)}
                """);
        assertEquals("templates/page.ftlh:2:3: error: function 'factorial' calls itself more than 100 levels deep and was stopped;"
                + " it needs a case in which it does not call itself (rendering / from content/pages/index.md)\n1 error\n", err);
    }

    @Test
    void macrosThatCallEachOtherForEverAreStopped() {
        String err = assertFails("", """
                -- templates/page.ftlh --
                <#macro ping><@pong/></#macro>
                <#macro pong><@ping/></#macro>
                <@ping/>
                """);
        assertEquals("templates/page.ftlh:2:14: error: macro 'ping' calls itself more than 100 levels deep and was stopped;"
                + " it needs a case in which it does not call itself (rendering / from content/pages/index.md)\n1 error\n", err);
    }

    @Test
    void aTemplateThatIncludesItselfIsStopped() {
        String err = assertFails("", """
                -- templates/page.ftlh --
                <p>again</p>
                <#include "page.ftlh">
                """);
        assertTrue(err.matches("templates/page\\.ftlh:2:1: error: template 'page\\.ftlh' includes itself \\d+ levels deep, deeper than"
                + " templates can go, and was stopped; it needs a case in which it does not include itself"
                + " \\(rendering / from content/pages/index\\.md\\)\n1 error\n"), err);
    }

    @Test
    void aLoopThatNeverEndsIsStoppedAtTheLoopWhenThePageRunsOutOfTime() {
        String err = assertFails("limits: {page_render_seconds: 1}", """
                -- templates/page.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title>
                <#list 1.. as i></#list>
                </@l.frame>
                """);
        assertEquals("templates/page.ftlh:2:1: error: rendering took longer than 1 s and was stopped here (a loop that never ends?);"
                + " if the page really needs longer, raise limits.page_render_seconds in content/site.yaml"
                + " (rendering / from content/pages/index.md)\n1 error\n", err);
    }

    @Test
    void aLoopInTheLayoutStopsTheBuildAfterThePageThatRanOutOfTime() {
        // Every page would wait its full second: after the first, the others are not rendered.
        String err = assertFails("limits: {page_render_seconds: 1}", """
                -- templates/layout.ftlh --
                <#macro frame title><!DOCTYPE html><html><head><title>${title}</title></head><body>
                <#list 1.. as i><#if i < 0>never</#if></#list><#nested></body></html></#macro>
                """);
        // Pages that were already rendering beside it (one per core at most) run out of time too.
        List<String> errors = err.lines().filter(line -> line.contains(": error: ")).toList();
        assertTrue(errors.size() >= 1 && errors.size() <= Runtime.getRuntime().availableProcessors(), err);
        for (String error : errors) {
            assertTrue(error.matches("templates/layout\\.ftlh:2:\\d+: error: rendering took longer than 1 s and was stopped here .*"), err);
        }
        assertTrue(err.endsWith(errors.size() + (errors.size() == 1 ? " error\n" : " errors\n")), err);
    }

    @Test
    void anAttemptBlockCannotCarryOnPastTheTimeLimit() {
        String err = assertFails("limits: {page_render_seconds: 1}", """
                -- templates/page.ftlh --
                <#attempt><#list 1.. as i>${i}</#list><#recover>recovered</#attempt>
                """);
        assertTrue(err.matches("templates/page\\.ftlh:1:\\d+: error: rendering took longer than 1 s and was stopped here .*\n1 error\n"), err);
    }

    @Test
    void theBuildTimeLimitStopsABuildWhosePagesTakeTooLongTogether() {
        String err = assertFails("limits: {page_render_seconds: 600, build_seconds: 1}", """
                -- templates/page.ftlh --
                <#list 1.. as i></#list>
                """);
        List<String> errors = err.lines().filter(line -> line.contains(": error: ")).toList();
        assertEquals("content/site.yaml:1:9: error: the build took longer than 1 s and was stopped; if the site really needs longer,"
                + " raise limits.build_seconds in content/site.yaml", errors.get(0), err);
        // Where the page was when the build stopped (unless the build ran out of time before rendering).
        for (String other : errors.subList(1, errors.size())) {
            assertEquals("templates/page.ftlh:1:1: error: the build took longer than 1 s and was stopped while this page was"
                    + " rendering here (rendering / from content/pages/index.md)", other, err);
        }
    }

    @Test
    void aBuiltInOverASequenceWithoutEndIsGivenUpOnAndTheBuildEnds() throws InterruptedException {
        // One built-in runs inside FreeMarker to its end and sees no stop request; the build must
        // not wait for it. The range has no end, but starts high, so that it ends by itself at the
        // largest integer: 200 million steps, 5 to 30 s as loaded machines go, always past the 1 s
        // limit and the 2 s the renderer waits for a page to stop. From 1 it ran for minutes, past
        // the join below, and took a core from the tests after it.
        TestSite.write(root, TestSite.BASE);
        prependToConfig("limits: {page_render_seconds: 1}");
        TestSite.Run run = TestSite.breakWith(root, """
                -- templates/page.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.title>
                ${(1947483647..)?seq_contains(0)?c}
                </@l.frame>
                """);
        assertEquals("templates/page.ftlh:2:1: error: rendering ran past its time limit here and could not be stopped: a built-in"
                + " such as ?size, ?seq_contains or ?filter over a sequence without end (such as 1..) runs to its end before"
                + " anything can stop it; give the sequence an end (such as 1..10)\n1 error\n", run.err());

        // The next build, with the template fixed, is whole again: the builder let go of the stuck page.
        TestSite.write(root, TestSite.BASE);
        prependToConfig("limits: {page_render_seconds: 1}");
        assertEquals(0, TestSite.build(root).exitCode());
        for (Thread thread : threadsInTemplates()) {
            thread.join(20_000); // a courtesy to the tests after this one: the abandoned page ends by itself
        }
    }
}
