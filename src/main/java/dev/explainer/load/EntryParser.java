package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlNode;
import dev.explainer.yaml.YamlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a content file into entries. Pure: it reads no disk, so tests and the live
 * preview can feed it text directly.
 */
public final class EntryParser {
    /** The opening fence must be the file's first line; the closing one is '---' or '...'. */
    private static final Pattern OPENING = Pattern.compile("\\A---[ \\t]*\\r?\\n");
    private static final Pattern CLOSING = Pattern.compile("^(---|\\.\\.\\.)[ \\t]*(\\r?\\n|\\z)", Pattern.MULTILINE);

    private final YamlParser yaml;

    public EntryParser(YamlParser yaml) {
        this.yaml = yaml;
    }

    /** Entries parsed from one file, and the problems found on the way. */
    public record Parsed(List<RawEntry> entries, List<Diagnostic> diagnostics) {
    }

    /** A Markdown file with YAML front matter: one entry, its id the file name. */
    public Parsed parseMarkdown(String collection, SourceFile file) {
        List<Diagnostic> problems = new ArrayList<>();
        String text = file.text();
        String id = baseName(file.path());
        Position start = Position.startOf(file.path());
        Matcher opening = OPENING.matcher(text);
        if (!opening.lookingAt()) {
            // One error that says what is wrong, rather than one per field the schema requires.
            problems.add(Diagnostic.error(DiagnosticCode.FRONT_MATTER, start, "this file has no front matter: it must start with a line '---',"
                    + " then the entry's fields, then '---'"));
            return new Parsed(List.of(), problems);
        }
        Matcher closing = CLOSING.matcher(text);
        if (!closing.find(opening.end())) {
            problems.add(Diagnostic.error(DiagnosticCode.FRONT_MATTER, start,
                    "front matter is not closed: add a line '---' after its last field"));
            return new Parsed(List.of(), problems);
        }
        String frontMatter = text.substring(opening.end(), closing.start());
        YamlParser.Result result = yaml.parse(file.path(), frontMatter, 2);
        problems.addAll(result.diagnostics());
        if (result.root().isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (!(result.root().get() instanceof YamlNode.Mapping fields)) {
            problems.add(Diagnostic.error(DiagnosticCode.FRONT_MATTER, result.root().get().position(),
                    "front matter must be a mapping of fields (name: value), not " + result.root().get().describe()));
            return new Parsed(List.of(), problems);
        }
        int bodyOffset = closing.end();
        if (fields.get(ReservedFields.ID).isPresent()) {
            problems.add(Diagnostic.error(DiagnosticCode.ID_FIELD, fields.member(ReservedFields.ID).get().keyPosition(),
                    "a Markdown entry's id is its file name ('" + id + "'); remove the 'id' field or rename the file"));
        }
        Optional<Boolean> draft = draft(fields, problems);
        RawEntry.Body body = new RawEntry.Body(file, bodyOffset);
        RawEntry entry = new RawEntry(collection, id, start, withoutReserved(fields),
                draft.orElse(false), Optional.of(body));
        return new Parsed(List.of(entry), problems);
    }

    /** A YAML data file holding a list of entries, each with an {@code id} field. */
    public Parsed parseDataFile(String collection, SourceFile file) {
        List<Diagnostic> problems = new ArrayList<>();
        YamlParser.Result result = yaml.parse(file.path(), file.text(), 1);
        problems.addAll(result.diagnostics());
        if (result.root().isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        YamlNode root = result.root().get();
        if (root instanceof YamlNode.Mapping empty && empty.members().isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        if (!(root instanceof YamlNode.Sequence sequence)) {
            problems.add(Diagnostic.error(DiagnosticCode.DATA_FILE, root.position(),
                    "a data file must be a list of entries, each starting with '- id: ...'"));
            return new Parsed(List.of(), problems);
        }
        List<RawEntry> entries = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            if (!(item instanceof YamlNode.Mapping fields)) {
                problems.add(Diagnostic.error(DiagnosticCode.ID_FIELD, item.position(),
                        "each item of a data file must be a mapping of fields with an 'id', not " + item.describe()));
                continue;
            }
            Optional<YamlNode> idNode = fields.get(ReservedFields.ID);
            if (idNode.isEmpty()) {
                problems.add(Diagnostic.error(DiagnosticCode.ID_FIELD, fields.position(), "this entry has no 'id'; add one, e.g. 'id: my-entry'"));
                continue;
            }
            if (!(idNode.get() instanceof YamlNode.Scalar scalar) || !(scalar.value() instanceof String id)) {
                problems.add(Diagnostic.error(DiagnosticCode.ID_FIELD, idNode.get().position(),
                        "'id' must be a string such as 'my-entry', not " + idNode.get().describe()));
                continue;
            }
            Optional<Boolean> draft = draft(fields, problems);
            entries.add(new RawEntry(collection, id, idNode.get().position(), withoutReserved(fields),
                    draft.orElse(false), Optional.empty()));
        }
        return new Parsed(entries, problems);
    }

    private static Optional<Boolean> draft(YamlNode.Mapping fields, List<Diagnostic> problems) {
        Optional<YamlNode> node = fields.get(ReservedFields.DRAFT);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean value) {
            return Optional.of(value);
        }
        problems.add(Diagnostic.error(DiagnosticCode.DRAFT_FIELD, node.get().position(), "'draft' must be true or false, not " + node.get().describe()));
        return Optional.empty();
    }

    /** An entry's fields: what it holds without the keys the engine reads itself. */
    private static YamlNode.Mapping withoutReserved(YamlNode.Mapping fields) {
        return fields.without(ReservedFields.READ_BY_LOADER);
    }

    private static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
