package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.text.SourceFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one load hands the next, so that a rebuild reads only what changed. Nothing in it is
 * changed once made; a load makes a new one.
 *
 * <p>Whether a file changed is told by the caller ({@link ChangedFiles}): a watcher that lost no
 * events names every file that changed, and no other file is looked at. Otherwise a file is read
 * again if its size or modification time differs from when it was read. A load that stops early
 * (the site config does not parse) passes the changes it was told on to the next load, which
 * then reads those files whatever it is told.
 */
public final class LoadCache {
    private static final LoadCache EMPTY = new LoadCache(null, Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
            ChangedFiles.exactly(Set.of()));

    /** The source folder it was made from: it serves only loads of that folder. */
    private final Path sourceDir;
    /** {@code content/} and {@code templates/} as last listed. */
    private final Map<String, FolderListing> listings;
    /** The site config, schemas and templates as last read, by path. */
    private final Map<String, SourceFile> texts;
    /** The assets as last read, by path. */
    private final Map<String, Asset> assets;
    /** The images of {@code content/} as last read and inspected, by path. */
    private final Map<String, ImageFile> images;
    /** The entry files of the last load that found them, and what each held. */
    private final Optional<EntryFiles> entryFiles;
    /** The last load's site, if it finished: a load told of edits to entry files only starts from it. */
    private final Optional<FinishedLoad> finished;
    /** Changes told to loads that stopped before reading everything they named. */
    private final ChangedFiles pending;

    /**
     * The entry files in the order they were found, what each held, and where each path is in
     * that order (two collections may read one file, each as its own entries).
     */
    record EntryFiles(List<EntryFile> files, List<ParsedFile> parsed, Map<String, List<Integer>> indicesOf) {
        EntryFiles {
            files = List.copyOf(files);
            parsed = List.copyOf(parsed);
            indicesOf = Map.copyOf(indicesOf);
        }

        EntryFiles(List<EntryFile> files, List<ParsedFile> parsed) {
            this(files, parsed, index(files));
        }

        /** What {@code file} held when it was last read for the same collection, the same way, if it could be read. */
        Optional<ParsedFile> parsed(EntryFile file) {
            for (int index : indicesOf.getOrDefault(file.path(), List.of())) {
                if (files.get(index).readsLike(file) && parsed.get(index).wasRead()) {
                    return Optional.of(parsed.get(index));
                }
            }
            return Optional.empty();
        }

        private static Map<String, List<Integer>> index(List<EntryFile> files) {
            Map<String, List<Integer>> index = new HashMap<>(files.size() * 2);
            for (int i = 0; i < files.size(); i++) {
                index.computeIfAbsent(files.get(i).path(), path -> new ArrayList<>(1)).add(i);
            }
            return index;
        }
    }

    /** A load that finished: its site, and every problem it found outside the entry files. */
    record FinishedLoad(LoadedSite site, List<Diagnostic> otherProblems) {
        FinishedLoad {
            otherProblems = List.copyOf(otherProblems);
        }
    }

    LoadCache(Path sourceDir, Map<String, FolderListing> listings, Map<String, SourceFile> texts, Map<String, Asset> assets,
              Map<String, ImageFile> images, Optional<EntryFiles> entryFiles, Optional<FinishedLoad> finished, ChangedFiles pending) {
        this.images = Map.copyOf(images);
        this.sourceDir = sourceDir;
        this.listings = Map.copyOf(listings);
        this.texts = Map.copyOf(texts);
        this.assets = Map.copyOf(assets);
        this.entryFiles = entryFiles;
        this.finished = finished;
        this.pending = pending;
    }

    /** Nothing to reuse: what a one-off build starts from. */
    public static LoadCache empty() {
        return EMPTY;
    }

    /** This cache if it was made from {@code folder}; otherwise nothing to reuse. */
    LoadCache forFolder(Path folder) {
        return folder.equals(sourceDir) ? this : EMPTY;
    }

    Map<String, FolderListing> listings() {
        return listings;
    }

    Map<String, SourceFile> texts() {
        return texts;
    }

    Map<String, Asset> assets() {
        return assets;
    }

    Map<String, ImageFile> images() {
        return images;
    }

    Optional<EntryFiles> entryFiles() {
        return entryFiles;
    }

    Optional<FinishedLoad> finished() {
        return finished;
    }

    ChangedFiles pending() {
        return pending;
    }

    /** What a load that stopped early hands on: all this keeps, and the changes it was told, still to read. */
    LoadCache stoppedEarly(Path folder, ChangedFiles changed, Map<String, SourceFile> read) {
        Map<String, SourceFile> kept = new HashMap<>(texts);
        kept.putAll(read);
        return new LoadCache(folder, listings, kept, assets, images, entryFiles, Optional.empty(), changed);
    }
}
