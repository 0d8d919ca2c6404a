package dev.explainer.markdown;

import dev.explainer.diagnostic.Position;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One checked call of a shortcode in a body. The body's HTML holds {@link #marker} where the
 * call stands, which the page that shows the body replaces with the shortcode's output.
 *
 * @param index     its place in its body's list of calls, which its marker names
 * @param name      the shortcode's name
 * @param template  its template, below {@code templates/}
 * @param position  where the call starts in the Markdown file
 * @param arguments the arguments given, by name, typed as declared: a {@code String},
 *                  {@code java.math.BigDecimal}, {@code Boolean} or {@link Reference}
 * @param body      for a shortcode with a body, the Markdown between its tags as HTML (holding
 *                  the markers of the calls inside it)
 */
public record ShortcodeCall(int index, String name, String template, Position position, Map<String, Object> arguments,
                            Optional<String> body) {

    /** Where a call stands in HTML: two characters no text may hold around its index. */
    public static final char MARK = '\u0001';

    /** An argument that names an entry: checked by the link stage, which counts it as a reference. */
    public record Reference(String collection, String id, String argument, Position position) {
    }

    public static String marker(int index) {
        return MARK + Integer.toString(index) + MARK;
    }

    /** The reference arguments of these calls, in order. */
    public static List<Reference> references(List<ShortcodeCall> calls) {
        return calls.stream().flatMap(call -> call.arguments().values().stream())
                .filter(Reference.class::isInstance).map(Reference.class::cast).toList();
    }
}
