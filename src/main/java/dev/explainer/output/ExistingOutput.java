package dev.explainer.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an output folder holds, as far as a build needs to know: its regular files (with their
 * sizes), folders, links and other special files, by site path; the build's records (manifest,
 * journal) and the leftovers of an interrupted update.
 *
 * <p>Folders that hold nothing the build wrote or expects to write (a {@code .git/} beside the
 * site) are not walked: they are {@linkplain #opaque opaque}, known only by name, so a big
 * repository kept in the output folder costs nothing. {@link #open} walks those a build does
 * turn out to need.
 *
 * <p>Filled by one thread, then read; not shared while it is filled.
 */
final class ExistingOutput {
    final Map<String, Long> files = new HashMap<>();
    final Set<String> folders = new HashSet<>();
    final Set<String> opaque = new HashSet<>();
    final Set<String> others = new HashSet<>();
    /** Temporary files {@code .NAME.explainer-tmp} of an update by an earlier version, cut short. */
    final Set<String> legacyTemporaries = new HashSet<>();
    /** The manifest's bytes, if the folder has one. */
    final Optional<byte[]> manifestBytes;
    final Optional<Set<String>> manifest;
    final Optional<Set<String>> journal;
    final boolean incoming;

    /** The suffix of the temporary files of earlier versions, which wrote them beside their destination. */
    static final String LEGACY_TEMPORARY_SUFFIX = ".explainer-tmp";

    private ExistingOutput(Optional<byte[]> manifestBytes, Optional<Set<String>> journal, boolean incoming) {
        this.manifestBytes = manifestBytes;
        this.manifest = manifestBytes.map(OutputManifest::parse);
        this.journal = journal;
        this.incoming = incoming;
    }

    /**
     * The folder {@code target} as it is, or null if it does not exist or is empty (a new output
     * folder). Walks the folders on the way to a file of the manifest, the journal or
     * {@code expectedFiles}; the others stay opaque.
     */
    static ExistingOutput scan(Path target, Collection<String> expectedFiles) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        ExistingOutput tree = new ExistingOutput(readRegular(target.resolve(OutputManifest.NAME)),
                readRegular(target.resolve(OutputManifest.JOURNAL)).map(OutputManifest::parse),
                Files.exists(target.resolve(OutputManifest.INCOMING), LinkOption.NOFOLLOW_LINKS));
        Set<String> wanted = new HashSet<>();
        tree.manifest.ifPresent(paths -> addFolders(paths, wanted));
        tree.journal.ifPresent(paths -> addFolders(paths, wanted));
        addFolders(expectedFiles, wanted);
        tree.walk(target, target, wanted);
        boolean empty = tree.files.isEmpty() && tree.folders.isEmpty() && tree.opaque.isEmpty() && tree.others.isEmpty()
                && tree.legacyTemporaries.isEmpty() && tree.manifestBytes.isEmpty() && tree.journal.isEmpty() && !tree.incoming;
        return empty ? null : tree;
    }

    /**
     * Walks the opaque folders that are, or hold, one of {@code paths}: the build writes into
     * them, so it must know what they hold.
     */
    void open(Path target, Collection<String> paths) throws IOException {
        Set<String> toOpen = new HashSet<>();
        for (String path : paths) {
            for (String at = path; !at.isEmpty(); at = parentOf(at)) {
                if (opaque.contains(at)) {
                    toOpen.add(at);
                }
            }
        }
        for (String folder : toOpen) {
            opaque.remove(folder);
            walk(target, target.resolve(folder), null);
        }
    }

    /** Walks {@code start}, descending only into the {@code wanted} folders (all of them, if null). */
    private void walk(Path target, Path start, Set<String> wanted) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(target)) {
                    return FileVisitResult.CONTINUE;
                }
                String path = sitePath(target, dir);
                if (path.equals(OutputManifest.INCOMING)) {
                    return FileVisitResult.SKIP_SUBTREE; // the build's own, removed whole
                }
                if (wanted != null && !wanted.contains(path)) {
                    opaque.add(path);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.add(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = sitePath(target, file);
                String name = file.getFileName().toString();
                if (OutputManifest.RESERVED.contains(path)) {
                    return FileVisitResult.CONTINUE;
                }
                if (!attributes.isRegularFile()) {
                    others.add(path);
                } else if (name.startsWith(".") && name.endsWith(LEGACY_TEMPORARY_SUFFIX)) {
                    legacyTemporaries.add(path);
                } else {
                    files.put(path, attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The files the folder's records name as the build's: the manifest's and, after an interruption, the journal's. */
    Set<String> recorded() {
        Set<String> recorded = new HashSet<>();
        manifest.ifPresent(recorded::addAll);
        journal.ifPresent(recorded::addAll);
        return recorded;
    }

    /** Whether the last update of this folder was cut short. */
    boolean interrupted() {
        return journal.isPresent() || incoming || !legacyTemporaries.isEmpty();
    }

    /** The folder that holds {@code path}: {@code ""} for the top of the output folder. */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Adds every folder that holds one of {@code paths} (parents included) to {@code folders}. */
    static void addFolders(Collection<String> paths, Set<String> folders) {
        for (String path : paths) {
            String folder = parentOf(path);
            while (!folder.isEmpty() && folders.add(folder)) { // a folder added before came with its parents
                folder = parentOf(folder);
            }
        }
    }

    private static String sitePath(Path target, Path path) {
        return target.relativize(path).toString().replace('\\', '/');
    }

    private static Optional<byte[]> readRegular(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }
}
