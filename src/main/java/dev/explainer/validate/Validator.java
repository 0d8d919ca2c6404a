package dev.explainer.validate;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.config.UrlPattern;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.parallel.Parallel;
import dev.explainer.text.Suggestions;
import dev.explainer.text.SourceFile;
import dev.explainer.validate.SchemaCompiler.CompiledSchema;
import dev.explainer.validate.ValidationCache.CheckedEntry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validate stage: every entry against its collection's JSON Schema ({@link EntryChecker}),
 * every id a URL slug and unique in its collection ({@link EntryIds}), every change readable by the
 * change log ({@link ChangelogItems}). Schema errors are
 * reported at the exact key or value that causes them, using the positions kept by the YAML
 * parser.
 *
 * <p>A function of the loaded site and a {@link ValidationCache}: it keeps nothing from one run
 * to the next, and hands back what the next run may reuse.
 */
public final class Validator {
    /** The id rule, for the stages that make paths from ids. */

    private final SchemaCompiler compiler = new SchemaCompiler();

    /**
     * The entries that passed (or partly passed), in file and position order, every problem
     * found, and what the next run may reuse.
     */
    public record Result(List<ValidEntry> entries, List<Diagnostic> diagnostics, ValidationCache cache,
                         List<ValidTranslation> translations) {
        public Result {
            translations = List.copyOf(translations);
        }
    }

    /** Validates from scratch, as a one-off build does. */
    public Result validate(LoadedSite site) {
        return validate(site, ValidationCache.empty());
    }

    /** Validates, reusing from {@code previous} every result whose inputs are equal to those it was made from. */
    public Result validate(LoadedSite site, ValidationCache previous) {
        Diagnostics schemaProblems = new Diagnostics();
        Map<String, CompiledSchema> compiled = compileSchemas(site, previous, schemaProblems);
        Map<String, CompiledSchema> schemaOf = new HashMap<>();
        for (CollectionConfig collection : site.config().collections()) {
            CompiledSchema schema = compiled.get(collection.schema());
            if (schema != null) {
                schemaOf.put(collection.name(), schema);
                schema.schema().ifPresent(declared -> {
                    checkDisplayField(collection, declared, schemaProblems);
                    ReferenceFields.check(collection, declared, schemaProblems);
                    checkPageFields(collection, declared, schemaProblems);
                    collection.translate().forEach(field -> checkDeclared("translate", field.field(), field.position(), collection,
                            declared, schemaProblems));
                });
            }
        }

        List<RawEntry> input = site.entries();
        SchemaSources schemaSources = new SchemaSources(schemaOf);
        CheckedEntry[] results = new CheckedEntry[input.size()];
        List<Integer> toCheck = new ArrayList<>();
        // While every entry has the id and place of the one checked at its index before, the
        // checking order and the id problems stand, and each entry's previous result is at hand.
        int[] resultOf = previous.resultOf();
        boolean sameIds = input.size() == resultOf.length;
        for (int i = 0; sameIds && i < input.size(); i++) {
            RawEntry entry = input.get(i);
            CheckedEntry earlier = previous.results().get(resultOf[i]);
            if (earlier.entry().raw().equals(entry) && Objects.equals(earlier.schema(), schemaSources.of(entry.collection()))) {
                results[resultOf[i]] = earlier;
            } else if (EntryIds.sameIdAndPlace(earlier.entry().raw(), entry)) {
                toCheck.add(i);
            } else {
                sameIds = false;
            }
        }
        List<Diagnostic> idProblems = previous.idProblems();
        if (!sameIds) {
            resultOf = checkingOrder(input);
            idProblems = idProblems(input, resultOf);
            Map<String, CheckedEntry> byKey = byKey(previous.results());
            Arrays.fill(results, null);
            toCheck.clear();
            for (int i = 0; i < input.size(); i++) {
                RawEntry entry = input.get(i);
                CheckedEntry earlier = byKey.get(entry.key());
                if (earlier != null && earlier.entry().raw().equals(entry)
                        && Objects.equals(earlier.schema(), schemaSources.of(entry.collection()))) {
                    results[resultOf[i]] = earlier;
                } else {
                    toCheck.add(i);
                }
            }
        }
        List<CheckedEntry> checked = Parallel.map(toCheck, i -> check(input.get(i), schemaOf.get(input.get(i).collection())),
                i -> input.get(i).path());
        for (int k = 0; k < toCheck.size(); k++) {
            results[resultOf[toCheck.get(k)]] = checked.get(k);
        }

        ValidationCache next = new ValidationCache(compiled, resultOf, idProblems, List.of(results));
        checkPatternValues(site.config(), schemaOf, results, schemaProblems);
        List<Diagnostic> problems = problems(schemaProblems, idProblems, results);
        List<ValidTranslation> translated = List.of();
        if (!site.translations().isEmpty()) {
            Map<String, Optional<CollectionSchema>> declared = new HashMap<>();
            schemaOf.forEach((collection, schema) -> declared.put(collection, schema.schema()));
            Diagnostics translations = new Diagnostics();
            translated = TranslationChecks.check(site.config(), input, site.translations(), site.incomplete(), declared,
                    translations);
            Diagnostics all = new Diagnostics();
            all.addAll(problems);
            all.addAll(translations.sorted());
            problems = all.sorted();
        }
        if (site.config().changelog().isPresent()) {
            List<Diagnostic> changes = ChangelogItems.check(site.config().changelog().get(), input, problems);
            if (!changes.isEmpty()) {
                Diagnostics all = new Diagnostics();
                all.addAll(problems);
                all.addAll(changes);
                problems = all.sorted();
            }
        }
        return new Result(entries(results), problems, next, translated);
    }

    /** Every schema the config names, compiled once per file; one whose file is unchanged is the one compiled before. */
    private Map<String, CompiledSchema> compileSchemas(LoadedSite site, ValidationCache previous, Diagnostics problems) {
        Map<String, CompiledSchema> byFile = new HashMap<>();
        for (CollectionConfig collection : site.config().collections()) {
            SourceFile file = site.schemas().get(collection.schema());
            if (file == null || byFile.containsKey(collection.schema())) {
                continue; // missing (the loader has reported it), or shared with a collection before
            }
            CompiledSchema earlier = previous.schemas().get(collection.schema());
            CompiledSchema schema = earlier != null && earlier.source().equals(file) ? earlier : compiler.compile(file);
            byFile.put(collection.schema(), schema);
            problems.addAll(schema.problems());
        }
        return byFile;
    }

    /** A collection's {@code display_field} must be a field its schema declares: else every breadcrumb would show the id. */
    private static void checkDisplayField(CollectionConfig collection, CollectionSchema schema, Diagnostics problems) {
        collection.displayField().ifPresent(display -> checkDeclared("display_field", display.field(), display.position(), collection,
                schema, problems));
        // A misspelt field of former addresses would make every redirect silently missing.
        collection.aliases().ifPresent(aliases -> checkDeclared("aliases", aliases.field(), aliases.position(), collection, schema,
                problems));
    }

    private static void checkDeclared(String key, String field, dev.explainer.diagnostic.Position at, CollectionConfig collection,
                                      CollectionSchema schema, Diagnostics problems) {
        if (!schema.fields().contains(field)) {
            String hint = Suggestions.closest(field, schema.fields()).map(s -> "; did you mean '" + s + "'?")
                    .orElse(schema.fields().isEmpty() ? "" : "; its fields are " + String.join(", ", schema.fields()));
            problems.error(DiagnosticCode.CONFIG, at, "collection '" + collection.name() + "': '" + key + "' names field '"
                    + field + "', which its schema " + schema.file() + " does not declare" + hint);
        }
    }

    /**
     * The fields a collection's pages are made from must be fields its schema declares: its
     * {@code url_field} and {@code template_field}, and the fields of its URL pattern (a date format
     * only for a date field). A misspelt name would otherwise give no page its own URL, or every
     * entry an error.
     */
    private static void checkPageFields(CollectionConfig collection, CollectionSchema schema, Diagnostics problems) {
        String where = "collection '" + collection.name() + "': ";
        collection.urlField().ifPresent(field -> checkDeclared(field.field(), "'url_field' names field", field.position(), where, schema, problems));
        collection.templateField().ifPresent(field -> checkDeclared(field.field(), "'template_field' names field", field.position(), where,
                schema, problems));
        if (!collection.hasPages() || collection.urlPattern().isEmpty() || collection.urlPattern().get().problem().isPresent()) {
            return;
        }
        UrlPattern pattern = collection.urlPattern().get();
        for (UrlPattern.Field field : pattern.fields()) {
            if (field.name().equals("id")) {
                continue;
            }
            if (!schema.fields().contains(field.name())) {
                checkDeclared(field.name(), "url pattern '" + pattern.text() + "' uses field", collection.urlPosition(), where, schema, problems);
            } else if (field.dateFormat().isPresent() && !schema.dateFields().contains(field.name())) {
                problems.error(DiagnosticCode.CONFIG, collection.urlPosition(), where + "url pattern '" + pattern.text() + "' writes field '"
                        + field.name() + "' as a date ('" + field.dateFormat().get() + "'), but its schema " + schema.file()
                        + " does not declare it a date (\"format\": \"date\"); declare it so, or write it as '{" + field.name() + "}'");
            }
        }
    }

    /**
     * Every published entry of a collection with pages needs the fields its URL pattern is made
     * of (a field the schema does not declare is reported once, at the pattern), unless it gives
     * its own URL in its {@code url_field}.
     */
    private static void checkPatternValues(SiteConfig config, Map<String, CompiledSchema> schemaOf, CheckedEntry[] results,
                                           Diagnostics problems) {
        Map<String, List<String>> needed = new HashMap<>();
        for (CollectionConfig collection : config.collections()) {
            Optional<CollectionSchema> schema = Optional.ofNullable(schemaOf.get(collection.name())).flatMap(CompiledSchema::schema);
            Optional<UrlPattern> pattern = collection.urlPattern();
            if (collection.hasPages() && schema.isPresent() && pattern.isPresent() && pattern.get().problem().isEmpty()) {
                List<String> fields = pattern.get().dataFields().stream().filter(schema.get().fields()::contains).toList();
                if (!fields.isEmpty()) {
                    needed.put(collection.name(), fields);
                }
            }
        }
        if (needed.isEmpty()) {
            return;
        }
        for (CheckedEntry result : results) {
            ValidEntry entry = result.entry();
            List<String> fields = entry == null || entry.raw().draft() ? null : needed.get(entry.collection());
            if (fields == null) {
                continue;
            }
            CollectionConfig collection = config.collection(entry.collection()).orElseThrow();
            if (collection.urlField().map(f -> entry.data().get(f.field()) instanceof String).orElse(false)) {
                continue;
            }
            for (String field : fields) {
                if (entry.data().get(field) == null && entry.raw().fields().get(field).isEmpty()) {
                    problems.error(DiagnosticCode.URL, entry.raw().idPosition(), "entry '" + entry.id() + "' has no '" + field
                            + "', which the url pattern '" + collection.url().get() + "' of collection '" + collection.name()
                            + "' needs; give it one (and make '" + field + "' required in the schema)");
                }
            }
        }
    }

    private static void checkDeclared(String field, String what, Position at, String where, CollectionSchema schema, Diagnostics problems) {
        if (!schema.fields().contains(field)) {
            String hint = Suggestions.closest(field, schema.fields()).map(s -> "; did you mean '" + s + "'?")
                    .orElse(schema.fields().isEmpty() ? "" : "; its fields are " + String.join(", ", schema.fields()));
            problems.error(DiagnosticCode.CONFIG, at, where + what + " '" + field + "', which its schema " + schema.file()
                    + " does not declare" + hint);
        }
    }

    /**
     * The schema file of each collection's schema, for deciding whether a result was made
     * against it. Entries come grouped by collection: the last answer is kept for the next.
     */
    private static final class SchemaSources {
        private final Map<String, CompiledSchema> schemaOf;
        private String collection;
        private SourceFile source;

        SchemaSources(Map<String, CompiledSchema> schemaOf) {
            this.schemaOf = schemaOf;
        }

        SourceFile of(String collection) {
            if (!collection.equals(this.collection)) {
                CompiledSchema schema = schemaOf.get(collection);
                this.collection = collection;
                this.source = schema == null ? null : schema.source();
            }
            return source;
        }
    }

    private static CheckedEntry check(RawEntry entry, CompiledSchema schema) {
        Diagnostics problems = new Diagnostics();
        CollectionSchema compiled = schema == null ? null : schema.schema().orElse(null);
        ValidEntry valid = EntryChecker.check(entry, compiled, problems);
        return new CheckedEntry(valid, schema == null ? null : schema.source(), problems.sorted());
    }


    /** For each entry, its place in the checking order: by file, then line and column. */
    private static int[] checkingOrder(List<RawEntry> input) {
        List<Integer> indices = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparing((Integer i) -> input.get(i).path())
                .thenComparingInt(i -> input.get(i).idPosition().line())
                .thenComparingInt(i -> input.get(i).idPosition().column()));
        int[] resultOf = new int[input.size()];
        for (int at = 0; at < indices.size(); at++) {
            resultOf[indices.get(at)] = at;
        }
        return resultOf;
    }

    /** What the id rules find, the entries taken in checking order (which names the first of two ids). */
    private static List<Diagnostic> idProblems(List<RawEntry> input, int[] resultOf) {
        RawEntry[] ordered = new RawEntry[input.size()];
        for (int i = 0; i < input.size(); i++) {
            ordered[resultOf[i]] = input.get(i);
        }
        Diagnostics problems = new Diagnostics();
        EntryIds.check(List.of(ordered), problems);
        return problems.sorted();
    }

    private static Map<String, CheckedEntry> byKey(List<CheckedEntry> results) {
        Map<String, CheckedEntry> byKey = new HashMap<>(results.size() * 2);
        for (CheckedEntry result : results) {
            byKey.putIfAbsent(result.entry().key(), result);
        }
        return byKey;
    }

    private static List<ValidEntry> entries(CheckedEntry[] results) {
        List<ValidEntry> entries = new ArrayList<>(results.length);
        for (CheckedEntry result : results) {
            entries.add(result.entry());
        }
        return Collections.unmodifiableList(entries);
    }

    private static List<Diagnostic> problems(Diagnostics schemaProblems, List<Diagnostic> idProblems, CheckedEntry[] results) {
        Diagnostics problems = new Diagnostics();
        problems.addAll(schemaProblems.sorted());
        problems.addAll(idProblems);
        for (CheckedEntry result : results) {
            if (!result.problems().isEmpty()) {
                problems.addAll(result.problems());
            }
        }
        return problems.sorted();
    }
}
