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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The write stage. A new output folder is written whole into a staging folder beside it and
 * moved into place. An earlier build is updated in place: files whose bytes did not change are
 * not touched (they keep their time stamps, so deploy tools and browsers see them as unchanged,
 * and a rebuild of a big site writes almost nothing); changed and new files are first written
 * to temporary files beside their destination and only then renamed over it, each rename atomic;
 * files the build no longer makes are removed last. If a write fails, the temporary files are
 * removed and the previous output is left exactly as it was.
 *
 * <p>A build {@linkplain #prepare prepares} the output while its pages render (reads what is
 * there, makes the staging folder and its folders), then writes or discards.
 *
 * <p>Only the output folder's own contents, and folders this class created, are ever deleted.
 */
public final class SiteWriter {
    private static final String TEMPORARY_SUFFIX = ".explainer-tmp";

    /** Writes {@code files} as the new content of {@code output}. */
    public void write(Path output, List<OutputFile> files) throws IOException {
        finish(ready(output, List.of()), files);
    }

    /**
     * Starts, on another thread, what writing into {@code output} needs before the files exist:
     * reading what the folder holds and, if it holds no earlier build, creating the staging
     * folder with the folders of {@code expectedFiles} (site paths) in it. The caller renders
     * meanwhile, then calls {@link Preparation#write} or {@link Preparation#discard}. On a new
     * output folder, creating one folder per page was most of the write stage (10,000 folders:
     * 0.3 s on one thread, while the other core idled); alongside rendering it costs little.
     */
    public Preparation prepare(Path output, Collection<String> expectedFiles) {
        List<String> expected = List.copyOf(expectedFiles);
        CompletableFuture<Ready> ready = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                ready.complete(ready(output, expected));
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
        }, "explainer-output");
        thread.setDaemon(true);
        thread.start();
        return new Preparation(ready);
    }

    /** An output folder being made ready; used once, by one thread. */
    public static final class Preparation {
        private final CompletableFuture<Ready> ready;

        private Preparation(CompletableFuture<Ready> ready) {
            this.ready = ready;
        }

        /** Writes {@code files} as the new content of the output folder, as {@link SiteWriter#write} does. */
        public void write(List<OutputFile> files) throws IOException {
            finish(await(), files);
        }

        /** Gives up: removes the staging folder, if one was made; the output folder is as it was. */
        public void discard() throws IOException {
            Ready made = await();
            if (made.staging() != null) {
                deleteTree(made.staging());
            }
        }

        private Ready await() throws IOException {
            try {
                return ready.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
    }

    /**
     * What is known of the output folder before the files are written: its earlier build, if any;
     * otherwise a staging folder beside it, holding {@code folders} already.
     */
    private record Ready(Path target, ExistingTree existing, Path staging, Set<String> folders) {
    }

    private static Ready ready(Path output, List<String> expectedFiles) throws IOException {
        Path target = OutputGuard.real(output);
        refuseOutside(target, expectedFiles);
        ExistingTree existing = ExistingTree.scan(target);
        if (existing != null) {
            return new Ready(target, existing, null, Set.of());
        }
        Path staging = createStaging(target);
        Set<String> folders = new HashSet<>();
        try {
            createMissingFolders(staging, Layout.of(expectedFiles).folders(), folders, new ArrayList<>());
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        return new Ready(target, null, staging, folders);
    }

    private static void finish(Ready ready, List<OutputFile> files) throws IOException {
        Path target = ready.target();
        List<String> paths = files.stream().map(OutputFile::path).toList();
        try {
            refuseOutside(target, paths);
        } catch (IOException | RuntimeException e) {
            if (ready.staging() != null) {
                deleteTree(ready.staging());
            }
            throw e;
        }
        Layout layout = Layout.of(paths);
        if (ready.staging() != null) {
            writeStaged(target, ready.staging(), ready.folders(), files, layout);
        } else if (ready.existing().conflictsWith(layout)) {
            writeStaged(target, createStaging(target), new HashSet<>(), files, layout);
        } else {
            updateInPlace(target, files, layout, ready.existing());
        }
    }

    private static void refuseOutside(Path target, List<String> paths) throws IOException {
        for (String path : paths) {
            if (!target.resolve(path).normalize().startsWith(target)) {
                throw new IOException("refusing to write outside the output folder: " + path);
            }
        }
    }

    /** The site paths of the files to write, and of every folder they need. */
    private record Layout(Set<String> files, Set<String> folders) {
        static Layout of(List<String> paths) {
            Set<String> files = new HashSet<>();
            Set<String> folders = new HashSet<>();
            for (String path : paths) {
                files.add(path);
                String folder = parentOf(path);
                while (!folder.isEmpty() && folders.add(folder)) { // a folder added before came with its parents
                    folder = parentOf(folder);
                }
            }
            return new Layout(files, folders);
        }
    }

    // ---- a new output folder (or one whose shape changed): staged and swapped in ----

    /** A new, empty staging folder beside {@code target}, readable by all as a published site must be. */
    private static Path createStaging(Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
        try {
            // Temporary folders are private; a published site must be readable by a web server.
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        return staging;
    }

    /**
     * Creates the {@code folders} (site paths, each with its parents) under {@code root} that
     * {@code present} lacks, parents first; adds each to {@code present} and, in creation order,
     * to {@code created}.
     */
    private static void createMissingFolders(Path root, Set<String> folders, Set<String> present, List<Path> created)
            throws IOException {
        for (String folder : new TreeSet<>(folders)) { // a folder sorts after its parent
            if (present.add(folder)) {
                Path path = root.resolve(folder);
                Files.createDirectory(path);
                created.add(path);
            }
        }
    }

    /** Fills {@code staging}, which holds {@code present} folders already, and swaps it in for {@code target}. */
    private static void writeStaged(Path target, Path staging, Set<String> present, List<OutputFile> files, Layout layout)
            throws IOException {
        try {
            createMissingFolders(staging, layout.folders(), present, new ArrayList<>());
            writeAll(files, file -> staging.resolve(file.path()));
            // Folders prepared for files that were not, in the end, among those written.
            for (String folder : present.stream().filter(f -> !layout.folders().contains(f)).sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(staging.resolve(folder));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        swapIn(staging, target, target.getParent(), target.getFileName().toString());
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
            changed = Parallel.map(files, file -> existing.holdsSameBytes(target, file) ? null : file)
                    .stream().filter(Objects::nonNull).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> stale = existing.files.keySet().stream().filter(path -> !layout.files().contains(path)).sorted().toList();
        if (changed.isEmpty() && stale.isEmpty()) {
            return;
        }

        List<Path> createdFolders = new ArrayList<>(); // in creation order, parents first
        Map<OutputFile, Path> temporary = new HashMap<>();
        try {
            createMissingFolders(target, Layout.of(changed.stream().map(OutputFile::path).toList()).folders(),
                    new HashSet<>(existing.folders), createdFolders);
            for (OutputFile file : changed) {
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
