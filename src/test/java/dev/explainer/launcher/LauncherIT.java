package dev.explainer.launcher;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher script, {@code src/scripts/explainer}, run for real after {@code package} (so
 * against the jar it will run on workstations), from a copy of the project layout so that the
 * archives it writes stay in a temporary folder. The JDK it is given is the one running the
 * tests, behind a {@code JAVA_HOME} whose {@code bin/java} logs its arguments.
 */
class LauncherIT {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path temp;
    Path project;
    Path javaHome;
    Path log;

    @BeforeEach
    void copyTheLauncherAndAJdkThatLogs() throws IOException {
        project = temp.resolve("project");
        Files.createDirectories(project.resolve("src/scripts"));
        Files.createDirectories(project.resolve("target"));
        Files.copy(PROJECT.resolve("src/scripts/explainer"), project.resolve("src/scripts/explainer"));
        Files.copy(PROJECT.resolve("target/explainer.jar"), project.resolve("target/explainer.jar"));

        Path realHome = Path.of(System.getProperty("java.home"));
        javaHome = temp.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        if (Files.exists(realHome.resolve("release"))) {
            Files.copy(realHome.resolve("release"), javaHome.resolve("release"));
        }
        log = temp.resolve("java-arguments.log");
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec '" + realHome.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", project.resolve("src/scripts/explainer").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return new Run(process.exitValue(), Files.readString(temp.resolve("out.txt")), Files.readString(temp.resolve("err.txt")));
    }

    private List<String> javaCalls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void buildsTheRealSiteOnJavaHomesJdkAndThenStartsFromItsArchive() throws Exception {
        Path out = temp.resolve("site");
        Run first = launch("build", "--source", PROJECT.toString(), "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("Wrote "), "only the build's own summary on standard output: " + first.out());
        List<String> calls = javaCalls();
        assertTrue(calls.size() >= 1 && calls.get(0).contains("-XX:+UseSerialGC"), "JAVA_HOME's java ran the build: " + calls);
        boolean aot = Runtime.version().feature() >= 25;
        assertTrue(calls.get(0).contains(aot ? "-XX:AOTMode=record" : "-XX:ArchiveClassesAtExit="), "first run records: " + calls);
        try (var files = Files.list(project.resolve("target"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            String archive = "explainer-" + System.getProperty("java.version") + (aot ? ".aot" : ".jsa");
            assertTrue(names.contains(archive), archive + " in " + names);
        }

        Files.delete(log);
        Run second = launch("build", "--source", PROJECT.toString(), "--out", out.toString());
        assertEquals(0, second.code(), second.err());
        assertEquals(1, javaCalls().size());
        assertTrue(javaCalls().get(0).contains(aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile="), "later runs map the archive: " + javaCalls());

        Map<String, byte[]> committed = TestSite.snapshot(PROJECT.resolve("site"));
        Map<String, byte[]> built = TestSite.snapshot(out);
        assertEquals(committed.keySet(), built.keySet());
        committed.forEach((path, bytes) -> assertArrayEquals(bytes, built.get(path), path));
    }

    @Test
    void helpAndVersionWriteNoArchive() throws Exception {
        Run version = launch("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("explainer "), version.out());
        Run help = launch("build", "--help");
        assertEquals(0, help.code(), help.err());
        try (var files = Files.list(project.resolve("target"))) {
            assertEquals(List.of("explainer.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void withoutTheJarItSaysHowToBuildIt() throws Exception {
        Files.delete(project.resolve("target/explainer.jar"));
        Run run = launch("build");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("mvn -q -B -DskipTests package"), run.err());
        assertEquals(List.of(), javaCalls(), "no JVM started");
    }
}
