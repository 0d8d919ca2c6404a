package dev.explainer.cli;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a C locale (LANG=C, as in many containers and cron jobs) Java reads file names as ASCII:
 * a name with any other character cannot be turned back into a path. Only a new JVM started in
 * that locale shows it (sun.jnu.encoding cannot be set on the command line), so the tool runs
 * in a child process, from the test's class path.
 */
class AsciiLocaleTest {
    @TempDir
    Path root;

    private record Run(int exitCode, String err) {
    }

    private Run runInCLocale(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(root.resolve("err.txt").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG") || name.startsWith("JAVA_TOOL"));
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), Files.readString(root.resolve("err.txt"), StandardCharsets.ISO_8859_1));
    }

    /** Makes a file named with the UTF-8 bytes {@code octal} (printf escapes), whatever this JVM's own locale. */
    private void touch(String folder, String octal) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "touch \"$(printf '" + folder + "/" + octal + "')\"")
                .directory(root.toFile()).inheritIO().start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, "touch");
    }

    @Test
    void aNonAsciiFileNameIsAnErrorAtItsFolderNotACrash() throws Exception {
        TestSite.write(root.resolve("source"), TestSite.BASE);
        touch("source/content/pages", "caf\\303\\251.md");
        touch("source/templates/assets", "\\303\\251t\\303\\251.png");
        Run check = runInCLocale("check", "--source", root.resolve("source").toString());
        assertEquals(1, check.exitCode(), check.err());
        String pattern = "%s:1:1: error: the name of a file here, '%s', cannot be represented in this system's file name"
                + " encoding \\([^)]+\\); rename it with ASCII letters, digits, '-' and '_' only, or run explainer with a UTF-8"
                + " locale \\(such as LANG=C.UTF-8\\)";
        List<String> lines = check.err().lines().toList();
        assertEquals(3, lines.size(), check.err());
        assertTrue(lines.get(0).matches(String.format(pattern, "content/pages", "caf\\?\\?\\.md")), lines.get(0));
        assertTrue(lines.get(1).matches(String.format(pattern, "templates/assets", "\\?\\?t\\?\\?\\.png")), lines.get(1));
        assertEquals("2 errors", lines.get(2));

        Run build = runInCLocale("build", "--source", root.resolve("source").toString());
        assertEquals(1, build.exitCode(), build.err());
        assertEquals(check.err(), build.err());
        assertTrue(Files.notExists(root.resolve("source/site")), "nothing written");
    }

    @Test
    void aNonAsciiPathInTheConfigIsAnErrorAtTheCollection() throws Exception {
        Path source = TestSite.write(root.resolve("source"), TestSite.BASE);
        TestSite.edit(source, "content/site.yaml", "file: topics.yaml", "file: th\u00e8mes.yaml");
        Run check = runInCLocale("check", "--source", source.toString());
        assertEquals(1, check.exitCode(), check.err());
        assertTrue(check.err().lines().anyMatch(line -> line.matches("content/site.yaml:27:3: error: collection 'topics':"
                + " 'th.mes.yaml' cannot be represented in this system's file name encoding \\([^)]+\\); .*")), check.err());
        assertTrue(!check.err().contains("internal error"), check.err());
    }
}
