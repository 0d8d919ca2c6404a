package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.validate.ValidEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @param assets asset site paths to their output files
     */
    static Map<String, String> pagePaths(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                                         Map<String, String> assets, Diagnostics problems) {
        List<String> generated = GeneratedFiles.of(config);
        Map<String, String> ownerOfOutput = new HashMap<>();
        assets.values().forEach(file -> ownerOfOutput.put(file, "templates/" + file));
        Map<String, String> pagePaths = new HashMap<>();
        Map<String, ValidEntry> pageOfOutput = new HashMap<>();
        for (ValidEntry entry : published.values()) {
            Route route = routes.get(entry.key());
            if (route == null || route.template().isEmpty()) {
                continue;
            }
            if (generated.contains(route.outputFile())) {
                problems.error(DiagnosticCode.URL_GENERATED, urlPosition(config, entry), "URL " + route.sitePath() + " is the engine's own "
                        + route.outputFile() + ", which every build writes; give the page another " + (hasOwnUrl(config, entry) ? "'url'" : "id"));
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
                problems.error(DiagnosticCode.URL_COLLISION, urlPosition(config, blamed), blamedPath.equals(keptPath)
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
        checkFolders(config, published, routes, pagePaths, ownerOfOutput, problems);
        return pagePaths;
    }

    /** Where the URL of an entry's page is decided: its own 'url' field, or else its id. */
    private static Position urlPosition(SiteConfig config, ValidEntry entry) {
        return hasOwnUrl(config, entry) ? entry.positionOf("url").orElseThrow() : entry.raw().idPosition();
    }

    /** Whether the entry's page is at the path its 'url' field gives, rather than at its collection's pattern. */
    private static boolean hasOwnUrl(SiteConfig config, ValidEntry entry) {
        boolean hasPage = config.collection(entry.collection()).map(CollectionConfig::hasPages).orElse(false);
        return hasPage && entry.data().get("url") instanceof String;
    }

    /**
     * Refuses pages that need a folder where another file of the site has that name
     * ({@code /robots.txt/} beside robots.txt, {@code /a.html/} beside {@code /a.html}): one of
     * the two could not be written.
     */
    private static void checkFolders(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                                     Map<String, String> pagePaths, Map<String, String> ownerOfOutput, Diagnostics problems) {
        Map<String, String> pageOfFile = new HashMap<>();
        pagePaths.forEach((key, sitePath) -> pageOfFile.put(routes.get(key).outputFile(), sitePath));
        for (Map.Entry<String, String> page : List.copyOf(new TreeMap<>(pagePaths).entrySet())) {
            String file = routes.get(page.getKey()).outputFile();
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String folder = file.substring(0, slash);
                String other = GeneratedFiles.of(config).contains(folder) ? "the engine's own " + folder + ", which every build writes"
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
