package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.MappingReader.Positioned;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code collections} of the site config: each collection's place, schema, references,
 * URL pattern, template, order, matrix, quote check, unique fields and display field, every setting checked
 * against the others of its collection and the collections declared.
 */
final class CollectionsParser {
    private static final Set<String> COLLECTION_KEYS = Set.of(
            "folder", "file", "schema", "references", "url", "template", "sort", "matrix", "verbatim", "unique", "display_field",
            "url_field", "template_field", "aliases", "translate");
    private static final Pattern COLLECTION_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private CollectionsParser() {
    }

    static List<CollectionConfig> collections(MappingReader site, List<Diagnostic> problems) {
        List<CollectionConfig> collections = new ArrayList<>();
        Optional<YamlNode.Mapping> declared = site.mapping("collections");
        if (declared.isEmpty()) {
            if (site.node("collections").isEmpty()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, site.position(), "the site config needs 'collections'"));
            }
            return collections;
        }
        Set<String> names = declared.get().members().keySet();
        for (YamlNode.Member member : declared.get().members().values()) {
            String name = member.key();
            if (!COLLECTION_NAME.matcher(name).matches()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.keyPosition(), "collection name '" + name
                        + "' must be lowercase letters, digits and '_', starting with a letter"));
            }
            if (!(member.value() instanceof YamlNode.Mapping body)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, member.value().position(),
                        "collection '" + name + "' must be a mapping of settings (folder or file, schema, url, ...)"));
                continue;
            }
            collections.add(collection(name, member.keyPosition(), body, names, problems));
        }
        return collections;
    }

    private static CollectionConfig collection(String name, Position at, YamlNode.Mapping body, Set<String> names,
                                               List<Diagnostic> problems) {
        String where = "collection '" + name + "'";
        MappingReader reader = new MappingReader(body, where, problems);
        reader.rejectUnknownKeys(COLLECTION_KEYS);
        Optional<String> folder = reader.string("folder").map(CollectionsParser::trimSlashes);
        Optional<String> file = reader.string("file").map(CollectionsParser::trimSlashes);
        if (folder.isPresent() == file.isPresent()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " needs exactly one of 'folder' (Markdown files) or 'file' (a YAML list)"));
        }
        // Whether 'folder' or 'file' names a place inside content/ is the load stage's rule
        // (SourceTree.placeOf), the one that 'new' applies too.
        String schema = reader.requiredString("schema");
        Map<String, CollectionConfig.Reference> references = new LinkedHashMap<>();
        reader.stringMap("references").forEach((field, target) -> {
            if (!names.contains(target.value())) {
                String hint = Suggestions.closest(target.value(), names).map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, target.position(), where + ": field '" + field
                        + "' refers to collection '" + target.value() + "', which is not declared" + hint));
            }
            Position keyAt = reader.mapping("references").flatMap(m -> m.member(field)).map(YamlNode.Member::keyPosition)
                    .orElse(target.position());
            referencePath(field, keyAt, where, problems).ifPresent(path ->
                    references.put(field, new CollectionConfig.Reference(field, target.value(), target.position(), path, keyAt)));
        });
        Optional<String> url = reader.string("url");
        Optional<String> template = reader.string("template");
        url.ifPresent(pattern -> checkUrlPattern(pattern, name, template.isPresent(), where,
                reader.node("url").get().position(), problems));
        if (template.isPresent() && url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has a template but no 'url' pattern for its pages"));
        }
        Optional<CollectionConfig.EntryField> urlField = entryField(reader, "url_field", template.isPresent(), where, problems);
        Optional<CollectionConfig.EntryField> templateField = entryField(reader, "template_field", template.isPresent(), where, problems);
        if (urlField.isPresent() && templateField.isPresent() && urlField.get().field().equals(templateField.get().field())) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, templateField.get().position(), where + ": 'url_field' and"
                    + " 'template_field' both name field '" + urlField.get().field() + "'; an entry's URL and template need fields of their own"));
            templateField = Optional.empty();
        }
        List<CollectionConfig.SortKey> sort = new ArrayList<>();
        for (Positioned key : reader.stringList("sort")) {
            boolean descending = key.value().startsWith("-");
            sort.add(new CollectionConfig.SortKey(descending ? key.value().substring(1) : key.value(), descending));
        }
        List<Positioned> matrix;
        boolean matrixComplete = true;
        Optional<YamlNode> matrixNode = reader.node("matrix");
        if (matrixNode.isPresent() && matrixNode.get() instanceof YamlNode.Mapping declared) {
            // The long form, for a matrix whose pairs need not all have an entry.
            MappingReader settings = new MappingReader(declared, "the 'matrix' of " + where, problems);
            settings.rejectUnknownKeys(Set.of("fields", "complete"));
            if (settings.node("fields").isEmpty()) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, declared.position(), where + ": 'matrix' needs 'fields', two of its"
                        + " reference fields, such as {fields: " + matrixExample(references) + ", complete: false}"));
            }
            matrix = settings.stringList("fields");
            if (settings.node("fields").isPresent()) {
                checkMatrixFields(matrix, true, settings.node("fields").get().position(), references, where, problems);
            }
            matrixComplete = settings.bool("complete", true);
        } else {
            matrix = reader.stringList("matrix");
            checkMatrixFields(matrix, false, matrixNode.map(YamlNode::position).orElse(at), references, where, problems);
        }
        Optional<CollectionConfig.Verbatim> verbatim = reader.mapping("verbatim").map(declared -> {
            MappingReader settings = new MappingReader(declared, where + "'s 'verbatim'", problems);
            settings.rejectUnknownKeys(Set.of("text", "source", "passage", "when"));
            String source = settings.requiredString("source");
            if (!source.isEmpty() && !isTopLevelReference(references, source)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, settings.node("source").get().position(), where
                        + ": verbatim 'source' must be one of its 'references', naming the entry quoted"));
            }
            Map<String, Object> when = settings.mapping("when").map(m -> ConfigParser.castMap(m.toPlain())).orElse(Map.of());
            return new CollectionConfig.Verbatim(settings.requiredString("text"), source, settings.string("passage"),
                    when, declared.position());
        });
        List<String> unique = reader.stringList("unique").stream().map(Positioned::value).toList();
        Optional<CollectionConfig.AliasField> aliases = aliasField(reader, references, url, urlField, templateField, where, problems);
        List<CollectionConfig.EntryField> translate = translate(reader, references, url, urlField, templateField, aliases, where,
                problems);
        return new CollectionConfig(name, at, folder, file, schema, references, url, template, sort,
                matrix.stream().map(Positioned::value).toList(), matrixComplete, verbatim, unique, reader.node("url").map(YamlNode::position).orElse(at),
                reader.string("display_field").map(field -> new CollectionConfig.DisplayField(field, reader.node("display_field").get().position())),
                urlField, templateField, aliases, translate);
    }

    /**
     * {@code translate}: the fields a translation gives in its own language. A field the engine
     * reads to find or place an entry (its references, its URL, its template, its former
     * addresses) is the same in every edition, so it cannot be one of them.
     */
    private static List<CollectionConfig.EntryField> translate(MappingReader reader, Map<String, CollectionConfig.Reference> references,
                                                              Optional<String> url, Optional<CollectionConfig.EntryField> urlField,
                                                              Optional<CollectionConfig.EntryField> templateField,
                                                              Optional<CollectionConfig.AliasField> aliases, String where,
                                                              List<Diagnostic> problems) {
        List<CollectionConfig.EntryField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Positioned field : reader.stringList("translate")) {
            String name = field.value();
            String use = null;
            if (name.equals("id") || name.equals("draft") || name.equals("translates")) {
                use = "is read by the engine itself";
            } else if (references.values().stream().anyMatch(reference -> reference.topField().equals(name))) {
                use = "holds references, which name the same entries in every language";
            } else if (url.map(UrlPattern::parse).map(pattern -> pattern.fields().stream().anyMatch(f -> f.name().equals(name)))
                    .orElse(false) || urlField.map(CollectionConfig.EntryField::field).equals(Optional.of(name))) {
                use = "makes the entry's URL, which is the same in every edition but for its prefix";
            } else if (templateField.map(CollectionConfig.EntryField::field).equals(Optional.of(name))) {
                use = "names the entry's template";
            } else if (aliases.map(CollectionConfig.AliasField::field).equals(Optional.of(name))) {
                use = "lists the entry's former addresses";
            }
            if (use != null) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, field.position(), where + ": field '" + name + "' cannot be"
                        + " translated: it " + use + "; remove it from 'translate'"));
            } else if (!seen.add(name)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, field.position(), where + ": 'translate' names field '" + name
                        + "' twice"));
            } else {
                fields.add(new CollectionConfig.EntryField(name, field.position()));
            }
        }
        return fields;
    }

    /** {@code url_field} or {@code template_field}: a field by which an entry chooses its own page's URL or template. */
    private static Optional<CollectionConfig.EntryField> entryField(MappingReader reader, String key, boolean hasPages, String where,
                                                                  List<Diagnostic> problems) {
        Optional<String> field = reader.string(key);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Position at = reader.node(key).get().position();
        if (!hasPages) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has '" + key + "' but no 'template': only entries"
                    + " with pages of their own can choose their page's " + (key.equals("url_field") ? "URL" : "template")
                    + "; add a 'template' or remove '" + key + "'"));
            return Optional.empty();
        }
        if (field.get().equals("id")) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": '" + key + "' cannot be 'id'; name a field such as '"
                    + (key.equals("url_field") ? "url" : "template") + "'"));
            return Optional.empty();
        }
        return Optional.of(new CollectionConfig.EntryField(field.get(), at));
    }


    /** The field of former addresses, which needs entries with an address to send readers to. */
    private static Optional<CollectionConfig.AliasField> aliasField(MappingReader reader, Map<String, CollectionConfig.Reference> references,
                                                                   Optional<String> url, Optional<CollectionConfig.EntryField> urlField,
                                                                   Optional<CollectionConfig.EntryField> templateField, String where,
                                                                   List<Diagnostic> problems) {
        Optional<String> field = reader.string("aliases");
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Position at = reader.node("aliases").get().position();
        if (url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has 'aliases' but no 'url': its entries have no address"
                    + " for a former one to lead to"));
        }
        boolean taken = references.values().stream().anyMatch(reference -> reference.topField().equals(field.get()))
                || urlField.map(CollectionConfig.EntryField::field).equals(field)
                || templateField.map(CollectionConfig.EntryField::field).equals(field);
        if (taken) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": 'aliases' names field '" + field.get()
                    + "', which already has another use; name a field of its own, such as 'aliases'"));
        }
        return Optional.of(new CollectionConfig.AliasField(field.get(), at));
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** {@code declared}: written as {@code fields}, where an empty list is a mistake rather than no matrix. */
    private static void checkMatrixFields(List<Positioned> matrix, boolean declared, Position at,
                                          Map<String, CollectionConfig.Reference> references, String where, List<Diagnostic> problems) {
        if ((declared || !matrix.isEmpty()) && matrix.size() != 2) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at,
                    where + ": 'matrix' names exactly two reference fields, such as " + matrixExample(references)));
        }
        for (Positioned field : matrix) {
            if (!isTopLevelReference(references, field.value())) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, field.position(), where + ": matrix field '" + field.value()
                        + "' must be one of its 'references'" + (references.containsKey(field.value())
                        ? ", a field of the entry itself (not a path into its objects)" : "")));
            }
        }
    }

    private static boolean isTopLevelReference(Map<String, CollectionConfig.Reference> references, String field) {
        CollectionConfig.Reference reference = references.get(field);
        return reference != null && reference.topLevel();
    }

    /**
     * The steps of a reference key: field names joined by '.', each field that holds a list of
     * objects marked with '[]' ({@code signatories[].country}). The last field holds the id or
     * ids itself, so it takes no '[]'; a key without '.' or '[]' is a field of the entry, as before.
     */
    private static Optional<List<CollectionConfig.Step>> referencePath(String written, Position at, String where,
                                                                      List<Diagnostic> problems) {
        List<CollectionConfig.Step> steps = new ArrayList<>();
        String[] parts = written.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean eachItem = parts[i].endsWith("[]");
            String name = eachItem ? parts[i].substring(0, parts[i].length() - 2) : parts[i];
            if (name.isEmpty() || name.contains("[") || name.contains("]")) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": reference '" + written
                        + "' is not a field path; write a field ('author'), a field inside an object ('mediator.country')"
                        + " or a field inside each item of a list of objects ('signatories[].country')"));
                return Optional.empty();
            }
            if (eachItem && i == parts.length - 1) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": reference '" + written
                        + "' ends with '[]', but '[]' marks a list of objects that the path goes into; a field may hold"
                        + " one id or a list of ids as it is: write '" + written.substring(0, written.length() - 2) + "'"));
                return Optional.empty();
            }
            steps.add(new CollectionConfig.Step(name, eachItem));
        }
        return Optional.of(steps);
    }

    /** Two of the collection's own reference fields when it has them, so the example can be copied. */
    private static String matrixExample(Map<String, CollectionConfig.Reference> references) {
        List<String> fields = references.values().stream().filter(CollectionConfig.Reference::topLevel)
                .map(CollectionConfig.Reference::field).limit(2).toList();
        return "[" + String.join(", ", fields.size() == 2 ? fields : List.of("row", "column")) + "]";
    }

    private static void checkUrlPattern(String pattern, String collection, boolean hasTemplate, String where, Position at,
                                        List<Diagnostic> problems) {
        int hash = pattern.indexOf('#');
        String path = hash < 0 ? pattern : pattern.substring(0, hash);
        UrlPattern parsed = UrlPattern.parse(pattern);
        long ids = parsed.fields().stream().filter(UrlPattern.Field::isId).count();
        boolean idOnly = parsed.fields().size() == ids;
        boolean pageEnding = path.endsWith("/") || path.endsWith(".html");
        String problem = null;
        if (!pattern.startsWith("/")) {
            problem = "must start with '/'";
        } else if (parsed.problem().isPresent()) {
            problem = parsed.problem().get();
        } else if (ids > 1 || parsed.fields().isEmpty()) {
            problem = "must contain '{id}' once";
        } else if (!idOnly && hash >= 0) {
            problem = "places entries on another page, where only '{id}' can tell them apart; remove the other fields";
        } else if (!(pageEnding || hasTemplate && hash < 0 && PageFormat.ofUrl(path).isPresent())) {
            problem = hasTemplate && hash < 0 ? "must end with " + PageFormat.allUrlEndings() : "must end with '/' (a page) or '.html'";
        } else if (hasTemplate && hash >= 0) {
            problem = "has a fragment, but the collection has a template: entries with a page of their own need a plain path";
        } else if (!hasTemplate && hash < 0) {
            problem = "names a page, but the collection has no 'template'; add one, or place entries on another page with a fragment such as '/" + collection + "/#{id}'";
        } else if (hash >= 0 && path.contains("{id}")) {
            problem = "must put '{id}' in the fragment";
        }
        if (problem != null) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": url pattern '" + pattern + "' " + problem));
        }
    }
}
