package dev.explainer.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
                FileOperations.deleteTree(made.staging());
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
        Path staging = StagedWrite.createStaging(target);
        Set<String> folders = new HashSet<>();
        try {
            FileOperations.createMissingFolders(staging, Layout.of(expectedFiles).folders(), folders, new ArrayList<>());
        } catch (IOException | RuntimeException e) {
            FileOperations.deleteTree(staging);
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
                FileOperations.deleteTree(ready.staging());
            }
            throw e;
        }
        Layout layout = Layout.of(paths);
        if (ready.staging() != null) {
            StagedWrite.writeStaged(target, ready.staging(), ready.folders(), files, layout);
            return new Written(List.of(), false);
        }
        return InPlaceUpdate.updateInPlace(target, files, layout, ready.existing());
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

    /** {@code 3 files}, {@code 1 folder and 2 files}: what {@code names} (folders end in a slash) count. */
    private static String count(List<String> names) {
        long folders = names.stream().filter(name -> name.endsWith("/")).count();
        long files = names.size() - folders;
        String folderCount = folders + (folders == 1 ? " folder" : " folders");
        String fileCount = files + (files == 1 ? " file" : " files");
        return folders == 0 ? fileCount : files == 0 ? folderCount : folderCount + " and " + fileCount;
    }

    /** The first few names, and how many more there are. */
    static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
    }
}
