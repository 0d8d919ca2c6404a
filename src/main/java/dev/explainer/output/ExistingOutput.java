package dev.explainer.output;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    final Optional<OutputManifest.Record> manifest;
    final Optional<OutputManifest.Record> journal;
    final boolean incoming;
    /** Why the folder's records cannot be used, in words, if they cannot: a record of the wrong kind (a folder for a file). */
    final Optional<String> unfitRecord;

    /** The suffix of the temporary files of earlier versions, which wrote them beside their destination. */
    static final String LEGACY_TEMPORARY_SUFFIX = ".explainer-tmp";

    private ExistingOutput(Optional<byte[]> manifestBytes, Optional<byte[]> journalBytes, boolean incoming,
                           Optional<String> unfitRecord) {
        this.manifestBytes = manifestBytes;
        this.manifest = manifestBytes.map(bytes -> OutputManifest.parse(bytes, true));
        this.journal = journalBytes.map(bytes -> OutputManifest.parse(bytes, false));
        this.incoming = incoming;
        this.unfitRecord = unfitRecord;
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
        Path incoming = target.resolve(OutputManifest.INCOMING);
        Optional<String> unfit = unfitKind(target, OutputManifest.NAME, false)
                .or(() -> unfitKind(target, OutputManifest.JOURNAL, false))
                .or(() -> unfitKind(target, OutputManifest.INCOMING, true));
        ExistingOutput tree = new ExistingOutput(readRegular(target.resolve(OutputManifest.NAME)),
                readRegular(target.resolve(OutputManifest.JOURNAL)),
                Files.isDirectory(incoming, LinkOption.NOFOLLOW_LINKS), unfit);
        Set<String> wanted = new HashSet<>();
        addFolders(tree.recorded(), wanted);
        addFolders(expectedFiles, wanted);
        tree.walk(target, target, wanted);
        boolean empty = tree.files.isEmpty() && tree.folders.isEmpty() && tree.opaque.isEmpty() && tree.others.isEmpty()
                && tree.legacyTemporaries.isEmpty() && tree.manifestBytes.isEmpty() && tree.journal.isEmpty() && !tree.incoming
                && unfit.isEmpty();
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

    /** The paths the folder's records name: the manifest's and, after an interruption, the journal's. */
    Set<String> recorded() {
        List<OutputManifest.Record> records = new ArrayList<>();
        manifest.ifPresent(records::add);
        journal.ifPresent(records::add);
        return OutputManifest.paths(records);
    }

    /**
     * Whether a record vouches for {@code hash} as the bytes the build left at {@code path}: the
     * manifest's hash of what the last build wrote, or one of the journal's (old or new bytes).
     */
    boolean vouchesFor(String path, String hash) {
        return OutputManifest.mayBeTheBuilds(path)
                && (manifest.filter(OutputManifest.Hashed.class::isInstance).map(OutputManifest.Hashed.class::cast)
                        .map(record -> record.records(path, hash)).orElse(false)
                || journal.filter(OutputManifest.Hashed.class::isInstance).map(OutputManifest.Hashed.class::cast)
                        .map(record -> record.records(path, hash)).orElse(false));
    }

    /** Why {@code name}, one of the build's records, is of the wrong kind, if it is: a folder where a file goes, a link. */
    private static Optional<String> unfitKind(Path target, String name, boolean folder) {
        Path path = target.resolve(name);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                || (folder ? Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))) {
            return Optional.empty();
        }
        String kind = Files.isSymbolicLink(path) ? "a link" : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "a folder"
                : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? "a file" : "a special file";
        return Optional.of("holds " + name + " as " + kind + ", but the build keeps " + (folder ? "a folder" : "a file")
                + " of its own records there; move it out of the folder and build again");
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
