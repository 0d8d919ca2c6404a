package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site in Arabic, with dates in the engine's month and weekday names, builds to the same bytes
 * on another Java version (whose locale data is another CLDR release) as on this one. The other
 * Java is the first under /usr/lib/jvm (or {@code -Dexplainer.other.java=HOME}) of another major
 * version; without one the test is skipped, saying so.
 */
class OtherJavaDatesTest {
    @TempDir
    Path root;

    private static Optional<Path> otherJava() throws IOException {
        String given = System.getProperty("explainer.other.java");
        if (given != null) {
            return Optional.of(Path.of(given, "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        String major = "JAVA_VERSION=\"" + Runtime.version().feature();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.sorted().filter(home -> Files.isRegularFile(home.resolve("release")) && Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> {
                        try {
                            return !Files.readString(home.resolve("release")).contains(major);
                        } catch (IOException e) {
                            return false;
                        }
                    }).map(home -> home.resolve("bin/java")).findFirst();
        }
    }

    @Test
    void anArabicSiteBuildsToTheSameBytesOnAnotherJavaVersion() throws Exception {
        Optional<Path> java = otherJava();
        Assumptions.assumeTrue(java.isPresent(), "no Java of another major version under /usr/lib/jvm");
        TestSite.write(root.resolve("source"), TestSite.BASE + """
                -- templates/person.ftlh --
                <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
                <#if entry.born??><p class="born">${entry.born} ${entry.born?string("@lang EEEE d MMM LLLL yyyy")}</p></#if>
                </@l.frame>
                """);
        TestSite.edit(root.resolve("source"), "content/site.yaml", "base_url:", "language: ar\nbase_url:");
        assertEquals(0, TestSite.build(root.resolve("source"), "--out", root.resolve("here").toString()).exitCode());

        List<String> command = new ArrayList<>(List.of(java.get().toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "--source", root.resolve("source").toString(), "--out", root.resolve("there").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(root.resolve("log.txt").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), Files.readString(root.resolve("log.txt")));

        Map<String, byte[]> here = TestSite.snapshot(root.resolve("here"));
        Map<String, byte[]> there = TestSite.snapshot(root.resolve("there"));
        assertEquals(here.keySet(), there.keySet());
        here.forEach((path, bytes) -> assertArrayEquals(bytes, there.get(path), path));
        assertEquals("2 يناير 1970 الجمعة 2 يناير يناير 1970",
                TestSite.html(root.resolve("there/people/ann/index.html")).select(".born").text());
    }
}
