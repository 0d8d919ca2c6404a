package dev.explainer.output;

import dev.explainer.parallel.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import java.util.function.Function;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The write stage. The output folder belongs to the build, and only what it wrote: every build
 * records the files it wrote, with the SHA-256 of their bytes, in a {@linkplain OutputManifest
 * manifest} in the folder, and the next one deletes or replaces only files of that record whose
 * bytes still have the recorded hash; everything else in the folder (a {@code CNAME}, a
 * {@code .git/}, a user's notes, a page the user edited) is kept, and {@linkplain Written#notes
 * named}. The record is committed with the site and anyone can edit it, so a name in it alone
 * makes no file the build's. A folder with files in it and no manifest (or one without hashes) is
 * taken for an earlier build only if every file in it holds exactly this build's bytes; otherwise
 * it is refused, as is a file not the build's at a place where this build must write.
 *
 * <p>A new output folder is written whole into a staging folder beside it and moved into place.
 * An earlier build is updated in place: files whose bytes did not change are not touched (they
 * keep their time stamps, so deploy tools and browsers see them as unchanged, and a rebuild of a
 * big site writes almost nothing); changed and new files are first written into a private folder
 * inside the output folder ({@value OutputManifest#INCOMING}) and only then, once every byte is on
 * disk, renamed into place, each rename atomic; files the build no longer makes are removed last.
 * If a write fails, that folder is removed and the previous output is left exactly as it was.
 *
 * <p>Renaming many files is not one atomic step, so before the first rename the update writes a
 * journal ({@value OutputManifest#JOURNAL}) naming every file that is the build's during the update,
 * and removes it when the new manifest is in place. A build that finds a journal (or the private
 * folder) knows the previous update was cut short: it treats the files holding bytes the journal
 * recorded (old or new) as its own, compares every file with what it writes (so a file of either version is replaced if needed),
 * removes the leftovers and says it repaired the folder.
 *
 * <p>A build {@linkplain #prepare prepares} the output while its pages render (reads what is
 * there, makes the staging folder and its folders), then writes or discards.
 */
public final class SiteWriter {
    private static final String INCOMING_MANIFEST = "manifest";
    private static final String INCOMING_JOURNAL = "journal";
    /** How many names a message lists before it says how many more there are. */
    private static final int NAMES_SHOWN = 5;

    /** What a write did: wrote the site, or refused to touch the folder. */
    public sealed interface Outcome permits Written, Refused {
    }

    /**
     * The site was written. {@code kept}: what the folder holds that the build did not write, as
     * site paths sorted, a folder holding nothing of the build's once ({@code .git/}).
     * {@code repaired}: the previous update had been cut short, and this write finished it.
     */
    public record Written(List<String> kept, boolean repaired) implements Outcome {
        public Written {
            kept = List.copyOf(kept);
        }

        /** One line for each thing the user should know, none if there is nothing to tell. */
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (repaired) {
                notes.add("the previous build was interrupted; repaired");
            }
            if (!kept.isEmpty()) {
                notes.add("kept " + count(kept) + " the build did not write: " + names(kept));
            }
            return notes;
        }
    }

    /** The folder was left alone, for {@code reason} (a usage problem: the folder is not the build's to write). */
    public record Refused(String reason) implements Outcome {
    }

    /** Writes {@code files} as the new content of {@code output}. */
    public Outcome write(Path output, List<OutputFile> files) throws IOException {
        return finish(ready(output, List.of()), files);
    }

    /**
     * Starts, on another thread, what writing into {@code output} needs before the files exist:
     * reading what the folder holds and, if it holds nothing yet, creating the staging folder
     * with the folders of {@code expectedFiles} (site paths) in it. The caller renders meanwhile,
     * then calls {@link Preparation#write} or {@link Preparation#discard}. On a new output
     * folder, creating one folder per page was most of the write stage (10,000 folders: 0.3 s on
     * one thread, while the other core idled); alongside rendering it costs little.
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
        public Outcome write(List<OutputFile> files) throws IOException {
            return finish(await(), files);
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
     * What is known of the output folder before the files are written: what it holds, if
     * anything; otherwise a staging folder beside it, holding {@code folders} already.
     */
    private record Ready(Path target, ExistingOutput existing, Path staging, Set<String> folders) {
    }

    private static Ready ready(Path output, List<String> expectedFiles) throws IOException {
        Path target = OutputGuard.real(output);
        refuseUnfit(target, expectedFiles);
        ExistingOutput existing = ExistingOutput.scan(target, expectedFiles);
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

    private static Outcome finish(Ready ready, List<OutputFile> files) throws IOException {
        Path target = ready.target();
        List<String> paths = files.stream().map(OutputFile::path).toList();
        try {
            refuseUnfit(target, paths);
        } catch (IOException | RuntimeException e) {
            if (ready.staging() != null) {
                deleteTree(ready.staging());
            }
            throw e;
        }
        Layout layout = Layout.of(paths);
        if (ready.staging() != null) {
            writeStaged(target, ready.staging(), ready.folders(), files, layout);
            return new Written(List.of(), false);
        }
        return updateInPlace(target, files, layout, ready.existing());
    }

    /** Refuses paths that would leave the output folder, or that the manifest could not record. */
    private static void refuseUnfit(Path target, List<String> paths) throws IOException {
        for (String path : paths) {
            if (OutputManifest.RESERVED.contains(OutputManifest.topOf(path))) {
                throw new IOException("the site has a file " + path + ", but the build keeps the name "
                        + OutputManifest.topOf(path) + " for its own records; give that page another url");
            }
            if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\\') >= 0) {
                throw new IOException("the file name '" + path.replace("\n", "\\n").replace("\r", "\\r")
                        + "' holds a line break or a backslash, which the build cannot record; rename it");
            }
            if (!OutputManifest.isPlainPath(path) || !target.resolve(path).normalize().startsWith(target)) {
                throw new IOException("refusing to write outside the output folder: " + path);
            }
        }
    }

    /** The site paths of the files to write, and of every folder they need. */
    private record Layout(Set<String> files, Set<String> folders) {
        static Layout of(List<String> paths) {
            Set<String> folders = new HashSet<>();
            ExistingOutput.addFolders(paths, folders);
            return new Layout(new HashSet<>(paths), folders);
        }
    }

    // ---- a new output folder: staged and swapped in ----

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
            Files.write(staging.resolve(OutputManifest.NAME), OutputManifest.manifest(hashes(files)));
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

    /** Moves {@code staging} to {@code target}, which is missing or an empty folder. */
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
            move(previous, target); // put the old folder back before reporting
            deleteTree(staging);
            throw e;
        }
        deleteTree(previous);
    }

    // ---- a folder that holds something: only what changed, and only the build's own ----

    private static Outcome updateInPlace(Path target, List<OutputFile> files, Layout layout, ExistingOutput existing)
            throws IOException {
        if (existing.unfitRecord.isPresent()) {
            return new Refused("the output folder " + target + " " + existing.unfitRecord.get());
        }
        if (existing.manifest.orElse(null) instanceof OutputManifest.Damaged damaged) {
            return damagedRecord(target, OutputManifest.NAME, damaged);
        }
        if (existing.journal.orElse(null) instanceof OutputManifest.Damaged damaged) {
            return damagedRecord(target, OutputManifest.JOURNAL, damaged);
        }
        existing.open(target, layout.files());
        boolean adopting = !(existing.manifest.orElse(null) instanceof OutputManifest.Hashed) && existing.journal.isEmpty();
        Map<String, String> written = hashes(files);
        // What the files there hold now: those the build writes, and those a record vouches for.
        Set<String> recorded = adopting ? Set.of() : existing.recorded();
        List<String> toHash = existing.files.keySet().stream().filter(path -> layout.files().contains(path) || recorded.contains(path))
                .toList();
        Map<String, String> onDisk = hashesOnDisk(target, toHash);
        // A file is the build's to replace or delete only if it holds this build's bytes already,
        // or bytes a record of this folder vouches for: never by its name alone.
        Set<String> owned = new HashSet<>();
        onDisk.forEach((path, hash) -> {
            if (hash.equals(written.get(path)) || !adopting && existing.vouchesFor(path, hash)) {
                owned.add(path);
            }
        });
        Set<String> users = new HashSet<>(existing.files.keySet());
        users.removeAll(owned);
        users.addAll(existing.others);
        users.addAll(existing.opaque);

        if (adopting && !users.isEmpty()) {
            String record = existing.manifest.isPresent()
                    ? " has an " + OutputManifest.NAME + " of an earlier version of the tool, without the hashes that show which"
                    + " files are the build's,"
                    : " has no " + OutputManifest.NAME + ", so this version of the tool did not write it,";
            return new Refused("the output folder " + target + record + " and these files in it are not what this build writes: "
                    + names(shown(users, existing.opaque, layout)) + "; build into a new or empty folder, or remove those files from it");
        }
        List<String> clashes = clashes(existing, owned, users, layout);
        if (!clashes.isEmpty()) {
            return new Refused("the output folder " + target + " holds files the build did not write, or that were changed since it"
                    + " wrote them, where this build writes: " + names(clashes) + "; move them out of the folder and build again");
        }

        List<OutputFile> changed = files.stream().filter(file -> !written.get(file.path()).equals(onDisk.get(file.path()))).toList();
        List<String> stale = owned.stream().filter(path -> !layout.files().contains(path)).sorted().toList();
        List<String> foldersInTheWay = existing.folders.stream().filter(layout.files()::contains).sorted().toList();
        byte[] manifest = OutputManifest.manifest(written);
        boolean recordCurrent = existing.manifestBytes.map(bytes -> Arrays.equals(bytes, manifest)).orElse(false);
        Written outcome = new Written(shown(users, existing.opaque, layout), existing.interrupted());
        if (changed.isEmpty() && stale.isEmpty() && !existing.interrupted() && recordCurrent) {
            return outcome;
        }

        // Every new byte goes into the private folder first: if a write fails, removing that
        // folder leaves the output as it was.
        Path incoming = target.resolve(OutputManifest.INCOMING);
        deleteTree(incoming); // what a killed update had written there: never part of the site
        Files.createDirectory(incoming);
        Map<OutputFile, Path> temporary = new HashMap<>();
        boolean journaled = !changed.isEmpty() || !stale.isEmpty();
        try {
            for (OutputFile file : changed) {
                temporary.put(file, incoming.resolve(Integer.toString(temporary.size())));
            }
            writeAll(changed, temporary::get);
            Files.write(incoming.resolve(INCOMING_MANIFEST), manifest);
            if (journaled) {
                // Every file that is the build's while the renames run, with the old bytes and the new.
                Map<String, Set<String>> during = new HashMap<>();
                for (String path : owned) {
                    during.computeIfAbsent(path, p -> new HashSet<>()).add(onDisk.get(path));
                }
                written.forEach((path, hash) -> during.computeIfAbsent(path, p -> new HashSet<>()).add(hash));
                Files.write(incoming.resolve(INCOMING_JOURNAL), OutputManifest.journal(during));
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(incoming);
            throw e;
        }

        // From here on, only renames and removals, under the journal.
        if (journaled) {
            move(incoming.resolve(INCOMING_JOURNAL), target.resolve(OutputManifest.JOURNAL));
        }
        // What stands where the new site needs something else goes first: a folder where a file
        // goes (it holds only stale files, or clashes() would have refused), a file where a folder goes.
        Set<String> present = new HashSet<>(existing.folders);
        Set<String> removedFirst = new HashSet<>();
        for (String folder : foldersInTheWay) {
            deleteTree(target.resolve(folder));
            present.removeIf(f -> f.equals(folder) || f.startsWith(folder + "/"));
            stale.stream().filter(path -> path.startsWith(folder + "/")).forEach(removedFirst::add);
            existing.legacyTemporaries.stream().filter(path -> path.startsWith(folder + "/")).forEach(removedFirst::add);
        }
        for (String path : stale) {
            if (layout.folders().contains(path)) {
                Files.deleteIfExists(target.resolve(path));
                removedFirst.add(path);
            }
        }
        createMissingFolders(target, layout.folders(), present, new ArrayList<>());
        for (OutputFile file : changed) {
            move(temporary.get(file), target.resolve(file.path()));
        }
        // The rest of what the site no longer has goes last, so that no page links to a page
        // already gone while the new pages are not yet in place.
        for (String path : stale) {
            if (!removedFirst.contains(path)) {
                Files.deleteIfExists(target.resolve(path));
            }
        }
        for (String path : existing.legacyTemporaries) {
            if (!removedFirst.contains(path)) {
                Files.deleteIfExists(target.resolve(path));
            }
        }
        Set<String> emptied = new HashSet<>();
        ExistingOutput.addFolders(stale, emptied);
        ExistingOutput.addFolders(existing.legacyTemporaries, emptied);
        emptied.removeAll(layout.folders());
        for (String folder : emptied.stream().sorted(Comparator.reverseOrder()).toList()) { // a folder sorts after its parent
            deleteIfEmpty(target.resolve(folder));
        }
        move(incoming.resolve(INCOMING_MANIFEST), target.resolve(OutputManifest.NAME));
        deleteTree(incoming);
        Files.deleteIfExists(target.resolve(OutputManifest.JOURNAL));
        return outcome;
    }

    private static Refused damagedRecord(Path target, String name, OutputManifest.Damaged damaged) {
        return new Refused("the output folder " + target + " has a damaged " + name + " (" + damaged.reason()
                + "), so the build cannot tell which files in it are its own; remove " + name
                + " and build into a new or empty folder");
    }

    /** The SHA-256 of each file's bytes, by site path. */
    private static Map<String, String> hashes(List<OutputFile> files) throws IOException {
        return hashesBy(files, OutputFile::path, file -> file instanceof OutputFile.Generated generated
                ? OutputManifest.sha256(generated.bytes()) : OutputManifest.sha256(((OutputFile.Copied) file).source()));
    }

    /** The SHA-256 of what each of {@code paths} (site paths of regular files) holds in {@code target}. */
    private static Map<String, String> hashesOnDisk(Path target, List<String> paths) throws IOException {
        return hashesBy(paths, path -> path, path -> OutputManifest.sha256(target.resolve(path)));
    }

    /** What reads the bytes to hash: a file may fail to be read. */
    private interface Hasher<T> {
        String hash(T item) throws IOException;
    }

    /** The hash of each item on all cores, by the item's site path. */
    private static <T> Map<String, String> hashesBy(List<T> items, Function<T, String> pathOf, Hasher<T> hasher)
            throws IOException {
        try {
            List<String> hashes = Parallel.map(items, item -> {
                try {
                    return hasher.hash(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Map<String, String> byPath = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                byPath.put(pathOf.apply(items.get(i)), hashes.get(i));
            }
            return byPath;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * What stands where the build must write and is not the build's to replace: a file, link or
     * folder of the user's at the path of a new file, or a file or link of the user's where the
     * build needs a folder.
     */
    private static List<String> clashes(ExistingOutput existing, Set<String> owned, Set<String> users, Layout layout) {
        Set<String> holdingUsers = new HashSet<>();
        ExistingOutput.addFolders(users, holdingUsers);
        Set<String> clashes = new TreeSet<>();
        for (String path : layout.files()) {
            if (existing.files.containsKey(path) && !owned.contains(path) || existing.others.contains(path)) {
                clashes.add(path);
            } else if (existing.folders.contains(path) && holdingUsers.contains(path)) {
                clashes.add(path + "/");
            }
        }
        for (String folder : layout.folders()) {
            if (existing.files.containsKey(folder) && !owned.contains(folder) || existing.others.contains(folder)) {
                clashes.add(folder + " (where the build needs a folder)");
            }
        }
        return List.copyOf(clashes);
    }

    /**
     * {@code entries} (site paths) as a user would name them: each inside a folder of which the
     * build writes nothing is named by that folder, once ({@code .git/}).
     */
    private static List<String> shown(Collection<String> entries, Set<String> folders, Layout layout) {
        Set<String> shown = new TreeSet<>();
        for (String entry : entries) {
            String top = entry;
            for (String up = ExistingOutput.parentOf(entry); !up.isEmpty() && !layout.folders().contains(up);
                 up = ExistingOutput.parentOf(up)) {
                top = up;
            }
            shown.add(top.equals(entry) && !folders.contains(entry) ? entry : top + "/");
        }
        return List.copyOf(shown);
    }

    /** {@code 3 files}, {@code 1 folder and 2 files}: what {@code names} (folders end in a slash) count. */
    private static String count(List<String> names) {
        long folders = names.stream().filter(name -> name.endsWith("/")).count();
        long files = names.size() - folders;
        String folderCount = folders + (folders == 1 ? " folder" : " folders");
        String fileCount = files + (files == 1 ? " file" : " files");
        return folders == 0 ? fileCount : files == 0 ? folderCount : folderCount + " and " + fileCount;
    }

    /** The first few names, and how many more there are. */
    private static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }

    /** Removes {@code folder} if nothing is left in it: a user's file in it keeps it. */
    private static void deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return; // removed with a folder that a file of the new site replaced
        }
        try {
            Files.delete(folder);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // kept, with what the user put there; or gone already
        }
    }

    // ---- shared ----

    /**
     * Writes every file to where {@code destination} says. Every write runs to its end before a
     * failure is reported, so that nothing is still writing when the caller cleans up.
     */
    private static void writeAll(List<OutputFile> files, Function<OutputFile, Path> destination) throws IOException {
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
}
