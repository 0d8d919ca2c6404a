package dev.explainer.yaml;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.ForbiddenCharacters;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML as plain data only, with positions.
 *
 * <p>SnakeYAML composes the node graph (with its alias, depth and size limits, and no alias
 * inside the node it names); typing is then done here rather than by SnakeYAML's YAML 1.1
 * resolver, so that {@code no} stays the string "no", {@code 01234} stays a string, and a bare
 * date becomes a {@link LocalDate} rather than a {@code java.util.Date} in the machine's time
 * zone (a day that does not exist stays text). Tags other than {@code !!str}, merge keys and
 * duplicate keys are errors; syntax errors are told in editors' words ({@link SyntaxMessages}).
 * A parser is immutable and may be shared between threads: each call builds its own SnakeYAML
 * instance, which is not thread-safe.
 */
public final class YamlParser {
    /** How many aliases one file may use; a YAML "billion laughs" needs many more. */
    public static final int ALIAS_LIMIT = 20;
    private static final int NESTING_LIMIT = 40;

    /**
     * Marks a plain scalar written without a tag; {@link PlainScalars} types it. SnakeYAML's own
     * resolver would run its YAML 1.1 regular expressions over every scalar only for us to
     * ignore the result.
     */
    private static final Tag UNTAGGED = new Tag("tag:explainer.dev,2026:untagged");

    /** Resolves untagged plain scalars to {@link #UNTAGGED} (or a merge key), quoted ones to strings. */
    private static final class UntaggedResolver extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar) {
                if (implicit && value.equals("<<")) {
                    return Tag.MERGE; // reported: merge keys are not supported
                }
                return implicit ? UNTAGGED : Tag.STR;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /** Only read after construction, so one instance of each serves every thread. */
    private final Resolver resolver = new UntaggedResolver();
    private final LoaderOptions options = loaderOptions();

    /** Parsed data, if any, and every problem found. */
    public record Result(Optional<YamlNode> root, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return root.isPresent() && diagnostics.isEmpty();
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param path       the file's path, for positions
     * @param yaml       the YAML text (for front matter, only the part between the fences)
     * @param firstLine  the 1-based line of the file at which {@code yaml} starts
     */
    public Result parse(String path, String yaml, int firstLine) {
        List<Diagnostic> problems = new ArrayList<>();
        Node node;
        try {
            node = new Composer(new RecursiveAliasGuard(newParser(yaml)), resolver, options).getSingleNode();
        } catch (RecursiveAliasGuard.RecursiveAlias e) {
            problems.add(Diagnostic.error(DiagnosticCode.YAML_ALIAS, position(path, e.alias(), firstLine),
                    "an alias may not refer to the node that contains it: '*" + e.anchor() + "' stands inside the value marked '&"
                            + e.anchor() + "' on line " + (firstLine + e.anchored().getLine()) + "; write the values out instead"));
            return new Result(Optional.empty(), problems);
        } catch (MarkedYAMLException e) {
            SyntaxMessages.Located located = SyntaxMessages.describe(yaml, firstLine, e);
            problems.add(Diagnostic.error(DiagnosticCode.YAML_SYNTAX, new Position(path, firstLine + located.line(), located.column() + 1),
                    located.message()));
            return new Result(Optional.empty(), problems);
        } catch (YAMLException e) {
            problems.add(locateLimit(path, yaml, firstLine, e));
            return new Result(Optional.empty(), problems);
        }
        if (node == null) {
            return new Result(Optional.of(new YamlNode.Mapping(Map.of(), new Position(path, firstLine, 1))), problems);
        }
        YamlNode root = convert(path, node, firstLine, problems);
        return new Result(Optional.ofNullable(root), problems);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(ALIAS_LIMIT);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(NESTING_LIMIT);
        options.setProcessComments(false);
        // Tags are reported by this class, with a clear message, while the rest of the file is
        // still read. Nothing is ever constructed from a tag: only nodes are composed.
        options.setTagInspector(tag -> true);
        return options;
    }

    /** SnakeYAML's parser alone: no constructor or representer is needed to compose nodes. */
    private Parser newParser(String yaml) {
        return new ParserImpl(new StreamReader(new StringReader(yaml)), options);
    }

    /** SnakeYAML's alias limit error carries no position: find the alias that broke it. */
    private Diagnostic locateLimit(String path, String yaml, int firstLine, YAMLException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("aliases")) {
            int seen = 0;
            try {
                Parser events = newParser(yaml);
                while (events.peekEvent() != null && !events.checkEvent(Event.ID.StreamEnd)) {
                    Event event = events.getEvent();
                    if (event instanceof AliasEvent && ++seen > ALIAS_LIMIT) {
                        return Diagnostic.error(DiagnosticCode.YAML_ALIAS, position(path, event.getStartMark(), firstLine),
                                "too many YAML aliases (more than " + ALIAS_LIMIT
                                        + "); write the values out instead of repeating anchors");
                    }
                }
            } catch (YAMLException ignored) {
                // fall through to the positionless report below
            }
            return Diagnostic.error(DiagnosticCode.YAML_ALIAS, new Position(path, firstLine, 1),
                    "too many YAML aliases (more than " + ALIAS_LIMIT + ")");
        }
        if (text.contains("Nesting Depth")) {
            int depth = 0;
            try {
                Parser events = newParser(yaml);
                while (events.peekEvent() != null && !events.checkEvent(Event.ID.StreamEnd)) {
                    Event event = events.getEvent();
                    if (event instanceof CollectionStartEvent && ++depth > NESTING_LIMIT) {
                        return Diagnostic.error(DiagnosticCode.YAML_DEPTH, position(path, event.getStartMark(), firstLine), "lists and mappings"
                                + " are nested more than " + NESTING_LIMIT + " deep here; content is plain data: flatten it");
                    } else if (event instanceof CollectionEndEvent) {
                        depth--;
                    }
                }
            } catch (YAMLException ignored) {
                // fall through to the positionless report below
            }
        }
        return Diagnostic.error(DiagnosticCode.YAML_SYNTAX, new Position(path, firstLine, 1), "YAML could not be read: " + text);
    }

    private static Position position(String path, Mark mark, int firstLine) {
        if (mark == null) {
            return new Position(path, firstLine, 1);
        }
        return new Position(path, firstLine + mark.getLine(), mark.getColumn() + 1);
    }

    private YamlNode convert(String path, Node node, int firstLine, List<Diagnostic> problems) {
        Position at = position(path, node.getStartMark(), firstLine);
        if (node instanceof ScalarNode scalar) {
            return convertScalar(scalar, at, problems);
        }
        if (node instanceof SequenceNode sequence) {
            if (!Tag.SEQ.equals(node.getTag())) {
                problems.add(Diagnostic.error(DiagnosticCode.YAML_TAG, at, unsupportedTag(node.getTag())));
                return null;
            }
            List<YamlNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                YamlNode converted = convert(path, item, firstLine, problems);
                if (converted != null) {
                    items.add(converted);
                }
            }
            return new YamlNode.Sequence(items, at);
        }
        MappingNode mapping = (MappingNode) node;
        if (!Tag.MAP.equals(node.getTag())) {
            problems.add(Diagnostic.error(DiagnosticCode.YAML_TAG, at, unsupportedTag(node.getTag())));
            return null;
        }
        Map<String, YamlNode.Member> members = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Position keyAt = position(path, keyNode.getStartMark(), firstLine);
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                problems.add(Diagnostic.error(DiagnosticCode.YAML_KEY, keyAt, "a key must be a plain name, not " + kind(keyNode)));
                continue;
            }
            if (Tag.MERGE.equals(keyNode.getTag())) {
                problems.add(Diagnostic.error(DiagnosticCode.YAML_MERGE_KEY, keyAt, "YAML merge keys ('<<') are not supported; write the keys out"));
                continue;
            }
            String key = keyScalar.getValue();
            Optional<String> forbidden = forbiddenCharacter(keyScalar);
            if (forbidden.isPresent()) {
                problems.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER, keyAt, "the key '" + key + "' holds " + forbidden.get()));
                continue;
            }
            YamlNode.Member earlier = members.get(key);
            if (earlier != null) {
                problems.add(Diagnostic.error(DiagnosticCode.YAML_DUPLICATE_KEY, keyAt, "duplicate key '" + key + "' (first given at line "
                        + earlier.keyPosition().line() + "); remove one of them"));
                continue;
            }
            YamlNode value = convert(path, tuple.getValueNode(), firstLine, problems);
            if (value != null) {
                members.put(key, new YamlNode.Member(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(members, at);
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }

    private YamlNode convertScalar(ScalarNode scalar, Position at, List<Diagnostic> problems) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (UNTAGGED.equals(tag) || (Tag.MERGE.equals(tag) && text.equals("<<"))) {
            return new YamlNode.Scalar(PlainScalars.type(text), at); // "<<" as a value is text
        }
        if (Tag.STR.equals(tag)) {
            forbiddenCharacter(scalar).ifPresent(problem ->
                    problems.add(Diagnostic.error(DiagnosticCode.FORBIDDEN_CHARACTER, at, "the quoted string holds " + problem)));
            return new YamlNode.Scalar(text, at); // quoted, or tagged !!str
        }
        problems.add(Diagnostic.error(DiagnosticCode.YAML_TAG, at, unsupportedTag(tag)));
        return null;
    }

    /**
     * What is wrong with the first character of a double-quoted scalar that no page or feed may
     * hold, if it has one. Only its escapes (such as <code>"&#92;x01"</code> or <code>"&#92;e"</code>)
     * can write one: such a character written as it is was refused when the file was read.
     */
    private static Optional<String> forbiddenCharacter(ScalarNode scalar) {
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            return Optional.empty();
        }
        String text = scalar.getValue();
        int at = ForbiddenCharacters.indexOf(text, 0);
        if (at < 0) {
            return Optional.empty();
        }
        int codePoint = text.codePointAt(at);
        String escape = codePoint <= 0xFF ? String.format(Locale.ROOT, "\\x%02X", codePoint)
                : Character.isBmpCodePoint(codePoint) ? String.format(Locale.ROOT, "\\u%04X", codePoint)
                : String.format(Locale.ROOT, "\\U%08X", codePoint);
        String fix = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE
                ? "half of a surrogate pair and no character on its own; write the character itself instead of escapes"
                : "web pages and feeds cannot hold it; remove the escape";
        return Optional.of(ForbiddenCharacters.describe(codePoint) + " (written with an escape such as " + escape + "): " + fix);
    }


    private static String unsupportedTag(Tag tag) {
        return "YAML tag '" + tag.getValue().replace(Tag.PREFIX, "!!")
                + "' is not allowed: content is plain data (strings, numbers, booleans, dates, lists and mappings)";
    }
}
