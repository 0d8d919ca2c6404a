package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.config.UrlPattern;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.Asset;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.ValidEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which entries get a page: each page needs a file of its own, on every file system (two files
 * whose names differ only in capitals are one file on macOS and Windows), that is not one of the
 * engine's generated files or an asset, and whose folders are not files of the site.
 */
final class PagePlacement {
    private PagePlacement() {
    }

    /**
     * The site path of each entry that gets a page, by key; reports each page that cannot have
     * its file.
     *
     * @param assets    the files copied into the site: the templates' assets and the root static files
     * @param generated the files the build writes besides the pages
     */
    static Map<String, String> pagePaths(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                                         List<Asset> assets, GeneratedFiles generated, Diagnostics problems) {
        Map<String, String> ownerOfOutput = new HashMap<>();
        assets.forEach(asset -> ownerOfOutput.put(asset.outputPath(), asset.origin()));
        Map<String, String> pagePaths = new HashMap<>();
        Map<String, ValidEntry> pageOfOutput = new HashMap<>();
        for (ValidEntry entry : published.values()) {
            Route route = routes.get(entry.key());
            if (route == null || route.template().isEmpty()) {
                continue;
            }
            Optional<String> generatedFile = generated.describe(route.outputFile());
            if (generatedFile.isPresent()) {
                problems.error(DiagnosticCode.URL_GENERATED, urlPosition(config, entry), "URL " + route.sitePath() + " is "
                        + generatedFile.get() + "; give the page another " + (hasOwnUrl(config, entry) ? "'url'" : "id"));
                continue;
            }
            Optional<String> generatedTwin = generated.describeCaselessTwin(route.outputFile());
            if (generatedTwin.isPresent()) {
                problems.error(DiagnosticCode.URL_GENERATED, urlPosition(config, entry), "URL " + route.sitePath() + " differs only in"
                        + " capital letters from " + generatedTwin.get() + ", and macOS and Windows keep one file for both; give the"
                        + " page another " + (hasOwnUrl(config, entry) ? "'url'" : "id"));
                continue;
            }
            // Of two pages with one file (or files whose names differ only in capitals), the one
            // that chose its URL with a 'url' field is told; the other keeps the page.
            String caseless = route.outputFile().toLowerCase(Locale.ROOT);
            ValidEntry other = pageOfOutput.get(caseless);
            String owner = ownerOfOutput.get(route.outputFile());
            if (other == null && owner != null) {
                problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, entry), "URL " + route.sitePath() + " is also the URL of "
                        + owner + "; give the page another id or 'url'");
                continue;
            }
            if (other != null) {
                boolean blameOther = !hasOwnUrl(config, entry) && hasOwnUrl(config, other);
                ValidEntry blamed = blameOther ? other : entry;
                ValidEntry kept = blameOther ? entry : other;
                String blamedPath = routes.get(blamed.key()).sitePath();
                String keptPath = routes.get(kept.key()).sitePath();
                List<String> patternFields = hasOwnUrl(config, blamed) ? List.of() : config.collection(blamed.collection())
                        .flatMap(CollectionConfig::urlPattern).map(UrlPattern::dataFields).orElse(List.of());
                problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, blamed), blamedPath.equals(keptPath) && !patternFields.isEmpty()
                        ? "URL " + blamedPath + " of entry '" + blamed.id() + "' is also the URL of entry '" + kept.id() + "' ("
                                + kept.raw().path() + "), made from the url pattern '" + config.collection(blamed.collection()).get().url().get()
                                + "'; give one of them another " + String.join(" or ", patternFields.stream().map(f -> "'" + f + "'").toList())
                        : blamedPath.equals(keptPath)
                        ? "URL " + blamedPath + " is also the URL of " + kept.raw().path() + "; give one of them another id or 'url'"
                        : "URL " + blamedPath + " differs from " + keptPath + " (" + kept.raw().path() + ") only in capital letters,"
                                + " and macOS and Windows keep one file for both; give one of them another 'url'");
                if (!blameOther) {
                    continue;
                }
                pagePaths.remove(other.key());
                ownerOfOutput.remove(routes.get(other.key()).outputFile());
            }
            pageOfOutput.put(caseless, entry);
            ownerOfOutput.put(route.outputFile(), entry.raw().path());
            pagePaths.put(entry.key(), route.sitePath());
        }
        checkFolders(config, published, routes, pagePaths, ownerOfOutput, generated, problems);
        return pagePaths;
    }

    /** Where the URL of an entry's page is decided: its own URL field, or else its id. */
    private static Position urlPosition(SiteConfig config, ValidEntry entry) {
        return ownUrlField(config, entry).flatMap(entry::positionOf).orElse(entry.raw().idPosition());
    }

    /** Whether the entry's page is at the path its collection's {@code url_field} gives, rather than at its collection's pattern. */
    private static boolean hasOwnUrl(SiteConfig config, ValidEntry entry) {
        return ownUrlField(config, entry).isPresent();
    }

    /** The collection's {@code url_field}, if the entry gives its URL there. */
    private static Optional<String> ownUrlField(SiteConfig config, ValidEntry entry) {
        return config.collection(entry.collection()).filter(CollectionConfig::hasPages).flatMap(CollectionConfig::urlField)
                .map(CollectionConfig.EntryField::field).filter(field -> entry.data().get(field) instanceof String);
    }

    /**
     * Refuses pages that need a folder where another file of the site has that name
     * ({@code /robots.txt/} beside robots.txt, {@code /a.html/} beside {@code /a.html}): one of
     * the two could not be written.
     */
    private static void checkFolders(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                                     Map<String, String> pagePaths, Map<String, String> ownerOfOutput, GeneratedFiles generated,
                                     Diagnostics problems) {
        Map<String, String> pageOfFile = new HashMap<>();
        pagePaths.forEach((key, sitePath) -> pageOfFile.put(routes.get(key).outputFile(), sitePath));
        for (Map.Entry<String, String> page : List.copyOf(new TreeMap<>(pagePaths).entrySet())) {
            String file = routes.get(page.getKey()).outputFile();
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String folder = file.substring(0, slash);
                String other = generated.writerOf(folder).isPresent() ? generated.describe(folder).get()
                        : pageOfFile.containsKey(folder) ? "the page " + pageOfFile.get(folder) + " (" + ownerOfOutput.get(folder) + ")"
                        : ownerOfOutput.containsKey(folder) ? ownerOfOutput.get(folder) : null;
                if (other != null) {
                    ValidEntry entry = published.get(page.getKey());
                    problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, entry), "URL " + page.getValue() + " needs a folder '"
                            + folder + "', but that is the name of a file: " + other + "; change one of them");
                    pagePaths.remove(page.getKey());
                    break;
                }
            }
        }
        config.search().ifPresent(search -> {
            String file = config.outputPrefix() + search.outputFile();
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String folder = file.substring(0, slash);
                if (pageOfFile.containsKey(folder)) {
                    problems.error(DiagnosticCode.URL_COLLISION, search.indexPosition(), "'search.index' " + search.index()
                            + " needs a folder '" + folder + "', but that is the name of the page " + pageOfFile.get(folder) + " ("
                            + ownerOfOutput.get(folder) + "); give the index another path");
                    return;
                }
            }
        });
    }

    /**
     * Reports each file copied into the site (an asset, a root static file) that the build also
     * generates, or that needs a folder where a generated file or a page is a file, at the file
     * copied: the build could write only one of the two.
     *
     * @param pageFiles the output files of the pages, to their site paths
     */
    static void checkCopiedFiles(List<Asset> assets, GeneratedFiles generated, Map<String, String> pageFiles, Diagnostics problems) {
        Map<String, Asset> byAddress = new HashMap<>();
        // A page or generated file whose name differs only in capitals from a copied file is one
        // file with it on macOS and Windows: which of the two survives would depend on the machine.
        Map<String, String> writtenByCaseless = new HashMap<>();
        generated.writers().keySet().forEach(path -> writtenByCaseless.put(path.toLowerCase(Locale.ROOT), generated.describe(path).get()));
        pageFiles.forEach((file, sitePath) -> writtenByCaseless.putIfAbsent(file.toLowerCase(Locale.ROOT), "the page " + sitePath));
        for (Asset asset : assets) {
            Position at = Position.startOf(asset.origin());
            if (asset.fromContent()) {
                Optional<String> problem = SitePaths.problemOf("/" + asset.sitePath());
                if (problem.isPresent()) {
                    problems.error(DiagnosticCode.STATIC_FILE, at, "this file's address, /" + SitePaths.shorten(asset.sitePath()) + ", "
                            + problem.get());
                    continue;
                }
            }
            Asset twin = null;
            for (String address : List.of(asset.sitePath(), asset.outputPath())) {
                Asset before = byAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), asset);
                twin = twin == null && before != null && before != asset ? before : twin;
            }
            if (twin != null) {
                boolean same = twin.sitePath().equals(asset.sitePath()) || twin.outputPath().equals(asset.outputPath());
                problems.error(DiagnosticCode.STATIC_FILE, at, "this file would be published at /" + asset.sitePath() + ", where "
                        + twin.origin() + " is published" + (same ? "" : " (their names differ only in capital letters, and macOS"
                        + " and Windows keep one file for both)") + "; rename or remove one of them");
                continue;
            }
            Optional<String> generatedFile = generated.describe(asset.outputPath());
            if (generatedFile.isPresent()) {
                problems.error(DiagnosticCode.STATIC_FILE, at, "this file would be published as " + generatedFile.get()
                        + "; remove or rename the file");
                continue;
            }
            String caselessTwin = writtenByCaseless.get(asset.outputPath().toLowerCase(Locale.ROOT));
            if (caselessTwin != null && !pageFiles.containsKey(asset.outputPath())) {
                problems.error(DiagnosticCode.STATIC_FILE, at, "this file would be published as " + asset.outputPath() + ", whose name"
                        + " differs only in capital letters from " + caselessTwin + " (macOS and Windows keep one file for both);"
                        + " rename or remove one of them");
                continue;
            }
            String file = asset.outputPath();
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String folder = file.substring(0, slash);
                String other = generated.describe(folder).orElse(pageFiles.containsKey(folder)
                        ? "the page " + pageFiles.get(folder) : null);
                if (other != null) {
                    problems.error(DiagnosticCode.STATIC_FILE, at, "this file needs a folder '" + folder + "', but that is the name of"
                            + " a file: " + other + "; move the file");
                    break;
                }
            }
        }
    }

    /**
     * Reports a declared error page that is not an HTML page of the site, at {@code error_page};
     * the default one, {@code /404.html}, may be missing: such a site has no error page.
     */
    static void checkErrorPage(SiteConfig config, Collection<String> pagePaths, Diagnostics problems) {
        Optional<Position> declared = config.outputs().errorPageAt();
        String path = config.outputs().errorPage();
        if (declared.isEmpty() || pagePaths.contains(path)) {
            return;
        }
        String hint = Suggestions.closest(path, pagePaths.stream().filter(p -> p.endsWith("/") || p.endsWith(".html")).toList())
                .map(s -> "; did you mean '" + s + "'?").orElse("; give a page 'url: " + path + "', or name one of the site's pages");
        problems.error(DiagnosticCode.ERROR_PAGE, declared.get(), "error_page " + path + " is not a page of the site" + hint);
    }

    /** Reports each collection that places its entries on a page no entry has. */
    static void checkAnchorPages(SiteConfig config, Collection<String> pagePaths, Diagnostics problems) {
        Set<String> pages = new HashSet<>(pagePaths);
        for (CollectionConfig collection : config.collections()) {
            String pattern = collection.url().orElse("");
            int hash = pattern.indexOf('#');
            if (hash > 0 && !pages.contains(pattern.substring(0, hash))) {
                problems.error(DiagnosticCode.ANCHOR_PAGE, collection.position(), "collection '" + collection.name() + "' places its entries on "
                        + pattern.substring(0, hash) + ", but no page has that URL; add one (e.g. a page with that 'url')");
            }
        }
    }
}
