package dev.explainer.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.CollectionPlace;
import dev.explainer.load.FileRead;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.load.SourceLayout;
import dev.explainer.load.SourceTree;
import dev.explainer.text.SourceFile;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.EntryIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates a new entry with every field its collection's schema requires, each explained in a
 * comment, and the optional fields listed: as a new Markdown file in the collection's folder, or
 * appended to its data file. A site can replace the default scaffold of a collection with a
 * FreeMarker template {@code templates/scaffolds/COLLECTION.ftl}.
 */
public final class Scaffolder {
    public static final String SCAFFOLDS = "scaffolds";

    /** What {@link #create} did, or why it refused. */
    public sealed interface Outcome {
        /**
         * @param note what {@code new} says about the fields it pre-filled, or could not (a
         *             matrix entry's id), empty when there is nothing to say
         */
        record Created(String path, boolean appended, String note) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        /**
         * The collection's file or folder is one the build would not read (outside content/, a
         * link out of the site's folder, a named pipe...): the build's own error about it.
         */
        record Invalid(Diagnostic problem) implements Outcome {
        }
    }

    /** One field of the schema, as the scaffold describes it. */
    public record Field(String name, boolean required, String type, String description) {
    }

    public Outcome create(Path sourceDir, LoadedSite site, String collectionName, String id) throws IOException {
        Set<String> names = new TreeSet<>();
        site.config().collections().forEach(c -> names.add(c.name()));
        CollectionConfig collection = site.config().collection(collectionName).orElse(null);
        if (collection == null) {
            return new Outcome.Refused("no collection '" + collectionName + "'"
                    + Suggestions.closest(collectionName, names).map(s -> "; did you mean '" + s + "'?")
                    .orElse("; the site declares " + String.join(", ", names)));
        }
        if (!EntryIds.isSlug(id)) {
            String slug = EntryIds.slugify(id);
            return new Outcome.Refused("id '" + id + "' is not a lowercase URL slug"
                    + (slug.isEmpty() ? " (letters, digits and single hyphens)" : "; use '" + slug + "'"));
        }
        for (RawEntry entry : site.entries()) {
            if (entry.collection().equals(collectionName) && entry.id().equals(id)) {
                return new Outcome.Refused(collectionName + " already has an entry '" + id + "' at " + entry.idPosition());
            }
        }
        // Written only where the build reads from: the same rule, so never outside content/.
        SourceTree tree = SourceTree.of(sourceDir).orElseThrow(() -> new IOException("the source folder " + sourceDir + " is gone"));
        CollectionPlace place = tree.placeOf(collection);
        Optional<SourceTree.Entry> there = place.entry();
        if (place.problem().isPresent() && there.map(e -> e.kind() != SourceTree.Kind.MISSING).orElse(true)) {
            return new Outcome.Invalid(place.problem().get()); // a missing file or folder is made
        }
        List<Field> fields = fields(site.schemas().get(collection.schema()), collection);
        MatrixCell cell = MatrixCell.of(site, collection, id);
        boolean markdown = place.folder();
        String text;
        try {
            text = scaffold(site, collection, id, fields, cell.prefilled(), markdown);
        } catch (ScaffoldTemplate.Failed failed) {
            return new Outcome.Invalid(failed.problem());
        }
        Path target = there.get().file();
        if (markdown) {
            String path = place.path() + "/" + id + ".md";
            Path file = target.resolve(id + ".md");
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Outcome.Refused(path + " already exists");
            }
            Files.createDirectories(target);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return new Outcome.Created(path, false, cell.note());
        }
        String existing = "";
        if (there.get().kind() == SourceTree.Kind.FILE) {
            FileRead read = tree.read(there.get());
            if (read.bytes().isEmpty()) {
                return new Outcome.Invalid(read.problem().orElseThrow());
            }
            SourceFile.Decoded decoded = SourceFile.decode(place.path(), read.bytes().get());
            if (decoded.file().isEmpty()) {
                return new Outcome.Invalid(decoded.errors().get(0)); // appending would make it worse
            }
            existing = decoded.file().get().text();
        } else {
            Files.createDirectories(target.getParent());
        }
        String separator = existing.isEmpty() || existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
        Files.writeString(target, separator + text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Outcome.Created(place.path(), true, cell.note());
    }

    private String scaffold(LoadedSite site, CollectionConfig collection, String id, List<Field> fields,
                            Map<String, String> prefilled, boolean markdown) throws IOException, ScaffoldTemplate.Failed {
        SourceFile custom = site.templates().get(SCAFFOLDS + "/" + collection.name() + ".ftl");
        if (custom == null) {
            return markdown ? markdownScaffold(fields, prefilled) : dataScaffold(id, fields, prefilled);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        model.put("collection", collection.name());
        model.put("today", LocalDate.now().toString());
        List<Map<String, Object>> described = new ArrayList<>();
        for (Field field : fields) {
            described.add(Map.of("name", field.name(), "required", field.required(), "type", field.type(),
                    "description", field.description()));
        }
        model.put("fields", described);
        model.put("prefilled", prefilled);
        String path = SourceLayout.TEMPLATES + "/" + SCAFFOLDS + "/" + collection.name() + ".ftl";
        return ScaffoldTemplate.run(custom, path, model, site.config().limits().pageRender());
    }

    private static String markdownScaffold(List<Field> fields, Map<String, String> prefilled) {
        StringBuilder text = new StringBuilder("---\n");
        appendFields(text, fields, prefilled, "");
        return text.append("---\nWrite the text here, in your own words. Cite every claim to a source.\n").toString();
    }

    private static String dataScaffold(String id, List<Field> fields, Map<String, String> prefilled) {
        StringBuilder text = new StringBuilder("- id: " + id + "\n");
        appendFields(text, fields, prefilled, "  ");
        return text.toString();
    }

    private static void appendFields(StringBuilder text, List<Field> fields, Map<String, String> prefilled, String indent) {
        Set<String> described = new TreeSet<>();
        fields.forEach(field -> described.add(field.name()));
        prefilled.forEach((name, value) -> {
            if (!described.contains(name)) { // not in the schema, but the matrix needs it
                text.append(indent).append(name).append(": ").append(MatrixCell.yamlText(value)).append('\n');
            }
        });
        for (Field field : fields) {
            String value = prefilled.get(field.name());
            if (field.required() || value != null) {
                text.append(indent).append("# ").append(field.name()).append(" (").append(field.required() ? "required, " : "")
                        .append(field.type()).append(")")
                        .append(field.description().isEmpty() ? "" : ": " + field.description()).append('\n')
                        .append(indent).append(field.name()).append(":")
                        .append(value == null ? "" : " " + MatrixCell.yamlText(value)).append("\n");
            }
        }
        boolean first = true;
        for (Field field : fields) {
            if (!field.required() && !prefilled.containsKey(field.name())) {
                if (first) {
                    text.append(indent).append("# Optional fields: remove the '# ' to use one.\n");
                    first = false;
                }
                text.append(indent).append("# ").append(field.name()).append(": ").append(" # ").append(field.type())
                        .append(field.description().isEmpty() ? "" : "; " + field.description()).append('\n');
            }
        }
    }

    /** The schema's top-level fields, required ones first in schema order, then the others. */
    static List<Field> fields(SourceFile schemaFile, CollectionConfig collection) throws IOException {
        List<Field> required = new ArrayList<>();
        List<Field> optional = new ArrayList<>();
        if (schemaFile == null) {
            return required;
        }
        JsonNode schema = new ObjectMapper().readTree(schemaFile.text());
        Set<String> requiredNames = new TreeSet<>();
        schema.path("required").forEach(name -> requiredNames.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            if (name.equals("id") || name.equals("draft")) {
                continue;
            }
            Field field = new Field(name, requiredNames.contains(name), typeOf(name, property.getValue(), collection),
                    property.getValue().path("description").asText("").strip());
            (field.required() ? required : optional).add(field);
        }
        required.addAll(optional);
        return required;
    }

    private static String typeOf(String name, JsonNode property, CollectionConfig collection) {
        CollectionConfig.Reference reference = collection.references().get(name);
        boolean list = property.path("type").asText().equals("array");
        if (reference != null) {
            return list ? "a list of ids of " + reference.target() + " entries, like [a, b]"
                    : "the id of an entry of " + reference.target();
        }
        JsonNode typed = list ? property.path("items") : property;
        String type;
        if (typed.has("enum")) {
            List<String> values = new ArrayList<>();
            typed.get("enum").forEach(value -> values.add(value.asText()));
            type = "one of: " + String.join(", ", values);
        } else if (typed.path("format").asText().equals("date")) {
            type = "a date, YYYY-MM-DD";
        } else {
            type = switch (typed.path("type").asText()) {
                case "integer" -> "a whole number";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                case "string" -> "text";
                default -> "a value";
            };
        }
        return list ? "a list of: " + type : type;
    }
}
