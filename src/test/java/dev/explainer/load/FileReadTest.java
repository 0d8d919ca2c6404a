package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The size limit holds while a file is read, not only when its size is looked at. */
class FileReadTest {
    @TempDir
    Path root;

    @Test
    void aFileThatNeverEndsIsCutOffAtTheLimit() {
        // /dev/zero says it holds nothing and never ends: like a file that grows while it is read.
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(endless), "no /dev/zero here");
        FileRead read = FileRead.of("content/site.yaml", endless, 1024 * 1024);
        assertTrue(read.bytes().isEmpty());
        Diagnostic problem = read.problem().orElseThrow();
        assertEquals("content/site.yaml:1:1: error: is over the limit of 1 MiB for a source file; split it into smaller files,"
                + " or make it smaller", problem.format());
    }

    @Test
    void aFileWithinTheLimitIsReadWhole() throws Exception {
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path file = Files.write(root.resolve("data.yaml"), bytes);
        assertArrayEquals(bytes, FileRead.of("content/data.yaml", file, bytes.length).bytes().orElseThrow());
        assertTrue(FileRead.of("content/data.yaml", file, bytes.length - 1).bytes().isEmpty());
    }
}
