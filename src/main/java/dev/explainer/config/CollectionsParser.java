package dev.explainer.config;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.MappingReader.Positioned;
import dev.explainer.yaml.MappingReader;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
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
            "aliases");
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
            references.put(field, new CollectionConfig.Reference(field, target.value(), target.position()));
        });
        Optional<String> url = reader.string("url");
        Optional<String> template = reader.string("template");
        url.ifPresent(pattern -> checkUrlPattern(pattern, name, template.isPresent(), where,
                reader.node("url").get().position(), problems));
        if (template.isPresent() && url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has a template but no 'url' pattern for its pages"));
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
            if (!source.isEmpty() && !references.containsKey(source)) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, settings.node("source").get().position(), where
                        + ": verbatim 'source' must be one of its 'references', naming the entry quoted"));
            }
            Map<String, Object> when = settings.mapping("when").map(m -> ConfigParser.castMap(m.toPlain())).orElse(Map.of());
            return new CollectionConfig.Verbatim(settings.requiredString("text"), source, settings.string("passage"),
                    when, declared.position());
        });
        List<String> unique = reader.stringList("unique").stream().map(Positioned::value).toList();
        return new CollectionConfig(name, at, folder, file, schema, references, url, template, sort,
                matrix.stream().map(Positioned::value).toList(), matrixComplete, verbatim, unique, reader.node("url").map(YamlNode::position).orElse(at),
                reader.string("display_field").map(field -> new CollectionConfig.DisplayField(field, reader.node("display_field").get().position())),
                aliasField(reader, references, url, where, problems));
    }

    /** The field of former addresses, which needs entries with an address to send readers to. */
    private static Optional<CollectionConfig.AliasField> aliasField(MappingReader reader, Map<String, CollectionConfig.Reference> references,
                                                                   Optional<String> url, String where, List<Diagnostic> problems) {
        Optional<String> field = reader.string("aliases");
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Position at = reader.node("aliases").get().position();
        if (url.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + " has 'aliases' but no 'url': its entries have no address"
                    + " for a former one to lead to"));
        }
        if (references.containsKey(field.get()) || field.get().equals("url") || field.get().equals("template")) {
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
            if (!references.containsKey(field.value())) {
                problems.add(Diagnostic.error(DiagnosticCode.CONFIG, field.position(), where + ": matrix field '" + field.value()
                        + "' must be one of its 'references'"));
            }
        }
    }

    /** Two of the collection's own reference fields when it has them, so the example can be copied. */
    private static String matrixExample(Map<String, CollectionConfig.Reference> references) {
        List<String> fields = references.keySet().stream().limit(2).toList();
        return "[" + String.join(", ", fields.size() == 2 ? fields : List.of("row", "column")) + "]";
    }

    private static void checkUrlPattern(String pattern, String collection, boolean hasTemplate, String where, Position at,
                                        List<Diagnostic> problems) {
        int hash = pattern.indexOf('#');
        String path = hash < 0 ? pattern : pattern.substring(0, hash);
        String problem = null;
        if (!pattern.startsWith("/")) {
            problem = "must start with '/'";
        } else if (pattern.indexOf("{id}") < 0 || pattern.indexOf("{id}") != pattern.lastIndexOf("{id}")) {
            problem = "must contain '{id}' once";
        } else if (!(path.endsWith("/") || path.endsWith(".html"))) {
            problem = "must end with '/' (a page) or '.html'";
        } else if (hasTemplate && hash >= 0) {
            problem = "has a fragment, but the collection has a template: entries with a page of their own need a plain path";
        } else if (!hasTemplate && hash < 0) {
            problem = "names a page, but the collection has no 'template'; add one, or place entries on another page with a fragment such as '/" + collection + "/#{id}'";
        } else if (path.contains("{id}") == (hash >= 0)) {
            problem = hash >= 0 ? "must put '{id}' in the fragment" : "must contain '{id}'";
        }
        if (problem != null) {
            problems.add(Diagnostic.error(DiagnosticCode.CONFIG, at, where + ": url pattern '" + pattern + "' " + problem));
        }
    }
}
