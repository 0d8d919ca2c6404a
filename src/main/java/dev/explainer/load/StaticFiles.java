package dev.explainer.load;

import dev.explainer.config.Outputs;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The site's root static files: every file of the folder {@code static} names below
 * {@code content/}, published at the same path below the site's root, byte for byte
 * ({@code content/static/favicon.ico} at {@code /favicon.ico}). They are read as every source
 * file is (inside the source folder, links included, at most {@link SourceTree#MAX_FILE_SIZE});
 * hidden files and editors' backups are left out, as everywhere, except the folder
 * {@code .well-known} at the top, which the web's conventions put there
 * ({@code /.well-known/security.txt}).
 */
final class StaticFiles {
    /** The one hidden folder a site publishes: RFC 8615's place for site-wide metadata. */
    static final String WELL_KNOWN = ".well-known";

    private StaticFiles() {
    }

    /** The folder below the source folder ({@code content/static}) that the config names, if it names one. */
    static Optional<String> folderOf(Outputs outputs) {
        return outputs.staticFolder().map(folder -> SourceLayout.CONTENT + "/" + folder);
    }

    /**
     * The static files, as assets whose site path is their path below the folder; reports a
     * folder that cannot be used at {@code static} in the site config.
     *
     * @param content   the listing of {@code content/}, which holds the folder
     * @param wellKnown the listing of the folder's {@code .well-known}, which that listing leaves
     *                  out as hidden
     * @param claimed   the paths the site reads otherwise (its config, schemas, collections'
     *                  files and folders); gets the static files
     */
    static List<Asset> find(SourceTree tree, Outputs outputs, FolderListing content, FolderListing wellKnown, Set<String> claimed,
                            Diagnostics problems) {
        if (outputs.staticFolder().isEmpty()) {
            return List.of();
        }
        String name = outputs.staticFolder().get();
        Position at = outputs.staticAt();
        Optional<String> invalid = SourceNames.configPathProblem(name);
        if (invalid.isPresent()) {
            problems.error(DiagnosticCode.CONFIG, at, "'static' folder '" + SourceNames.printable(name) + "' " + invalid.get());
            return List.of();
        }
        String folder = folderOf(outputs).orElseThrow();
        SourceTree.Entry entry = tree.find(folder, at);
        if (entry.kind() == SourceTree.Kind.MISSING) {
            problems.error(DiagnosticCode.MISSING_FILE, at, "static folder " + folder + "/ not found; make it, or remove 'static'");
            return List.of();
        }
        Optional<dev.explainer.diagnostic.Diagnostic> notAFolder = entry.notAFolder("; 'static' in the site config must name a folder");
        if (notAFolder.isPresent()) {
            problems.add(notAFolder.get());
            return List.of();
        }
        for (String other : new TreeSet<>(claimed)) {
            if (other.equals(folder) || other.startsWith(folder + "/") || folder.startsWith(other + "/")) {
                problems.error(DiagnosticCode.CONFIG, at, "static folder " + folder + "/ " + (folder.startsWith(other + "/")
                        ? "is inside " + other + ", which the site reads as a collection's folder"
                        : "also holds " + other + ", which the site reads as its config, a schema or a collection's entries")
                        + "; give the static files a folder of their own");
                return List.of();
            }
        }
        List<Asset> files = new ArrayList<>();
        for (FolderListing listing : List.of(content, wellKnown)) {
            for (String path : listing.files()) {
                if (!path.startsWith(folder + "/") || SourceLayout.ignorable(path)) {
                    continue;
                }
                claimed.add(path);
                String sitePath = path.substring(folder.length() + 1);
                files.add(new Asset(tree.root().resolve(path), sitePath, sitePath, path));
            }
        }
        return files;
    }
}
