package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceLayout;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.EntryIds;
import dev.explainer.validate.ValidEntry;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes: where each entry is shown (its collection's URL pattern, or its own {@code url}) and
 * which template makes its page, each URL checked to be a path every file system can write.
 */
final class Routes {
    /**
     * What an entry's route depends on besides its key and the run's config and template names.
     * A route is a function of these values, so an equal one is reused.
     */
    private record Inputs(Object url, Object template) {
        static Inputs of(ValidEntry entry) {
            return new Inputs(entry.data().get("url"), entry.data().get("template"));
        }
    }

    private record Known(Inputs inputs, Route route) {
    }

    /**
     * The routes a run made without a problem, by entry key, for a later run with an equal config
     * and the same template names. Routes with a problem are not kept: their messages hold
     * positions, and making them again is how they are reported again.
     */
    record Cache(SiteConfig config, Set<String> templates, Map<String, Known> byKey) {
        static final Cache EMPTY = new Cache(null, Set.of(), Map.of());

        /** The routes valid for this run, or none. The config's equals comes last: it costs the most. */
        private Map<String, Known> validFor(SiteConfig config, Set<String> templates) {
            return this.config != null && templates.equals(this.templates) && this.config.equals(config) ? byKey : Map.of();
        }
    }

    /** The routes of one run, by entry key, and the cache for the next run. */
    record Made(Map<String, Route> byKey, Cache cache) {
    }

    private Routes() {
    }

    /**
     * Routes for {@code entries}.
     *
     * @param badPatterns collections whose URL pattern is already reported: their entries' URLs
     *                    are not checked one by one
     */
    static Made of(SiteConfig config, Set<String> templates, Collection<ValidEntry> entries, Set<String> badPatterns,
                   Cache previous, Diagnostics problems) {
        Map<String, Known> reusable = previous.validFor(config, templates);
        Map<String, Known> known = new HashMap<>();
        Map<String, Route> routes = new HashMap<>();
        for (ValidEntry entry : entries) {
            Inputs inputs = Inputs.of(entry);
            Known earlier = reusable.get(entry.key());
            if (earlier != null && earlier.inputs().equals(inputs)) {
                routes.put(entry.key(), earlier.route());
                known.put(entry.key(), earlier);
                continue;
            }
            Route route = route(config, templates, entry, badPatterns, problems);
            if (route != null) {
                routes.put(entry.key(), route);
                known.put(entry.key(), new Known(inputs, route));
            }
        }
        return new Made(routes, new Cache(config, Set.copyOf(templates), known));
    }

    /** The entry's route, or null if there is none or it has a problem (reported). */
    private static Route route(SiteConfig config, Set<String> templates, ValidEntry entry, Set<String> badPatterns,
                               Diagnostics problems) {
        CollectionConfig collection = config.collection(entry.collection()).orElseThrow();
        if (collection.url().isEmpty()) {
            return null;
        }
        String sitePath = collection.url().get().replace("{id}", entry.id());
        if (collection.hasPages() && entry.data().get("url") instanceof String custom) {
            Position at = entry.positionOf("url").orElseThrow();
            if (!custom.startsWith("/") || !(custom.endsWith("/") || custom.endsWith(".html") || custom.endsWith(".xml"))) {
                problems.error(DiagnosticCode.URL, at, "url '" + custom + "' must be a site path such as '/about/' or '/404.html': "
                        + "starting with '/', ending with '/', '.html' or '.xml', made of letters, digits, '.', '_', '~' and '-'");
                return null;
            }
            Optional<String> problem = SitePaths.problemOf(custom);
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, at, "url '" + SitePaths.shorten(custom) + "' " + problem.get());
                return null;
            }
            sitePath = custom;
        } else if (collection.hasPages() && !badPatterns.contains(collection.name()) && EntryIds.SLUG.matcher(entry.id()).matches()) {
            // The pattern is sound, and the id a slug (else reported as such): only the id's length can break the path.
            Optional<String> problem = SitePaths.problemOf(sitePath);
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, entry.raw().idPosition(), "the URL " + SitePaths.shorten(sitePath) + " made from id '"
                        + SitePaths.shorten(entry.id()) + "' " + problem.get() + " (use a shorter id, or give the entry a 'url')");
                return null;
            }
        }
        Optional<String> template = collection.template();
        if (collection.hasPages() && entry.data().get("template") instanceof String custom) {
            template = Optional.of(custom);
        }
        if (template.isPresent() && !templates.contains(template.get())) {
            Position at = entry.positionOf("template").orElse(collection.position());
            String hint = Suggestions.closest(template.get(), templates).map(s -> "; did you mean '" + s + "'?").orElse("");
            problems.error(DiagnosticCode.TEMPLATE_MISSING, at, "template '" + template.get() + "' not found in "
                    + SourceLayout.TEMPLATES + "/" + hint);
            return null;
        }
        return new Route(sitePath, template);
    }

    /**
     * Reports each collection whose URL pattern cannot make a file path, at its {@code url} in
     * the site config, once rather than for every entry; returns their names.
     */
    static Set<String> checkUrlPatterns(SiteConfig config, Diagnostics problems) {
        Set<String> bad = new HashSet<>();
        for (CollectionConfig collection : config.collections()) {
            if (!collection.hasPages() || collection.url().isEmpty() || !collection.url().get().startsWith("/")) {
                continue; // fragment patterns name a page that must exist; the config parser reports the rest
            }
            String pattern = collection.url().get();
            Optional<String> problem = SitePaths.problemOf(pattern.replace("{id}", "x"));
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, collection.urlPosition(), "collection '" + collection.name() + "': url pattern '"
                        + pattern + "' " + problem.get());
                bad.add(collection.name());
            }
        }
        return bad;
    }
}
