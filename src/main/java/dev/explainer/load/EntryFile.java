package dev.explainer.load;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file that holds entries of one collection: a Markdown file of its folder, or its YAML data file.
 *
 * @param refusal why the file is not read (a link out of the site's folder, a named pipe...):
 *                the collection then counts as incomplete, like one with a file that does not parse
 */
record EntryFile(CollectionConfig collection, String path, boolean markdown, Optional<Diagnostic> refusal) {

    EntryFile(CollectionConfig collection, String path, boolean markdown) {
        this(collection, path, markdown, Optional.empty());
    }

    /**
     * Whether reading {@code other} gives the entries reading this gives, if the file is the same:
     * what a file's entries depend on besides its text is the collection they belong to and
     * whether the file is Markdown or a data file.
     */
    boolean readsLike(EntryFile other) {
        return path.equals(other.path) && markdown == other.markdown && collection.name().equals(other.collection.name())
                && refusal.isEmpty() && other.refusal.isEmpty();
    }

    /**
     * Every entry file of every collection, in the config's order of collections and, within a
     * folder, in the listing's order.
     *
     * @param claimed gets every path a collection claims (its data file, its folder and what is in it)
     */
    static List<EntryFile> find(SourceTree tree, List<CollectionConfig> collections, FolderListing content, Set<String> claimed,
                                Diagnostics problems) {
        List<EntryFile> files = new ArrayList<>();
        for (CollectionConfig collection : collections) {
            if (collection.file().isEmpty() && collection.folder().isEmpty()) {
                continue; // the config's own error says it needs one
            }
            CollectionPlace place = tree.placeOf(collection);
            claimed.add(place.path());
            if (place.problem().isPresent()) {
                if (place.entry().map(e -> e.kind() != SourceTree.Kind.MISSING).orElse(true)) {
                    // Not to be read (but not missing): what refers to its entries is not reported as unknown.
                    files.add(new EntryFile(collection, place.path(), place.folder(), place.problem()));
                } else {
                    problems.add(place.problem().get());
                }
            } else if (!place.folder()) {
                files.add(new EntryFile(collection, place.path(), false));
            } else {
                inFolder(collection, place.path(), content, claimed, files, problems);
            }
        }
        return files;
    }

    private static void inFolder(CollectionConfig collection, String folder, FolderListing content, Set<String> claimed,
                                 List<EntryFile> files, Diagnostics problems) {
        content.refused().forEach((refused, problem) -> {
            if (refused.startsWith(folder + "/") && !ImageFile.isImageName(refused)) {
                files.add(new EntryFile(collection, refused, true, Optional.of(problem)));
            }
        });
        for (String path : content.files()) {
            if (!path.startsWith(folder + "/")) {
                continue;
            }
            claimed.add(path);
            String name = path.substring(folder.length() + 1);
            if (SourceLayout.ignorable(name) || ImageFile.isImageName(name)) {
                continue; // an image beside the entries that show it (or in a folder of them) is read as an image
            }
            if (name.contains("/") || !name.endsWith(".md")) {
                problems.error(DiagnosticCode.STRAY_FILE, Position.startOf(path), "collection '" + collection.name()
                        + "' holds Markdown files (.md) directly in " + folder + "/; move or rename this file");
                continue;
            }
            files.add(new EntryFile(collection, path, true));
        }
    }
}
