package dev.explainer.pipeline;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The real site's content and templates, broken at random as a careless editor or an attacker
 * would break them, then built: whatever the input, the build ends in exit 0 or 1, every error
 * names its file, line and column, none is the tool's own failure (the last-resort net that turns
 * a bug into a diagnostic), no Java exception or stack frame is shown, no build runs past
 * its time limit, and a failed build leaves the previous output byte for byte as it was.
 *
 * <p>Each try copies the real sources into a fresh folder, applies one to three mutations (cuts,
 * hostile snippets, swapped or re-indented lines, odd characters) to files chosen at random, and
 * builds over a copy of a good earlier build. QuickTheories shrinks a failure to fewer, smaller
 * mutations and prints the seed that replays it. The seed is fixed, so that every run (and CI)
 * tries the same inputs; {@code -Dexplainer.seed=N} tries others, {@code -Dexplainer.tries=N}
 * more of them. Bounded to ~30 s at the default count.
 */
class RandomInputProperties {
    /** A build that takes longer than this has hung: far above the per-page limit set below. */
    private static final long HUNG_SECONDS = 60;
    private static final Pattern DIAGNOSTIC = Pattern.compile("[^\\s:][^:]*:\\d+:\\d+: (error|warning): \\S.*");
    private static final Pattern SUMMARY = Pattern.compile("\\d+ errors?(, \\d+ warnings?)?|\\d+ warnings?");
    private static final Pattern JAVA_LEAK = Pattern.compile("\\tat |\\b[A-Z][A-Za-z]*(Exception|Error)\\b|internal error|\\bjava\\.");

    /** Snippets that have broken parsers before: YAML aliases, template loops, deep nesting, bad URLs, control characters. */
    private static final List<String> HOSTILE = List.of(
            "&a [x, *a]", "*nowhere", "key: &k {a: *k}", ": : :", "\t", "---\n", "\n---\n", "'unclosed", "\"unclosed",
            "- ", "  - id: Upper Case", "date: 2015-13-45", "id: ", "url: //evil.example/x/", "url: /sitemap.xml",
            "url: /../../escape/", "[sic]", "[...]", "[x]: javascript:alert(1)\n", "[a](javascript:alert(1))",
            "[a](../nowhere/ bä)", "<script>alert(1)</script>", "<!-- comment -->", "\u001b]0;retitled\u0007", "\u0000",
            "\u0001", "\uFFFE", "\"\\x1b[2J\"", ">".repeat(900) + " deep", "*".repeat(2500) + "x", "- ".repeat(600) + "x",
            "|" + "a|".repeat(3000) + "\n|" + "-|".repeat(3000) + "\n",
            "${", "<#if", "</#list>", "${site.nothing.here}", "<#macro r><@r/></#macro><@r/>",
            "<#function f n><#return f(n)></#function>${f(1)}", "<#list 1.. as i></#list>", "?new()", "${\"x\"?api}",
            "<#include \"/../../../etc/passwd\">", "<#import \"missing.ftlh\" as m>");

    private static Path pristine;
    private static Path goodBuild;
    private static final ExecutorService BUILDS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "random-input-build");
        thread.setDaemon(true);
        return thread;
    });

    /** The real sources, with a short render limit so that a mutation that loops costs a second, and one good build of them. */
    @BeforeAll
    static void copyTheRealSite() throws IOException {
        pristine = Files.createTempDirectory("explainer-random-sources");
        Path project = Path.of("").toAbsolutePath();
        copyTree(project.resolve("content"), pristine.resolve("content"));
        copyTree(project.resolve("templates"), pristine.resolve("templates"));
        Path config = pristine.resolve("content/site.yaml");
        Files.writeString(config, Files.readString(config) + "\nlimits:\n  page_render_seconds: 1\n");
        goodBuild = Files.createTempDirectory("explainer-random-good");
        TestSite.Run run = TestSite.build(pristine, "--out", goodBuild.resolve("site").toString());
        assertEquals(0, run.exitCode(), "the real site with a short render limit builds: " + run.err());
    }

    @AfterAll
    static void removeCopies() {
        deleteTree(pristine);
        deleteTree(goodBuild);
    }

    @Test
    void anyBrokenInputEndsInPositionedErrorsAndKeepsThePreviousOutput() {
        qt().withFixedSeed(Long.getLong("explainer.seed", 20151023L))
                .withExamples(Integer.getInteger("explainer.tries", 80))
                .withShrinkCycles(20)
                .forAll(mutations())
                .checkAssert(mutations -> {
                    try {
                        buildsWithPositionedErrorsOnly(mutations);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static void buildsWithPositionedErrorsOnly(List<Mutation> mutations) throws IOException {
        Path root = Files.createTempDirectory("explainer-random");
        try {
            copyTree(pristine, root);
            copyTree(goodBuild.resolve("site"), root.resolve("site"));
            List<String> applied = new ArrayList<>();
            for (Mutation mutation : mutations) {
                applied.add(mutation.applyTo(root));
            }
            Map<String, byte[]> before = TestSite.snapshot(root.resolve("site"));

            Future<TestSite.Run> pending = BUILDS.submit(() -> TestSite.build(root));
            TestSite.Run run;
            try {
                run = pending.get(HUNG_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                fail("the build ran past " + HUNG_SECONDS + " s after " + applied);
                return;
            } catch (ExecutionException e) {
                fail("the build threw " + e.getCause() + " after " + applied, e.getCause());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
                return;
            }

            String what = "after " + applied + "\nexit " + run.exitCode() + "\n" + run.err();
            assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "exit 0 or 1 " + what);
            assertTrue(!JAVA_LEAK.matcher(run.err()).find(), "no exception names or stack frames " + what);
            assertTrue(!run.err().contains("a bug in explainer"), "content never reaches the tool's last-resort net " + what);
            for (String line : run.err().lines().toList()) {
                assertTrue(DIAGNOSTIC.matcher(line).matches() || SUMMARY.matcher(line).matches() || line.startsWith("note: "),
                        "every line is a positioned diagnostic, a note or the count: '" + line + "' " + what);
            }
            if (run.exitCode() == 1) {
                assertTrue(run.err().lines().anyMatch(line -> DIAGNOSTIC.matcher(line).matches() && line.contains(": error: ")),
                        "a failed build names at least one error " + what);
                Map<String, byte[]> after = TestSite.snapshot(root.resolve("site"));
                assertEquals(before.keySet(), after.keySet(), "the previous output keeps its files " + what);
                before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path + " unchanged " + what));
            }
        } finally {
            deleteTree(root);
        }
    }

    private static Gen<List<Mutation>> mutations() {
        return lists().of(mutation()).ofSizeBetween(1, 3);
    }

    private static Gen<Mutation> mutation() {
        Gen<String> file = Generate.pick(sourceFiles());
        Gen<Double> where = doubles().between(0, 1);
        Gen<Integer> length = integers().between(1, 200);
        Gen<String> snippet = Generate.oneOf(Generate.pick(HOSTILE), Generate.pick(HOSTILE),
                strings().betweenCodePoints(0, 0x2FF).ofLengthBetween(1, 12));
        return Generate.oneOf(
                file.zip(where, length, Cut::new),
                file.zip(where, snippet, Insert::new),
                file.zip(where, Generate.pick(HOSTILE), ReplaceValue::new),
                file.zip(where, Generate.pick(HOSTILE), ReplaceValue::new),
                file.zip(where, where, SwapLines::new),
                file.zip(where, integers().between(-4, 4), Reindent::new),
                file.zip(where, Truncate::new));
    }

    /** Every text file of the copied sources, relative to the copy's root (images are copied as they are, never parsed). */
    private static List<String> sourceFiles() {
        try (Stream<Path> walk = Files.walk(pristine)) {
            return walk.filter(Files::isRegularFile).map(p -> pristine.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.endsWith(".svg") && !p.endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One change to one source file; {@link #applyTo} makes it and describes it for the failure report. */
    interface Mutation {
        String file();

        String change(String text);

        default String applyTo(Path root) throws IOException {
            Path path = root.resolve(file());
            String text = Files.readString(path, StandardCharsets.UTF_8);
            Files.writeString(path, change(text), StandardCharsets.UTF_8);
            return toString();
        }
    }

    record Cut(String file, double where, int length) implements Mutation {
        public String change(String text) {
            int from = at(text, where);
            return text.substring(0, from) + text.substring(Math.min(text.length(), from + length));
        }
    }

    record Insert(String file, double where, String snippet) implements Mutation {
        public String change(String text) {
            int at = at(text, where);
            return text.substring(0, at) + snippet + text.substring(at);
        }

        @Override
        public String toString() {
            String shown = snippet.length() > 40 ? snippet.substring(0, 40) + "…(" + snippet.length() + " chars)" : snippet;
            return "Insert[" + file + " at " + where + ": " + shown.replace("\n", "\\n") + "]";
        }
    }

    /** The value of a field (what follows the first ': ' on a line) replaced: the snippet then parses as YAML more often. */
    record ReplaceValue(String file, double where, String snippet) implements Mutation {
        public String change(String text) {
            String[] lines = text.split("\n", -1);
            int from = (int) (where * (lines.length - 1));
            for (int i = 0; i < lines.length; i++) {
                int line = (from + i) % lines.length;
                int colon = lines[line].indexOf(": ");
                if (colon >= 0) {
                    lines[line] = lines[line].substring(0, colon + 2) + snippet.replace("\n", " ");
                    return String.join("\n", lines);
                }
            }
            return text + snippet;
        }
    }

    record SwapLines(String file, double first, double second) implements Mutation {
        public String change(String text) {
            String[] lines = text.split("\n", -1);
            int a = (int) (first * (lines.length - 1));
            int b = (int) (second * (lines.length - 1));
            String kept = lines[a];
            lines[a] = lines[b];
            lines[b] = kept;
            return String.join("\n", lines);
        }
    }

    record Reindent(String file, double where, int by) implements Mutation {
        public String change(String text) {
            String[] lines = text.split("\n", -1);
            int line = (int) (where * (lines.length - 1));
            lines[line] = by >= 0 ? " ".repeat(by) + lines[line] : lines[line].substring(Math.min(-by, leading(lines[line])));
            return String.join("\n", lines);
        }

        private static int leading(String line) {
            int spaces = 0;
            while (spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            return spaces;
        }
    }

    record Truncate(String file, double where) implements Mutation {
        public String change(String text) {
            return text.substring(0, at(text, where));
        }
    }

    /** A place in {@code text} that never splits a surrogate pair. */
    private static int at(String text, double where) {
        int at = (int) (where * text.length());
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
