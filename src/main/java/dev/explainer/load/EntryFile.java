package dev.explainer.load;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.Language;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file that holds entries of one collection: a Markdown file of its folder, or its YAML data file.
 *
 * @param refusal why the file is not read (a link out of the site's folder, a named pipe...):
 *                the collection then counts as incomplete, like one with a file that does not parse
 * @param language the declared language it translates its collection's entries into, if it is a
 *                translation file ({@code russia.ar.md}, {@code quotes.ar.yaml})
 */
record EntryFile(CollectionConfig collection, String path, boolean markdown, Optional<Diagnostic> refusal, Optional<String> language) {

    EntryFile(CollectionConfig collection, String path, boolean markdown) {
        this(collection, path, markdown, Optional.empty(), Optional.empty());
    }

    EntryFile(CollectionConfig collection, String path, boolean markdown, Optional<Diagnostic> refusal) {
        this(collection, path, markdown, refusal, Optional.empty());
    }

    /**
     * Whether reading {@code other} gives the entries reading this gives, if the file is the same:
     * what a file's entries depend on besides its text is the collection they belong to and
     * whether the file is Markdown or a data file.
     */
    boolean readsLike(EntryFile other) {
        return path.equals(other.path) && markdown == other.markdown && collection.name().equals(other.collection.name())
                && language.equals(other.language) && refusal.isEmpty() && other.refusal.isEmpty();
    }

    /**
     * Every entry file of every collection, in the config's order of collections and, within a
     * folder, in the listing's order.
     *
     * @param claimed gets every path a collection claims (its data file, its folder and what is in it)
     */
    static List<EntryFile> find(SourceTree tree, List<CollectionConfig> collections, List<Language> languages, FolderListing content,
                                Set<String> claimed, Diagnostics problems) {
        List<EntryFile> files = new ArrayList<>();
        Set<String> dataFiles = new HashSet<>();
        collections.forEach(collection -> collection.file().ifPresent(file -> dataFiles.add(SourceLayout.CONTENT + "/" + file)));
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
                if (!languages.isEmpty()) {
                    translationsOf(collection, place.path(), languages, content, dataFiles, claimed, files, problems);
                }
            } else {
                inFolder(collection, place.path(), languages, content, claimed, files, problems);
            }
        }
        return files;
    }

    private static void inFolder(CollectionConfig collection, String folder, List<Language> languages, FolderListing content,
                                 Set<String> claimed, List<EntryFile> files, Diagnostics problems) {
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
            Optional<String> suffix = languages.isEmpty() ? Optional.empty() : languageSuffix(name, ".md");
            if (suffix.isPresent()) {
                // A site without languages reads such a file as before: an entry whose id is not a slug.
                translation(collection, path, true, suffix.get(), name.substring(0, name.length() - suffix.get().length() - 4),
                        languages, files, problems);
                continue;
            }
            files.add(new EntryFile(collection, path, true));
        }
    }

    /** The data files beside {@code path} named as its translations ({@code quotes.ar.yaml} beside {@code quotes.yaml}). */
    private static void translationsOf(CollectionConfig collection, String path, List<Language> languages, FolderListing content,
                                       Set<String> dataFiles, Set<String> claimed, List<EntryFile> files, Diagnostics problems) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return; // a data file without an extension has no translations by name
        }
        String stem = path.substring(0, dot) + ".";
        String extension = path.substring(dot);
        for (String candidate : content.files()) {
            if (!candidate.startsWith(stem) || !candidate.endsWith(extension) || candidate.length() <= stem.length() + extension.length()
                    || dataFiles.contains(candidate)) {
                continue;
            }
            String code = candidate.substring(stem.length(), candidate.length() - extension.length());
            if (code.contains("/") || code.contains(".") || !Language.isTag(code)) {
                continue;
            }
            claimed.add(candidate);
            translation(collection, candidate, false, code, path.substring(slash + 1), languages, files, problems);
        }
    }

    /**
     * A file named as a translation into {@code code} of {@code original} (an id, or a data
     * file's name): read as one if the site declares that language, else an error.
     */
    private static void translation(CollectionConfig collection, String path, boolean markdown, String code, String original,
                                    List<Language> languages, List<EntryFile> files, Diagnostics problems) {
        Optional<Language> declared = languages.stream().filter(language -> language.code().equals(code)).findFirst();
        if (declared.isPresent() && !declared.get().original()) {
            files.add(new EntryFile(collection, path, markdown, Optional.empty(), Optional.of(code)));
            return;
        }
        String what = markdown ? "entry '" + original + "'" : original;
        String translated = languages.stream().filter(language -> !language.original()).map(Language::code)
                .reduce((a, b) -> a + ", " + b).orElse("none");
        problems.error(DiagnosticCode.TRANSLATION, Position.startOf(path), declared.isPresent()
                ? "this file is named as a translation of " + what + " into '" + code + "', but '" + code + "' is the site's original"
                  + " language, which the entry's own file is written in; remove this file, or rename it for a language it translates"
                  + " into (" + translated + ")"
                : "this file is named as a translation of " + what + " into '" + code + "', but the site declares no language '"
                  + code + "' (its translations are into " + translated + "); rename the file, or declare the language in"
                  + " 'languages' of the site config");
    }

    /** The language code before {@code extension} in a name such as {@code russia.ar.md}, if it has one. */
    private static Optional<String> languageSuffix(String name, String extension) {
        String stem = name.substring(0, name.length() - extension.length());
        int dot = stem.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String code = stem.substring(dot + 1);
        return Language.isTag(code) ? Optional.of(code) : Optional.empty();
    }
}
