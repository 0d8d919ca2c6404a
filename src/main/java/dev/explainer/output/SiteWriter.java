package dev.explainer.output;

import dev.explainer.parallel.Parallel;
import dev.explainer.render.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The write stage. A new output folder is written whole into a staging folder beside it and
 * moved into place. An earlier build is updated in place: files whose bytes did not change are
 * not touched (they keep their time stamps, so deploy tools and browsers see them as unchanged,
 * and a rebuild of a big site writes almost nothing); changed and new files are first written
 * to temporary files beside their destination and only then renamed over it, each rename atomic;
 * files the build no longer makes are removed last. If a write fails, the temporary files are
 * removed and the previous output is left exactly as it was.
 *
 * <p>Only the output folder's own contents, and folders this class created, are ever deleted.
 */
public final class SiteWriter {
    private static final String TEMPORARY_SUFFIX = ".explainer-tmp";

    /** Writes {@code files} as the new content of {@code output}. */
    public void write(Path output, List<OutputFile> files) throws IOException {
        Path target = OutputGuard.real(output);
        for (OutputFile file : files) {
            if (!target.resolve(file.path()).normalize().startsWith(target)) {
                throw new IOException("refusing to write outside the output folder: " + file.path());
            }
        }
        ExistingTree existing = ExistingTree.scan(target);
        Layout layout = Layout.of(files);
        if (existing == null || existing.conflictsWith(layout)) {
            writeStaged(target, files);
        } else {
            updateInPlace(target, files, layout, existing);
        }
    }

    /** The site paths of the files to write, and of every folder they need. */
    private record Layout(Set<String> files, Set<String> folders) {
        static Layout of(List<OutputFile> outputs) {
            Set<String> files = new HashSet<>();
            Set<String> folders = new HashSet<>();
            for (OutputFile file : outputs) {
                files.add(file.path());
                String folder = parentOf(file.path());
                while (!folder.isEmpty() && folders.add(folder)) { // a folder added before came with its parents
                    folder = parentOf(folder);
                }
            }
            return new Layout(files, folders);
        }
    }

    // ---- a new output folder (or one whose shape changed): staged and swapped in ----

    private static void writeStaged(Path target, List<OutputFile> files) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
        try {
            // Temporary folders are private; a published site must be readable by a web server.
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (OutputFile file : files) {
                Files.createDirectories(staging.resolve(file.path()).getParent());
            }
            writeAll(files, file -> staging.resolve(file.path()));
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        swapIn(staging, target, parent, name);
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

    // ---- an earlier build: only what changed ----

    private static void updateInPlace(Path target, List<OutputFile> files, Layout layout, ExistingTree existing) throws IOException {
        List<OutputFile> changed;
        try {
            List<Boolean> same = Parallel.map(files, file -> existing.holdsSameBytes(target, file));
            changed = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (!same.get(i)) {
                    changed.add(files.get(i));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> stale = existing.files.keySet().stream().filter(path -> !layout.files().contains(path)).sorted().toList();
        if (changed.isEmpty() && stale.isEmpty()) {
            return;
        }

        Set<String> present = new HashSet<>(existing.folders);
        List<Path> createdFolders = new ArrayList<>(); // in creation order, parents first
        Map<OutputFile, Path> temporary = new HashMap<>();
        try {
            for (OutputFile file : changed) {
                createFolders(target, parentOf(file.path()), present, createdFolders);
                Path destination = target.resolve(file.path());
                temporary.put(file, destination.resolveSibling("." + destination.getFileName() + TEMPORARY_SUFFIX));
            }
            writeAll(changed, temporary::get);
        } catch (IOException | RuntimeException e) {
            for (Path file : temporary.values()) {
                Files.deleteIfExists(file);
            }
            for (int i = createdFolders.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(createdFolders.get(i));
            }
            throw e;
        }
        // Every byte is on disk: from here on, only renames and removals.
        for (OutputFile file : changed) {
            move(temporary.get(file), target.resolve(file.path()));
        }
        for (String path : stale) {
            Files.deleteIfExists(target.resolve(path)); // a temporary file left by a killed run may have been this run's own
        }
        List<String> emptied = existing.folders.stream().filter(folder -> !layout.folders().contains(folder))
                .sorted(Comparator.reverseOrder()).toList(); // a folder sorts after its parent: children go first
        for (String folder : emptied) {
            Files.delete(target.resolve(folder));
        }
    }

    /** Creates {@code folder} and any missing parents; {@code present} holds the folders that exist. */
    private static void createFolders(Path target, String folder, Set<String> present, List<Path> created) throws IOException {
        if (folder.isEmpty() || present.contains(folder)) {
            return;
        }
        createFolders(target, parentOf(folder), present, created);
        Path path = target.resolve(folder);
        Files.createDirectory(path);
        present.add(folder);
        created.add(path);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The regular files (with their sizes) and folders of an earlier build, by site path. */
    private static final class ExistingTree {
        final Map<String, Long> files = new HashMap<>();
        final Set<String> folders = new HashSet<>();
        boolean other; // a link or special file: the staged path replaces those without asking what they are

        /** The earlier build in {@code target}, or null if there is none (or it is empty). */
        static ExistingTree scan(Path target) throws IOException {
            if (!Files.isDirectory(target)) {
                return null;
            }
            ExistingTree tree = new ExistingTree();
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(target)) {
                        tree.folders.add(sitePath(target, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        tree.files.put(sitePath(target, file), attributes.size());
                    } else {
                        tree.other = true;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            return tree.files.isEmpty() && tree.folders.isEmpty() ? null : tree;
        }

        private static String sitePath(Path target, Path path) {
            return target.relativize(path).toString().replace('\\', '/');
        }

        /** Whether some file would have to replace a folder, or a folder a file. */
        boolean conflictsWith(Layout layout) {
            return other || layout.files().stream().anyMatch(folders::contains)
                    || layout.folders().stream().anyMatch(files::containsKey);
        }

        boolean holdsSameBytes(Path target, OutputFile file) {
            Long size = files.get(file.path());
            if (size == null) {
                return false;
            }
            Path existing = target.resolve(file.path());
            try {
                if (file instanceof OutputFile.Generated generated) {
                    return size == generated.bytes().length && Arrays.equals(Files.readAllBytes(existing), generated.bytes());
                }
                Path source = ((OutputFile.Copied) file).source();
                return size == Files.size(source) && Files.mismatch(source, existing) < 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- shared ----

    /**
     * Writes every file to where {@code destination} says. Every write runs to its end before a
     * failure is reported, so that nothing is still writing when the caller cleans up.
     */
    private static void writeAll(List<OutputFile> files, java.util.function.Function<OutputFile, Path> destination) throws IOException {
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
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
