package dev.explainer.markdown;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shortcodes a site declares: one per template in {@code templates/shortcodes/}, named by its
 * file ({@code callout.ftlh} is {@code callout}), its arguments and body declared in the
 * template's first FreeMarker comment, so that a call can be checked before anything renders:
 *
 * <pre>
 * &lt;#-- A card for one statement.
 *   &#64;param id reference:statements required
 *   &#64;param wide boolean
 *   &#64;body
 * --&gt;
 * </pre>
 *
 * <p>An argument's type is {@code text}, {@code number}, {@code boolean} or
 * {@code reference:COLLECTION}; {@code @body} says that the call encloses Markdown and is closed
 * by {@code {{< /NAME >}}}. Other lines of the comment are the author's notes.
 *
 * @param enabled whether calls are read at all (the site's {@code markdown.shortcodes}); if not,
 *                {@code {{<} is text like any other
 * @param byName  the declared shortcodes by name, sorted
 */
public record Shortcodes(boolean enabled, Map<String, Shortcode> byName) {
    /** A site without shortcodes: a call is an unknown shortcode. */
    public static final Shortcodes NONE = new Shortcodes(true, Map.of());
    /** A site that does not read calls. */
    public static final Shortcodes OFF = new Shortcodes(false, Map.of());

    /** Where the shortcode templates are, below {@code templates/}. */
    public static final String FOLDER = "shortcodes/";

    /** What a shortcode template sees besides its arguments: a page's names, and {@code body}. */
    static final java.util.List<String> TEMPLATE_NAMES = java.util.List.of("body", "changelog", "collections", "entry", "href", "json",
            "lookup", "matrices", "page", "root", "site", "t");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern TAG_LINE = Pattern.compile("(?m)^([ \\t]*)@(\\S*)([^\\n]*)$");

    /** One shortcode: its template (below {@code templates/}), its arguments in order, and whether it takes a body. */
    public record Shortcode(String name, String template, Map<String, Parameter> parameters, boolean body) {
    }

    /** What an argument holds. */
    public enum Type {
        TEXT("text"), NUMBER("number"), BOOLEAN("boolean"), REFERENCE("reference");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * A declared argument.
     *
     * @param collection for a reference, the collection whose id it names; else empty
     */
    public record Parameter(String name, Type type, Optional<String> collection, boolean required) {
        /** How the type is written in a declaration and named in messages. */
        public String typeName() {
            return type == Type.REFERENCE ? "reference:" + collection.orElseThrow() : type.word();
        }
    }

    /**
     * The shortcodes declared by the templates in {@link #FOLDER}, with a problem at its line for
     * each declaration that cannot be read.
     *
     * @param templates   every template by its name below {@code templates/}
     * @param collections the site's collection names, which a reference argument must name
     */
    public static Shortcodes declared(Map<String, SourceFile> templates, Collection<String> collections, Diagnostics problems) {
        Map<String, Shortcode> byName = new TreeMap<>();
        for (Map.Entry<String, SourceFile> template : new TreeMap<>(templates).entrySet()) {
            String name = template.getKey();
            if (!name.startsWith(FOLDER)) {
                continue;
            }
            String file = name.substring(FOLDER.length());
            if (!file.endsWith(".ftlh") || file.contains("/")) {
                continue; // a template a shortcode may import or include, not one of its own
            }
            String shortcode = file.substring(0, file.length() - ".ftlh".length());
            SourceFile source = template.getValue();
            if (!NAME.matcher(shortcode).matches()) {
                problems.error(DiagnosticCode.SHORTCODE_DECLARATION, Position.startOf(source.path()), "the shortcode name '" + shortcode
                        + "' may hold only lower-case letters, digits, '-' and '_', and start with a letter or digit; rename the file");
                continue;
            }
            byName.put(shortcode, declaration(shortcode, name, source, collections, problems));
        }
        return byName.isEmpty() ? NONE : new Shortcodes(true, Map.copyOf(byName));
    }

    private static Shortcode declaration(String name, String template, SourceFile source, Collection<String> collections,
                                         Diagnostics problems) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        boolean body = false;
        String text = source.text();
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (!text.startsWith("<#--", start)) {
            return new Shortcode(name, template, Map.of(), false);
        }
        int end = text.indexOf("-->", start);
        if (end < 0) {
            return new Shortcode(name, template, Map.of(), false); // the template's own syntax error says so
        }
        String comment = text.substring(0, end);
        Matcher line = TAG_LINE.matcher(comment);
        line.region(start + 4, end);
        while (line.find()) {
            Position at = source.positionOf(line.start(2) - 1);
            String tag = line.group(2);
            String[] words = line.group(3).trim().isEmpty() ? new String[0] : line.group(3).trim().split("\\s+");
            if (tag.equals("body")) {
                if (words.length > 0) {
                    problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "'@body' takes nothing after it; write '@body' alone");
                }
                body = true;
            } else if (tag.equals("param")) {
                parameter(words, at, collections, problems).ifPresent(parameter -> {
                    if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                        problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "the argument '" + parameter.name()
                                + "' is declared twice; remove one");
                    }
                });
            } else {
                problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "unknown declaration '@" + tag
                        + "'; a shortcode declares '@param NAME TYPE' (with 'required' if it must be given) and '@body'");
            }
        }
        return new Shortcode(name, template, java.util.Collections.unmodifiableMap(parameters), body);
    }

    private static Optional<Parameter> parameter(String[] words, Position at, Collection<String> collections, Diagnostics problems) {
        String form = "write '@param NAME TYPE', with TYPE text, number, boolean or reference:COLLECTION, and 'required' after it"
                + " if the call must give it";
        if (words.length < 2 || words.length > 3 || (words.length == 3 && !words[2].equals("required"))) {
            problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "this '@param' cannot be read; " + form);
            return Optional.empty();
        }
        if (!NAME.matcher(words[0]).matches()) {
            problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "the argument name '" + words[0]
                    + "' may hold only lower-case letters, digits, '-' and '_'");
            return Optional.empty();
        }
        if (TEMPLATE_NAMES.contains(words[0])) {
            problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "the argument name '" + words[0] + "' is a name the template"
                    + " already has (" + String.join(", ", TEMPLATE_NAMES) + "); choose another");
            return Optional.empty();
        }
        boolean required = words.length == 3;
        String type = words[1];
        if (type.startsWith("reference:")) {
            String collection = type.substring("reference:".length());
            if (!collections.contains(collection)) {
                String hint = dev.explainer.text.Suggestions.closest(collection, collections).map(s -> "; did you mean '" + s + "'?")
                        .orElse("");
                problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "the argument '" + words[0] + "' refers to '" + collection
                        + "', which is not a collection of content/site.yaml" + hint);
                return Optional.empty();
            }
            return Optional.of(new Parameter(words[0], Type.REFERENCE, Optional.of(collection), required));
        }
        for (Type known : Type.values()) {
            if (known != Type.REFERENCE && known.word().equals(type)) {
                return Optional.of(new Parameter(words[0], known, Optional.empty(), required));
            }
        }
        problems.error(DiagnosticCode.SHORTCODE_DECLARATION, at, "unknown argument type '" + type + "'; " + form);
        return Optional.empty();
    }
}
