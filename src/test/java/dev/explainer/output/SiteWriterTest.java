package dev.explainer.output;

import dev.explainer.render.OutputFile;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SiteWriterTest {
    @TempDir
    Path root;

    private static OutputFile text(String path, String text) {
        return new OutputFile.Generated(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputByteIdentical() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "old"), text("a/index.html", "a")));
        Map<String, byte[]> before = TestSite.snapshot(out);

        List<OutputFile> failing = List.of(text("index.html", "new"),
                new OutputFile.Copied("assets/gone.css", root.resolve("no-such-file.css")));
        assertThrows(IOException.class, () -> new SiteWriter().write(out, failing));

        Map<String, byte[]> after = TestSite.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (var left = Files.list(root)) {
            assertEquals(List.of("site"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
        }
    }

    @Test
    void refusesPathsThatLeaveTheOutputFolder() {
        Path out = root.resolve("site");
        assertThrows(IOException.class, () -> new SiteWriter().write(out, List.of(text("../escape.html", "x"))));
        assertEquals(false, Files.exists(root.resolve("escape.html")));
    }

    @Test
    void publishedFoldersAreReadableByAWebServer() throws IOException {
        Path out = root.resolve("site");
        new SiteWriter().write(out, List.of(text("index.html", "x")));
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        }
    }
}
