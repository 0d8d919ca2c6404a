package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.PageFormat;
import dev.explainer.config.UrlPattern;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceLayout;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.EntryIds;
import dev.explainer.validate.ValidEntry;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes: where each entry is shown (its collection's URL pattern, or the URL its
 * {@code url_field} gives) and which template makes its page, each URL checked to be a path every
 * file system can write and its template to escape for the format its URL names.
 */
final class Routes {
    /**
     * What an entry's route depends on besides its key and the run's config and template names:
     * the values of the fields its collection makes routes from ({@code url_field},
     * {@code template_field}, the fields of its URL pattern), in that order and with where they
     * are written (messages quote the positions). A route is a function of these values, so an
     * equal one is reused.
     */
    private record Inputs(List<Object> values, List<Object> positions) {
        static Inputs of(SiteConfig config, ValidEntry entry) {
            List<Object> values = new ArrayList<>();
            List<Object> positions = new ArrayList<>();
            for (String field : routeFields(config.collection(entry.collection()).orElseThrow())) {
                values.add(entry.data().get(field));
                positions.add(entry.positionOf(field).orElse(null));
            }
            return new Inputs(Collections.unmodifiableList(values), Collections.unmodifiableList(positions));
        }
    }

    /** The fields of an entry that its route is made from. */
    private static List<String> routeFields(CollectionConfig collection) {
        List<String> fields = new ArrayList<>();
        collection.urlField().ifPresent(field -> fields.add(field.field()));
        collection.templateField().ifPresent(field -> fields.add(field.field()));
        if (collection.hasPages()) {
            collection.urlPattern().ifPresent(pattern -> fields.addAll(pattern.dataFields()));
        }
        return fields;
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
            Inputs inputs = Inputs.of(config, entry);
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
        UrlPattern pattern = collection.urlPattern().orElseThrow();
        Optional<String> urlField = collection.urlField().map(CollectionConfig.EntryField::field);
        Optional<String> templateField = collection.templateField().map(CollectionConfig.EntryField::field);
        boolean soundPattern = collection.hasPages() && !badPatterns.contains(collection.name());
        String sitePath;
        boolean ownUrl = false;
        if (urlField.isPresent() && entry.data().get(urlField.get()) instanceof String custom) {
            Position at = entry.positionOf(urlField.get()).orElseThrow();
            String field = urlField.get();
            if (!custom.startsWith("/") || PageFormat.ofUrl(custom).isEmpty()) {
                problems.error(DiagnosticCode.URL, at, field + " '" + custom + "' must be a site path such as '/about/' or '/404.html': "
                        + "starting with '/', ending with " + PageFormat.allUrlEndings() + ", made of letters, digits, '.', '_', '~' and '-'");
                return null;
            }
            Optional<String> problem = SitePaths.problemOf(custom);
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, at, field + " '" + SitePaths.shorten(custom) + "' " + problem.get());
                return null;
            }
            sitePath = custom;
            ownUrl = true;
        } else if (!soundPattern || !hasEveryField(pattern, entry)) {
            // An anchor pattern has only '{id}'; a pattern already reported, or an entry without a
            // field of the pattern (reported by the validate stage), makes no checked path.
            sitePath = expandLeniently(pattern, entry);
        } else {
            sitePath = expand(pattern, collection, entry, problems);
            if (sitePath == null) {
                return null;
            }
            if (EntryIds.SLUG.matcher(entry.id()).matches()) {
                // The pattern is sound, and the id a slug (else reported as such), each field a sound
                // part: only the lengths can break the path.
                Optional<String> problem = SitePaths.problemOf(sitePath);
                if (problem.isPresent()) {
                    String instead = urlField.map(field -> ", or give the entry a '" + field + "'").orElse("");
                    problems.error(DiagnosticCode.URL, entry.raw().idPosition(), pattern.dataFields().isEmpty()
                            ? "the URL " + SitePaths.shorten(sitePath) + " made from id '" + SitePaths.shorten(entry.id()) + "' "
                                    + problem.get() + " (use a shorter id" + instead + ")"
                            : "the URL " + SitePaths.shorten(sitePath) + " made from the url pattern '" + pattern.text() + "' "
                                    + problem.get() + " (shorten the values of its fields" + instead + ")");
                    return null;
                }
            }
        }
        Optional<String> template = collection.template();
        boolean ownTemplate = false;
        if (templateField.isPresent() && entry.data().get(templateField.get()) instanceof String custom) {
            template = Optional.of(custom);
            ownTemplate = true;
        }
        if (template.isPresent() && !templates.contains(template.get())) {
            Position at = templateField.flatMap(entry::positionOf).orElse(collection.position());
            String hint = Suggestions.closest(template.get(), templates).map(s -> "; did you mean '" + s + "'?").orElse("");
            problems.error(DiagnosticCode.TEMPLATE_MISSING, at, "template '" + template.get() + "' not found in "
                    + SourceLayout.TEMPLATES + "/" + hint);
            return null;
        }
        if (template.isPresent() && (ownUrl || ownTemplate) && GeneratedFiles.of(config).writerOf(config.outputPrefix() + Page.outputFileOf(sitePath)).isEmpty()) {
            // The collection's own pattern and template are checked once, in checkUrlPatterns; a
            // page over a generated file is refused for that, by PagePlacement.
            Optional<String> mismatch = formatMismatch(sitePath, template.get());
            if (mismatch.isPresent()) {
                Position at = ownTemplate ? entry.positionOf(templateField.get()).orElseThrow() : entry.positionOf(urlField.get()).orElseThrow();
                problems.error(DiagnosticCode.PAGE_FORMAT, at, "URL " + sitePath + mismatch.get());
                return null;
            }
        }
        // An edition's pages are written under its prefix; their site paths stay those of the
        // original, so that a link written as /parties/russia/ leads within the edition it is in.
        return new Route(sitePath, template, config.outputPrefix() + Page.outputFileOf(sitePath));
    }

    /**
     * Why a page at {@code sitePath} cannot be made by {@code template}, in words that follow
     * "URL /x.json", if it cannot: the template must escape for the format the URL names.
     */
    static Optional<String> formatMismatch(String sitePath, String template) {
        Optional<PageFormat> format = PageFormat.ofUrl(sitePath);
        if (format.isEmpty() || PageFormat.ofTemplate(template).equals(format)) {
            return Optional.empty();
        }
        String escapes = PageFormat.ofTemplate(template).map(PageFormat::escaping)
                .orElse("is not a template for pages (its name ends in none of " + String.join(", ",
                        Arrays.stream(PageFormat.values()).map(PageFormat::templateEnding).toList()) + ")");
        return Optional.of(" makes " + format.get().description() + ", but template '" + template + "' " + escapes
                + "; use a template whose name ends in '" + format.get().templateEnding() + "', such as '"
                + format.get().templateLike(template) + "'");
    }

    /**
     * The path the pattern makes for the entry, each field's value checked to be one part of a
     * path every file system can write; null if one cannot be (reported at the entry).
     */
    private static String expand(UrlPattern pattern, CollectionConfig collection, ValidEntry entry, Diagnostics problems) {
        StringBuilder path = new StringBuilder();
        for (UrlPattern.Part part : pattern.parts()) {
            if (part instanceof UrlPattern.Literal literal) {
                path.append(literal.text());
                continue;
            }
            UrlPattern.Field field = (UrlPattern.Field) part;
            if (field.isId()) {
                path.append(entry.id());
                continue;
            }
            Object value = entry.data().get(field.name());
            Position at = entry.positionOf(field.name()).orElse(entry.raw().idPosition());
            Optional<String> text = segmentOf(value, field);
            if (text.isEmpty()) {
                problems.error(DiagnosticCode.URL, at, "'" + field.name() + "' is " + describe(value) + ", which cannot be part of a URL"
                        + " (url pattern '" + pattern.text() + "'); only text, whole numbers and dates can");
                return null;
            }
            Optional<String> problem = text.get().isEmpty() ? Optional.of("is empty; give it a value")
                    : text.get().contains("/") ? Optional.of("has a '/', which would add a folder to the URL; use '-' instead")
                    : SitePaths.problemOf("/" + text.get());
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, at, "'" + field.name() + "' ('" + SitePaths.shorten(text.get()) + "') cannot be part of"
                        + " the URL (url pattern '" + pattern.text() + "'): it " + problem.get());
                return null;
            }
            path.append(text.get());
        }
        return path.toString();
    }

    /**
     * Whether the entry has every field of the pattern, with a date where it formats one: what it
     * lacks the validate stage reports, at the entry, or at the pattern if the schema does not
     * declare a date.
     */
    private static boolean hasEveryField(UrlPattern pattern, ValidEntry entry) {
        for (UrlPattern.Field field : pattern.fields()) {
            Object value = field.isId() ? entry.id() : entry.data().get(field.name());
            if (value == null || field.dateFormat().isPresent() && !(value instanceof LocalDate)) {
                return false;
            }
        }
        return true;
    }

    /** The path a pattern already reported makes, unchecked: its entries still need a route to be linked to. */
    private static String expandLeniently(UrlPattern pattern, ValidEntry entry) {
        StringBuilder path = new StringBuilder();
        for (UrlPattern.Part part : pattern.parts()) {
            if (part instanceof UrlPattern.Literal literal) {
                path.append(literal.text());
            } else {
                UrlPattern.Field field = (UrlPattern.Field) part;
                Object value = field.isId() ? entry.id() : entry.data().get(field.name());
                path.append(value == null ? "" : segmentOf(value, field).orElse(""));
            }
        }
        return path.toString();
    }

    /** The text a field's value is written as in a URL, if it can be written: text, a whole number or a date. */
    private static Optional<String> segmentOf(Object value, UrlPattern.Field field) {
        if (value instanceof LocalDate date) {
            return Optional.of(field.dateFormat().map(format -> DateTimeFormatter.ofPattern(format, Locale.ROOT).format(date))
                    .orElse(date.toString()));
        }
        if (field.dateFormat().isPresent()) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    private static String describe(Object value) {
        if (value instanceof Boolean) {
            return "true or false";
        } else if (value instanceof List) {
            return "a list";
        } else if (value instanceof Map) {
            return "a mapping";
        } else if (value instanceof Number) {
            return "a number with a fraction";
        }
        return "text where a date is needed";
    }

    /**
     * Reports each collection whose URL pattern cannot make a file path, at its {@code url} in
     * the site config, once rather than for every entry; returns their names.
     */
    static Set<String> checkUrlPatterns(SiteConfig config, Set<String> templates, Diagnostics problems) {
        Set<String> bad = new HashSet<>();
        for (CollectionConfig collection : config.collections()) {
            if (!collection.hasPages() || collection.url().isEmpty() || !collection.url().get().startsWith("/")) {
                continue; // fragment patterns name a page that must exist; the config parser reports the rest
            }
            String pattern = collection.url().get();
            if (UrlPattern.parse(pattern).problem().isPresent()) {
                bad.add(collection.name()); // reported by the config parser
                continue;
            }
            Optional<String> problem = SitePaths.problemOf(UrlPattern.parse(pattern).withEachField("x"));
            if (problem.isPresent()) {
                problems.error(DiagnosticCode.URL, collection.urlPosition(), "collection '" + collection.name() + "': url pattern '"
                        + pattern + "' " + problem.get());
                bad.add(collection.name());
                continue;
            }
            Optional<String> mismatch = formatMismatch(pattern, collection.template().get());
            if (mismatch.isPresent() && templates.contains(collection.template().get())) {
                problems.error(DiagnosticCode.PAGE_FORMAT, collection.urlPosition(), "collection '" + collection.name() + "': url pattern '"
                        + pattern + "'" + mismatch.get());
                bad.add(collection.name());
            }
        }
        return bad;
    }
}
