package dev.explainer.output;

import dev.explainer.render.OutputFile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The write stage: writes the whole site into a staging folder beside the output folder, then
 * swaps it in. If anything fails before the swap, the previous output is left exactly as it was
 * and the staging folder is removed. Only the output folder itself and folders this class
 * created are ever deleted.
 */
public final class SiteWriter {

    /** Writes {@code files} as the new content of {@code output}. */
    public void write(Path output, List<OutputFile> files) throws IOException {
        Path target = OutputGuard.real(output);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
        try {
            // Temporary folders are private; a published site must be readable by a web server.
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            writeAll(staging, files);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        swapIn(staging, target, parent, name);
    }

    private static void writeAll(Path staging, List<OutputFile> files) throws IOException {
        for (OutputFile file : files) {
            Path destination = staging.resolve(file.path()).normalize();
            if (!destination.startsWith(staging)) {
                throw new IOException("refusing to write outside the output folder: " + file.path());
            }
            Files.createDirectories(destination.getParent());
        }
        // Every write runs to its end before a failure is reported, so that nothing is still
        // writing into the staging folder when it is removed.
        List<IOException> failures = files.parallelStream().map(file -> {
            Path destination = staging.resolve(file.path());
            try {
                if (file instanceof OutputFile.Generated generated) {
                    Files.write(destination, generated.bytes());
                } else if (file instanceof OutputFile.Copied copied) {
                    Files.copy(copied.source(), destination, StandardCopyOption.REPLACE_EXISTING);
                }
                return null;
            } catch (IOException e) {
                return e;
            }
        }).filter(java.util.Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void swapIn(Path staging, Path target, Path parent, String name) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path previous = Files.createTempDirectory(parent, "." + name + ".previous-");
        Files.delete(previous); // only its unique name is wanted
        move(target, previous);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(previous, target); // put the old site back before reporting
            deleteTree(staging);
            throw e;
        }
        deleteTree(previous);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
