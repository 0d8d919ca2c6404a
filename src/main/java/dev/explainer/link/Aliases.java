package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.UrlPattern;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.validate.EntryIds;
import dev.explainer.validate.ValidEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The former addresses of entries ({@code collections.NAME.aliases}): each a site path such as
 * {@code /notes/old-name/}, or a former id placed by the collection's URL pattern. Each becomes a
 * {@link Redirect}, and must be an address nothing else of the site has: no page, asset, generated
 * file or other alias, on any file system (names differing only in capitals are one file on macOS
 * and Windows).
 */
final class Aliases {
    private Aliases() {
    }

    /** One alias as written, checked, with the entry it leads to. */
    private record Claim(String fromPath, String outputFile, Position at, ValidEntry entry) {
    }

    /**
     * The redirects of the published entries, ordered by former path; reports each alias that
     * cannot have one, at the alias.
     *
     * @param pagePaths the site path of each entry that has a page, by key
     * @param assets    asset site paths to their output files
     * @param generated the files the build writes besides pages, which no alias may take
     */
    static List<Redirect> of(SiteConfig config, Map<String, ValidEntry> published, Map<String, Route> routes,
                             Map<String, String> pagePaths, Map<String, String> assets, GeneratedFiles generated,
                             Diagnostics problems) {
        if (!GeneratedFiles.hasRedirects(config)) {
            return List.of();
        }
        Map<String, String> ownerOfFile = new HashMap<>();
        generated.writers().forEach((file, writer) -> ownerOfFile.put(file, file + ", " + writer));
        assets.forEach((sitePath, file) -> ownerOfFile.put(file, "the asset " + sitePath));
        pagePaths.forEach((key, sitePath) -> ownerOfFile.put(routes.get(key).outputFile(),
                "the page " + sitePath + " (" + published.get(key).raw().path() + ")"));
        Map<String, String> ownerOfCaseless = new HashMap<>();
        ownerOfFile.forEach((file, owner) -> ownerOfCaseless.put(file.toLowerCase(Locale.ROOT), owner));
        Set<String> folders = new HashSet<>();
        for (String file : ownerOfFile.keySet()) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                folders.add(file.substring(0, slash).toLowerCase(Locale.ROOT));
            }
        }

        List<ValidEntry> entries = new ArrayList<>(published.values());
        entries.sort(Comparator.comparing((ValidEntry e) -> e.raw().path()).thenComparingInt(e -> e.raw().idPosition().line())
                .thenComparingInt(e -> e.raw().idPosition().column()));
        Map<String, Claim> claims = new HashMap<>(); // by caseless output file
        List<Redirect> redirects = new ArrayList<>();
        for (ValidEntry entry : entries) {
            CollectionConfig collection = config.collection(entry.collection()).orElseThrow();
            Route route = routes.get(entry.key());
            if (collection.aliases().isEmpty() || route == null || (collection.hasPages() && !pagePaths.containsKey(entry.key()))) {
                continue; // no address to lead to: its problem is reported where it is decided
            }
            String field = collection.aliases().get().field();
            for (Claim claim : claimsOf(entry, field, collection, route, config.outputPrefix(), problems)) {
                String caseless = claim.outputFile().toLowerCase(Locale.ROOT);
                Claim earlier = claims.get(caseless);
                String owner = ownerOfFile.getOrDefault(claim.outputFile(), ownerOfCaseless.get(caseless));
                String folderOwner = folderOwner(claim.outputFile(), ownerOfCaseless);
                if (owner != null) {
                    problems.error(DiagnosticCode.ALIAS, claim.at(), "alias " + claim.fromPath() + " is the address of " + owner
                            + (ownerOfFile.containsKey(claim.outputFile()) ? "" : " (written with other capitals, one file on macOS and Windows)")
                            + ", so it cannot lead to " + route.sitePath() + "; remove the alias, or move the other");
                } else if (folderOwner != null) {
                    problems.error(DiagnosticCode.ALIAS, claim.at(), "alias " + claim.fromPath() + " needs a folder where the site has "
                            + folderOwner + "; remove the alias, or move the other");
                } else if (folders.contains(caseless)) {
                    problems.error(DiagnosticCode.ALIAS, claim.at(), "alias " + claim.fromPath() + " would be a file where the site needs a"
                            + " folder of that name for its pages; remove the alias");
                } else if (earlier != null) {
                    problems.error(DiagnosticCode.ALIAS, claim.at(), earlier.entry().key().equals(entry.key())
                            ? "alias " + claim.fromPath() + " is listed twice; remove one"
                            : "alias " + claim.fromPath() + " is also an alias of " + earlier.entry().raw().path() + " (line "
                                    + earlier.at().line() + "); a former address can lead to one entry only: remove one of them");
                } else {
                    claims.put(caseless, claim);
                    // An edition's former addresses are under its prefix, and lead within it.
                    String prefix = config.outputPrefix();
                    redirects.add(new Redirect("/" + prefix + claim.fromPath().substring(1), claim.outputFile(),
                            "/" + prefix + route.sitePath().substring(1),
                            Entry.displayName(entry.data(), entry.id(), collection.displayField().map(CollectionConfig.DisplayField::field))));
                }
            }
        }
        redirects.sort(Comparator.comparing(Redirect::fromPath));
        return List.copyOf(redirects);
    }

    /** The owner of a file the redirect page's folders would have to replace, if any. */
    private static String folderOwner(String outputFile, Map<String, String> ownerOfCaseless) {
        String caseless = outputFile.toLowerCase(Locale.ROOT);
        for (int slash = caseless.indexOf('/'); slash > 0; slash = caseless.indexOf('/', slash + 1)) {
            String owner = ownerOfCaseless.get(caseless.substring(0, slash));
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** The entry's aliases that are sound site paths, each reported at its item otherwise. */
    private static List<Claim> claimsOf(ValidEntry entry, String field, CollectionConfig collection, Route route, String prefix,
                                        Diagnostics problems) {
        Object value = entry.data().get(field);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Position at = entry.positionOf(field, i).orElse(entry.raw().idPosition());
            Object item = items.get(i);
            if (!(item instanceof String written)) {
                problems.error(DiagnosticCode.ALIAS, at, "'" + field + "' lists former addresses of the entry, each a site path such as"
                        + " '/notes/old-name/' or a former id, not " + describe(item));
                continue;
            }
            Optional<String> sitePath = sitePathOf(written, collection, at, problems);
            if (sitePath.isEmpty()) {
                continue;
            }
            String path = sitePath.get();
            if (Route.pageOf(path).equals(Route.pageOf(route.sitePath())) && route.template().isPresent()) {
                problems.error(DiagnosticCode.ALIAS, at, "alias " + path + " is the entry's own address; remove it");
                continue;
            }
            claims.add(new Claim(path, prefix + Page.outputFileOf(path), at, entry));
        }
        return claims;
    }

    /** The site path an alias stands for: written as one, or a former id in the collection's URL pattern. */
    private static Optional<String> sitePathOf(String written, CollectionConfig collection, Position at, Diagnostics problems) {
        String path = written;
        if (!written.startsWith("/")) {
            if (!EntryIds.SLUG.matcher(written).matches()) {
                problems.error(DiagnosticCode.ALIAS, at, "alias '" + SitePaths.shorten(written) + "' is neither a site path (starting with"
                        + " '/', such as '/notes/old-name/') nor a former id (lowercase letters, digits and '-')");
                return Optional.empty();
            }
            if (!collection.hasPages()) {
                problems.error(DiagnosticCode.ALIAS, at, "alias '" + written + "' is a former id, but the entries of collection '"
                        + collection.name() + "' are shown on another page, whose part after '#' no server sees; write the former"
                        + " address as a site path, such as '/notes/old-name/'");
                return Optional.empty();
            }
            Optional<UrlPattern> pattern = collection.urlPattern();
            if (pattern.isPresent() && (!pattern.get().dataFields().isEmpty() || pattern.get().fields().stream().noneMatch(UrlPattern.Field::isId))) {
                // The former values of the other fields are not known: the address could only be guessed.
                problems.error(DiagnosticCode.ALIAS, at, "alias '" + written + "' is a former id, but the url pattern '"
                        + pattern.get().text() + "' of collection '" + collection.name() + "' makes addresses from more than the id;"
                        + " write the former address as a site path, such as '/notes/old-name/'");
                return Optional.empty();
            }
            path = collection.url().get().replace("{id}", written);
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            problems.error(DiagnosticCode.ALIAS, at, "alias " + SitePaths.shorten(path) + " has a fragment ('" + SitePaths.shorten(path.substring(hash))
                    + "'): browsers keep the part after '#' to themselves, so no redirect can answer it; write the former page's"
                    + " path alone");
            return Optional.empty();
        }
        Optional<String> problem = SitePaths.problemOf(path);
        if (problem.isPresent()) {
            problems.error(DiagnosticCode.ALIAS, at, "alias " + SitePaths.shorten(path) + " " + problem.get());
            return Optional.empty();
        }
        if (!(path.endsWith("/") || path.endsWith(".html"))) {
            problems.error(DiagnosticCode.ALIAS, at, "alias " + SitePaths.shorten(path) + " must be the address of a page, ending with '/'"
                    + " or '.html': a redirect is a page");
            return Optional.empty();
        }
        return Optional.of(path);
    }

    private static String describe(Object value) {
        return value instanceof Map<?, ?> ? "a mapping" : value instanceof List<?> ? "a list" : "'" + value + "'";
    }
}
