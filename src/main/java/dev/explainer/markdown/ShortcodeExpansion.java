package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.text.Suggestions;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Finds the shortcode calls of a text ({@code {{< name arg="value" >}}}, and for a shortcode
 * with a body {@code {{< name >}}Markdown{{< /name >}}}), checks each against its declaration,
 * and replaces each call that is right with its marker ({@link ShortcodeCall#marker}); a call
 * inside a code span or a code block is text, and stays as written. A body is rendered as
 * Markdown of its own, with the same settings, so that its links are checked and its raw HTML
 * escaped like any other.
 */
final class ShortcodeExpansion {
    static final String OPEN = "{{<";
    private static final String CLOSE = ">}}";
    /** Shortcodes with bodies inside one another: more is surely a mistake, and each level renders its body again. */
    static final int MOST_NESTED = 16;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String AS_TEXT = "; to show '{{<' as text, write '\\{{<'";

    /** A part of the body to render on its own: {@code text} starts at {@code base} in the body. */
    record Source(String text, int base) {
    }

    /** A body rendered: its HTML, its problems and its fragment links. */
    record Part(String html, List<Diagnostic> diagnostics, List<RenderedMarkdown.FragmentLink> fragmentLinks) {
    }

    /**
     * The text with its calls replaced.
     *
     * @param offsets where each offset of {@code text} stands in the body
     */
    record Expanded(String text, SourceOffsets offsets, List<Diagnostic> diagnostics,
                    List<RenderedMarkdown.FragmentLink> fragmentLinks) {
    }

    private record Argument(String name, int nameAt, String value, int valueAt) {
    }

    private record Tag(int start, int end, boolean closing, String name, List<Argument> arguments) {
    }

    private record Replacement(int from, int to, String text) {
    }

    private final RawEntry.Body body;
    private final Source source;
    private final Shortcodes shortcodes;
    private final int depth;
    private final List<ShortcodeCall> calls;
    private final BiFunction<Source, Integer, Part> renderBody;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();

    private ShortcodeExpansion(RawEntry.Body body, Source source, Shortcodes shortcodes, int depth, List<ShortcodeCall> calls,
                               BiFunction<Source, Integer, Part> renderBody) {
        this.body = body;
        this.source = source;
        this.shortcodes = shortcodes;
        this.depth = depth;
        this.calls = calls;
        this.renderBody = renderBody;
    }

    /**
     * The text with its calls replaced, or empty if it has none outside code.
     *
     * @param parsed     the text as parsed, to tell where its code is
     * @param calls      the body's calls so far; the calls found are added
     * @param renderBody renders a shortcode's body, one level deeper
     */
    static Optional<Expanded> expand(RawEntry.Body body, Source source, Document parsed, Shortcodes shortcodes, int depth,
                                     List<ShortcodeCall> calls, BiFunction<Source, Integer, Part> renderBody) {
        return new ShortcodeExpansion(body, source, shortcodes, depth, calls, renderBody).run(parsed);
    }

    private Optional<Expanded> run(Document parsed) {
        List<int[]> code = codeRanges(parsed);
        String text = source.text();
        List<Tag> tags = new ArrayList<>();
        int codeAt = 0;
        for (int at = text.indexOf(OPEN); at >= 0; ) {
            while (codeAt < code.size() && code.get(codeAt)[1] <= at) {
                codeAt++;
            }
            if (codeAt < code.size() && code.get(codeAt)[0] <= at) {
                at = text.indexOf(OPEN, code.get(codeAt)[1]);
                continue;
            }
            if (at > 0 && text.charAt(at - 1) == '\\') {
                at = text.indexOf(OPEN, at + OPEN.length()); // written "\{{<": Markdown shows the brace as written
                continue;
            }
            Tag tag = tag(at);
            if (tag == null) {
                at = text.indexOf(OPEN, at + OPEN.length());
            } else {
                tags.add(tag);
                at = text.indexOf(OPEN, tag.end());
            }
        }
        if (tags.isEmpty() && diagnostics.isEmpty()) {
            return Optional.empty();
        }
        List<Replacement> replacements = new ArrayList<>();
        int[] closes = matchingCloses(tags);
        boolean[] inside = new boolean[tags.size()];
        for (int k = 0; k < tags.size(); k++) {
            if (inside[k]) {
                continue;
            }
            Tag tag = tags.get(k);
            Shortcodes.Shortcode shortcode = shortcodes.byName().get(tag.name());
            if (shortcode == null) {
                if (!tag.closing()) {
                    error(DiagnosticCode.SHORTCODE_CALL, tag.start(), unknown(tag.name()));
                    int close = closes[k];
                    if (close >= 0) {
                        inside[close] = true; // its closing tag is no second problem
                        replacements.add(new Replacement(tags.get(close).start(), tags.get(close).end(), ""));
                    }
                }
                replacements.add(new Replacement(tag.start(), tag.end(), ""));
            } else if (tag.closing()) {
                error(DiagnosticCode.SHORTCODE_BODY, tag.start(), shortcode.body()
                        ? "'{{< /" + tag.name() + " >}}' closes no '{{< " + tag.name() + " >}}' before it; remove it"
                        : "the shortcode '" + tag.name() + "' takes no body (its template declares no '@body'), so '{{< /"
                        + tag.name() + " >}}' closes nothing; remove it");
                replacements.add(new Replacement(tag.start(), tag.end(), ""));
            } else if (!shortcode.body()) {
                Optional<Map<String, Object>> arguments = arguments(shortcode, tag);
                replacements.add(new Replacement(tag.start(), tag.end(),
                        arguments.map(given -> call(shortcode, tag, given, Optional.empty())).orElse("")));
            } else {
                int close = closes[k];
                if (close < 0) {
                    error(DiagnosticCode.SHORTCODE_BODY, tag.start(), "the shortcode '" + tag.name()
                            + "' takes a body and is not closed; end its body with {{< /" + tag.name() + " >}}");
                    replacements.add(new Replacement(tag.start(), tag.end(), ""));
                    continue;
                }
                for (int j = k + 1; j <= close; j++) {
                    inside[j] = true;
                }
                Tag end = tags.get(close);
                Optional<Map<String, Object>> arguments = arguments(shortcode, tag);
                if (depth >= MOST_NESTED) {
                    error(DiagnosticCode.SHORTCODE_BODY, tag.start(), "shortcodes with bodies are nested here more than "
                            + MOST_NESTED + " deep; take some out of the others");
                    replacements.add(new Replacement(tag.start(), end.end(), ""));
                    continue;
                }
                Part inner = renderBody.apply(new Source(text.substring(tag.end(), end.start()), source.base() + tag.end()), depth + 1);
                diagnostics.addAll(inner.diagnostics());
                fragmentLinks.addAll(inner.fragmentLinks());
                replacements.add(new Replacement(tag.start(), end.end(),
                        arguments.map(given -> call(shortcode, tag, given, Optional.of(inner.html()))).orElse("")));
            }
        }
        replacements.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return Optional.of(replaced(text, replacements));
    }

    private String call(Shortcodes.Shortcode shortcode, Tag tag, Map<String, Object> arguments, Optional<String> html) {
        ShortcodeCall call = new ShortcodeCall(calls.size(), shortcode.name(), shortcode.template(), position(tag.start()), arguments, html);
        calls.add(call);
        return ShortcodeCall.marker(call.index());
    }

    private Expanded replaced(String text, List<Replacement> replacements) {
        StringBuilder out = new StringBuilder(text.length());
        List<Integer> textAt = new ArrayList<>(List.of(0));
        List<Integer> bodyAt = new ArrayList<>(List.of(source.base()));
        int from = 0;
        for (Replacement replacement : replacements) {
            out.append(text, from, replacement.from());
            textAt.add(out.length());
            bodyAt.add(source.base() + replacement.from());
            out.append(replacement.text());
            textAt.add(out.length());
            bodyAt.add(source.base() + replacement.to());
            from = replacement.to();
        }
        out.append(text, from, text.length());
        SourceOffsets offsets = new SourceOffsets(textAt.stream().mapToInt(Integer::intValue).toArray(),
                bodyAt.stream().mapToInt(Integer::intValue).toArray());
        return new Expanded(out.toString(), offsets, List.copyOf(diagnostics), List.copyOf(fragmentLinks));
    }

    /**
     * For each opening tag, the closing tag of the same name that ends its body (tags of that
     * name inside it are matched first), or -1 if none does. One pass with a stack per name, so
     * that thousands of unclosed tags cost no more than thousands of closed ones.
     */
    private static int[] matchingCloses(List<Tag> tags) {
        int[] closes = new int[tags.size()];
        java.util.Arrays.fill(closes, -1);
        Map<String, java.util.ArrayDeque<Integer>> open = new java.util.HashMap<>();
        for (int j = 0; j < tags.size(); j++) {
            Tag tag = tags.get(j);
            java.util.ArrayDeque<Integer> unclosed = open.computeIfAbsent(tag.name(), name -> new java.util.ArrayDeque<>());
            if (!tag.closing()) {
                unclosed.push(j);
            } else if (!unclosed.isEmpty()) {
                closes[unclosed.pop()] = j;
            }
        }
        return closes;
    }

    private String unknown(String name) {
        if (shortcodes.byName().isEmpty()) {
            return "unknown shortcode '" + name + "': the site has no shortcodes (templates in templates/shortcodes/)" + AS_TEXT;
        }
        return "unknown shortcode '" + name + "'" + Suggestions.closest(name, shortcodes.byName().keySet())
                .map(s -> "; did you mean '" + s + "'?").orElse("; the site's shortcodes are " + String.join(", ", shortcodes.byName().keySet()));
    }

    /** The arguments of a call as declared, or empty if any is wrong (each problem reported). */
    private Optional<Map<String, Object>> arguments(Shortcodes.Shortcode shortcode, Tag tag) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean right = true;
        for (Argument argument : tag.arguments()) {
            Shortcodes.Parameter parameter = shortcode.parameters().get(argument.name());
            if (parameter == null) {
                String hint = shortcode.parameters().isEmpty() ? "; it takes no arguments"
                        : Suggestions.closest(argument.name(), shortcode.parameters().keySet()).map(s -> "; did you mean '" + s + "'?")
                        .orElse("; it takes " + String.join(", ", shortcode.parameters().keySet()));
                error(DiagnosticCode.SHORTCODE_ARGUMENT, argument.nameAt(), "the shortcode '" + shortcode.name() + "' has no argument '"
                        + argument.name() + "'" + hint);
                right = false;
                continue;
            }
            if (values.containsKey(argument.name())) {
                error(DiagnosticCode.SHORTCODE_ARGUMENT, argument.nameAt(), "the argument '" + argument.name()
                        + "' is given twice; remove one");
                right = false;
                continue;
            }
            Object value = typed(shortcode, parameter, argument);
            if (value == null) {
                right = false;
            } else {
                values.put(argument.name(), value);
            }
        }
        for (Shortcodes.Parameter parameter : shortcode.parameters().values()) {
            if (parameter.required() && !values.containsKey(parameter.name())
                    && tag.arguments().stream().noneMatch(a -> a.name().equals(parameter.name()))) {
                error(DiagnosticCode.SHORTCODE_ARGUMENT, tag.start(), "the shortcode '" + shortcode.name() + "' needs the argument '"
                        + parameter.name() + "' (" + parameter.typeName() + "); add " + parameter.name() + "=\"...\"");
                right = false;
            }
        }
        return right ? Optional.of(Collections.unmodifiableMap(values)) : Optional.empty();
    }

    private Object typed(Shortcodes.Shortcode shortcode, Shortcodes.Parameter parameter, Argument argument) {
        String value = argument.value();
        String of = "the argument '" + argument.name() + "' of '" + shortcode.name() + "'";
        switch (parameter.type()) {
            case NUMBER:
                if (NUMBER.matcher(value).matches()) {
                    return new BigDecimal(value);
                }
                error(DiagnosticCode.SHORTCODE_ARGUMENT, argument.valueAt(), of + " must be a number, such as 3 or 2.5, not '" + value + "'");
                return null;
            case BOOLEAN:
                if (value.equals("true") || value.equals("false")) {
                    return Boolean.valueOf(value);
                }
                error(DiagnosticCode.SHORTCODE_ARGUMENT, argument.valueAt(), of + " must be true or false, not '" + value + "'");
                return null;
            case REFERENCE:
                if (value.isEmpty()) {
                    error(DiagnosticCode.SHORTCODE_ARGUMENT, argument.valueAt(), of + " must name an entry of '"
                            + parameter.collection().orElseThrow() + "' by its id, not be empty");
                    return null;
                }
                return new ShortcodeCall.Reference(parameter.collection().orElseThrow(), value, argument.name(), position(argument.valueAt()));
            default:
                return value;
        }
    }

    // ---- reading a tag ----

    /** The tag at {@code start} (which holds "{{<"), or null if it cannot be read: then it is reported. */
    private Tag tag(int start) {
        String text = source.text();
        int at = skipBlanks(text, start + OPEN.length());
        boolean closing = at < text.length() && text.charAt(at) == '/';
        if (closing) {
            at = skipBlanks(text, at + 1);
        }
        int nameEnd = wordEnd(text, at);
        if (nameEnd == at) {
            error(DiagnosticCode.SHORTCODE_CALL, start, "a shortcode call needs a name after '{{<', such as {{< name >}}" + AS_TEXT);
            return null;
        }
        String name = text.substring(at, nameEnd);
        if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            error(DiagnosticCode.SHORTCODE_CALL, at, "shortcode names are written in lower case: '" + name.toLowerCase(java.util.Locale.ROOT) + "'");
            return null;
        }
        List<Argument> arguments = new ArrayList<>();
        at = skipBlanks(text, nameEnd);
        while (!text.startsWith(CLOSE, at)) {
            if (at >= text.length() || closing) {
                error(DiagnosticCode.SHORTCODE_CALL, start, "this shortcode call is not ended by '>}}'; end it, such as {{< "
                        + (closing ? "/" : "") + name + " >}}" + AS_TEXT);
                return null;
            }
            int argumentEnd = wordEnd(text, at);
            if (argumentEnd == at) {
                error(DiagnosticCode.SHORTCODE_CALL, at, "expected an argument, such as name=\"value\", or '>}}' to end the call");
                return null;
            }
            String argument = text.substring(at, argumentEnd);
            if (argumentEnd >= text.length() || text.charAt(argumentEnd) != '=') {
                error(DiagnosticCode.SHORTCODE_CALL, at, "the argument '" + argument + "' needs a value: write " + argument + "=\"...\"");
                return null;
            }
            int valueAt = argumentEnd + 1;
            int valueEnd;
            String value;
            if (valueAt < text.length() && text.charAt(valueAt) == '"') {
                StringBuilder unquoted = new StringBuilder();
                int i = valueAt + 1;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                        c = text.charAt(++i);
                    }
                    unquoted.append(c);
                    i++;
                }
                if (i >= text.length() || text.charAt(i) != '"') {
                    error(DiagnosticCode.SHORTCODE_CALL, valueAt, "the value of '" + argument + "' is not closed by '\"' on its line");
                    return null;
                }
                value = unquoted.toString();
                valueEnd = i + 1;
            } else {
                valueEnd = valueAt;
                while (valueEnd < text.length() && !Character.isWhitespace(text.charAt(valueEnd)) && text.charAt(valueEnd) != '"'
                        && !text.startsWith(CLOSE, valueEnd)) {
                    valueEnd++;
                }
                if (valueEnd == valueAt) {
                    error(DiagnosticCode.SHORTCODE_CALL, valueAt, "the argument '" + argument + "' needs a value: write "
                            + argument + "=\"...\"");
                    return null;
                }
                value = text.substring(valueAt, valueEnd);
            }
            // a value's problems are reported where it starts, inside its quotes
            arguments.add(new Argument(argument, at, value, text.charAt(valueAt) == '"' ? valueAt + 1 : valueAt));
            int next = skipBlanks(text, valueEnd);
            if (next == valueEnd && !text.startsWith(CLOSE, next)) {
                error(DiagnosticCode.SHORTCODE_CALL, next, "put a space between the arguments of a shortcode call");
                return null;
            }
            at = next;
        }
        return new Tag(start, at + CLOSE.length(), closing, name, List.copyOf(arguments));
    }

    private static int skipBlanks(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The end of the name starting at {@code at}: letters, digits, '-' and '_'. */
    private static int wordEnd(String text, int at) {
        int end = at;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-' || text.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    /** Where code spans and code blocks are, in order: calls inside them are text. */
    private static List<int[]> codeRanges(Document parsed) {
        List<int[]> ranges = new ArrayList<>();
        for (Node node : parsed.getDescendants()) {
            if (node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
                if (ranges.isEmpty() || ranges.get(ranges.size() - 1)[1] <= node.getStartOffset()) {
                    ranges.add(new int[] {node.getStartOffset(), node.getEndOffset()});
                }
            }
        }
        return ranges;
    }

    private void error(DiagnosticCode code, int offset, String message) {
        diagnostics.add(Diagnostic.error(code, position(offset), message));
    }

    private Position position(int offset) {
        return body.positionOf(source.base() + offset);
    }
}
