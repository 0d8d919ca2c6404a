package dev.explainer.output;

import dev.explainer.parallel.Parallel;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The file-system steps the writes are made of: every file written in parallel, atomic moves, folders made and removed. */
final class FileOperations {
    private FileOperations() {
    }

    /**
     * Writes every file to where {@code destination} says. Every write runs to its end before a
     * failure is reported, so that nothing is still writing when the caller cleans up.
     */
    static void writeAll(List<OutputFile> files, Function<OutputFile, Path> destination) throws IOException {
        List<IOException> failures = Parallel.map(files, file -> {
            try {
                if (file instanceof OutputFile.Generated generated) {
                    Files.write(destination.apply(file), generated.bytes());
                } else if (file instanceof OutputFile.Copied copied) {
                    Files.copy(copied.source(), destination.apply(file), StandardCopyOption.REPLACE_EXISTING);
                }
                return null;
            } catch (IOException e) {
                return e;
            }
        }).stream().filter(Objects::nonNull).toList();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Creates the {@code folders} (site paths, each with its parents) under {@code root} that
     * {@code present} lacks, parents first; adds each to {@code present} and, in creation order,
     * to {@code created}.
     */
    static void createMissingFolders(Path root, Set<String> folders, Set<String> present, List<Path> created)
            throws IOException {
        for (String folder : new TreeSet<>(folders)) { // a folder sorts after its parent
            if (present.add(folder)) {
                Path path = root.resolve(folder);
                Files.createDirectory(path);
                created.add(path);
            }
        }
    }

    /** Removes {@code folder} if nothing is left in it: a user's file in it keeps it. */
    static void deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return; // removed with a folder that a file of the new site replaced
        }
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // kept, with what the user put there; or gone already
        }
    }
}
