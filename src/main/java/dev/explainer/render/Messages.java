package dev.explainer.render;

import dev.explainer.config.LanguageFormat;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceLayout;
import dev.explainer.text.SourceFile;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.YamlNode;
import dev.explainer.yaml.YamlParser;

import freemarker.template.TemplateModelException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interface strings of the templates, one message file per language
 * ({@code templates/i18n/LANG.yaml}): a mapping whose nested mappings give dotted keys
 * ({@code menu: {home: Home}} is {@code menu.home}). Every language must have every key, so that
 * no edition shows a key where a word should be; a file for a language the site does not use is an
 * error, as its strings would never be shown.
 */
final class Messages {
    /** The folder below {@code templates/} that holds the message files. */
    static final String FOLDER = "i18n/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private record Text(String value, Position position) {
    }

    /** Key to text, by language code; empty for a site without message files. */
    private final Map<String, Map<String, Text>> byLanguage;

    private Messages(Map<String, Map<String, Text>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** Whether a name below {@code templates/} is a message file. */
    static boolean isMessageFile(String name) {
        return SourceLayout.isMessageFile(name);
    }

    /** The message files among {@code sources}, read and checked against each other and the site's languages. */
    static Messages read(Map<String, SourceFile> sources, List<LanguageFormat> languages, List<Diagnostic> problems) {
        Map<String, Map<String, Text>> byLanguage = new TreeMap<>();
        Map<String, String> fileOf = new TreeMap<>();
        Map<String, Map<String, Position>> sectionsOf = new TreeMap<>(); // "menu" -> where "menu:" is written
        YamlParser yaml = new YamlParser();
        List<String> codes = languages.stream().map(LanguageFormat::code).toList();
        new TreeMap<>(sources).forEach((name, file) -> {
            if (!isMessageFile(name)) {
                return;
            }
            String path = SourceLayout.TEMPLATES + "/" + name;
            String code = name.substring(FOLDER.length(), name.length() - ".yaml".length());
            if (!codes.contains(code)) {
                problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, Position.startOf(path), "a message file for '" + code
                        + "', which is not a language of the site (" + String.join(", ", codes) + "); rename or remove it"));
                return;
            }
            YamlParser.Result parsed = yaml.parse(path, file.text(), 1);
            problems.addAll(parsed.diagnostics());
            Map<String, Text> texts = new LinkedHashMap<>();
            Map<String, Position> sections = new TreeMap<>();
            Optional<YamlNode> root = parsed.root();
            if (root.isPresent() && root.get() instanceof YamlNode.Mapping mapping) {
                flatten("", mapping, texts, sections, problems);
            } else if (parsed.diagnostics().isEmpty()) {
                problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, root.map(YamlNode::position).orElse(Position.startOf(path)),
                        "a message file must be a mapping of keys to texts, such as 'menu: {home: Home}'"));
            }
            byLanguage.put(tagOf(code), texts);
            fileOf.put(tagOf(code), path);
            sectionsOf.put(tagOf(code), sections);
        });
        if (!byLanguage.isEmpty()) {
            checkEveryKeyInEveryLanguage(byLanguage, fileOf, sectionsOf, codes, problems);
        }
        return new Messages(byLanguage);
    }

    private static void flatten(String prefix, YamlNode.Mapping mapping, Map<String, Text> texts, Map<String, Position> sections,
                                List<Diagnostic> problems) {
        for (YamlNode.Member member : mapping.members().values()) {
            String key = prefix + member.key();
            YamlNode value = member.value();
            if (value instanceof YamlNode.Mapping nested) {
                sections.putIfAbsent(key, member.keyPosition());
                flatten(key + ".", nested, texts, sections, problems);
            } else if (texts.containsKey(key)) { // "menu.home: A" beside "menu: {home: B}"
                problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, member.keyPosition(), "message '" + key
                        + "' is given twice, here and at line " + texts.get(key).position().line() + "; keep one"));
            } else if (value instanceof YamlNode.Scalar scalar && scalar.value() != null) {
                texts.put(key, new Text(String.valueOf(scalar.value()), member.keyPosition()));
            } else {
                problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, member.keyPosition(), "message '" + key + "' is "
                        + (value instanceof YamlNode.Scalar ? "empty" : value.describe()) + "; write its text, or a mapping of keys below it"));
            }
        }
    }

    /**
     * A key one file has and another lacks, reported at the file that lacks it (at the mapping it
     * belongs in, if that file has it: {@code menu:} for {@code menu.about}); a language with no
     * file at all, once.
     */
    private static void checkEveryKeyInEveryLanguage(Map<String, Map<String, Text>> byLanguage, Map<String, String> fileOf,
                                                     Map<String, Map<String, Position>> sectionsOf, List<String> codes,
                                                     List<Diagnostic> problems) {
        String anyFile = fileOf.values().iterator().next();
        for (String code : codes) {
            if (!byLanguage.containsKey(tagOf(code))) {
                problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, Position.startOf(anyFile), "the site's language '" + code
                        + "' has no message file; add " + SourceLayout.TEMPLATES + "/" + FOLDER + code + ".yaml with the keys of this one"));
            }
        }
        for (Map.Entry<String, Map<String, Text>> language : byLanguage.entrySet()) {
            Map<String, Text> texts = language.getValue();
            String path = fileOf.get(language.getKey());
            Map<String, String> missing = new TreeMap<>(); // key -> the first file that has it
            byLanguage.forEach((other, otherTexts) -> otherTexts.keySet().stream().filter(key -> !texts.containsKey(key))
                    .forEach(key -> missing.putIfAbsent(key, fileOf.get(other))));
            Map<String, Position> sections = sectionsOf.get(language.getKey());
            missing.forEach((key, having) -> problems.add(Diagnostic.error(DiagnosticCode.MESSAGES, sectionOf(key, sections, path),
                    "message '" + key + "' is missing: " + having + " has it; add its text in this language")));
        }
    }

    /** Where the mapping {@code key} belongs in is written, the innermost the file has; else the file's start. */
    private static Position sectionOf(String key, Map<String, Position> sections, String path) {
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            Position section = sections.get(key.substring(0, dot));
            if (section != null) {
                return section;
            }
        }
        return Position.startOf(path);
    }

    /** A language code as the locale of a render gives it back: {@code en-GB} for {@code en-gb}. */
    private static String tagOf(String code) {
        return java.util.Locale.forLanguageTag(code).toLanguageTag();
    }

    /** Whether the site has message files. */
    boolean present() {
        return !byLanguage.isEmpty();
    }

    /**
     * The text of {@code key} in {@code language}, its placeholders {@code {0}}, {@code {1}} ...
     * filled from {@code arguments}; an editor's message naming the closest key if there is none.
     */
    String format(String language, String key, List<String> arguments) throws TemplateModelException {
        if (byLanguage.isEmpty()) {
            throw new TemplateModelException("t: the site has no message files; add " + SourceLayout.TEMPLATES + "/" + FOLDER
                    + language + ".yaml with the key '" + key + "'");
        }
        Map<String, Text> texts = byLanguage.getOrDefault(tagOf(language), Map.of());
        Text text = texts.get(key);
        if (text == null) {
            List<String> keys = keys();
            if (keys.contains(key)) { // reported at the message file as well
                throw new TemplateModelException("t: message '" + key + "' is missing in " + SourceLayout.TEMPLATES + "/" + FOLDER
                        + language + ".yaml");
            }
            throw new TemplateModelException("t: no message file has the key '" + key + "'"
                    + Suggestions.closest(key, keys).map(closest -> "; did you mean '" + closest + "'?").orElse(""));
        }
        Matcher placeholder = PLACEHOLDER.matcher(text.value());
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1).length() > 3 ? "1000" : placeholder.group(1));
            if (index >= arguments.size()) {
                throw new TemplateModelException("t: message '" + key + "' (" + SourceLayout.TEMPLATES + "/" + FOLDER + language
                        + ".yaml:" + text.position().line() + ") has {" + placeholder.group(1) + "}, but the template gives "
                        + arguments.size() + " argument" + (arguments.size() == 1 ? "" : "s") + " after the key");
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(arguments.get(index)));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** Every key of every language, sorted. */
    List<String> keys() {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        byLanguage.values().forEach(texts -> keys.addAll(texts.keySet()));
        return new ArrayList<>(keys);
    }
}
