package dev.explainer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A collection's URL pattern taken apart: literal text and the fields put into it, such as
 * {@code /{date:yyyy}/{date:MM}/{id}/} (the year and month of the entry's {@code date}, then its id)
 * or {@code /articles/{number}/}.
 *
 * @param text  the pattern as written
 * @param parts literal text and fields, in order
 */
public record UrlPattern(String text, List<Part> parts) {
    /** A field in braces, with an optional date format after a colon. */
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)(?::([^{}]*))?}");
    /** The pieces of a date format: runs of one letter, separators, and anything else. */
    private static final Pattern DATE_PIECE = Pattern.compile("y+|M+|d+|[._-]+|.");
    /**
     * The letter runs a date in a URL may use: year, month and day as numbers, so that a URL never
     * depends on a language ({@code MMM} would be a month's name).
     */
    private static final java.util.Set<String> DATE_NUMBERS = java.util.Set.of("yyyy", "yy", "MM", "M", "dd", "d");

    public UrlPattern {
        parts = List.copyOf(parts);
    }

    /** A piece of a pattern: literal text, or a field of the entry. */
    public sealed interface Part {
    }

    /** Text copied into every URL as it is. */
    public record Literal(String text) implements Part {
    }

    /**
     * A field whose value goes into the URL: {@code {id}}, {@code {slug}}, {@code {date:yyyy}}.
     *
     * @param dateFormat for a date field, the {@code java.time} pattern of letters y, M and d its value is written in
     */
    public record Field(String name, Optional<String> dateFormat) implements Part {
        public boolean isId() {
            return name.equals("id") && dateFormat.isEmpty();
        }
    }

    /** The pattern's parts; braces that do not make a field are left as literal text, for {@link #problem()} to report. */
    public static UrlPattern parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher field = FIELD.matcher(text);
        int end = 0;
        while (field.find()) {
            if (field.start() > end) {
                parts.add(new Literal(text.substring(end, field.start())));
            }
            parts.add(new Field(field.group(1), Optional.ofNullable(field.group(2))));
            end = field.end();
        }
        if (end < text.length()) {
            parts.add(new Literal(text.substring(end)));
        }
        return new UrlPattern(text, parts);
    }

    /** The fields the pattern puts into URLs, in order, {@code {id}} included. */
    public List<Field> fields() {
        return parts.stream().filter(Field.class::isInstance).map(Field.class::cast).toList();
    }

    /** The names of the entry's fields the pattern reads, besides its id, in order and each once. */
    public List<String> dataFields() {
        return fields().stream().filter(f -> !f.name().equals("id")).map(Field::name).distinct().toList();
    }

    /**
     * What is wrong with the pattern's fields, in words that follow "url pattern '...' ", if
     * anything: a brace that makes no field, or a date format other than year, month and day numbers.
     */
    public Optional<String> problem() {
        for (Part part : parts) {
            if (part instanceof Literal literal && (literal.text().contains("{") || literal.text().contains("}"))) {
                return Optional.of("has a '{' or '}' that is not part of a field; write fields as '{id}', '{slug}' or '{date:yyyy}'");
            }
            if (part instanceof Field field && field.dateFormat().isPresent() && !isNumericDate(field.dateFormat().get())) {
                return Optional.of("formats '" + field.name() + "' as '" + field.dateFormat().get() + "'; a date in a URL may use only"
                        + " yyyy (year), MM (month), dd (day), their short forms and '-', '_' or '.', such as '{" + field.name() + ":yyyy}'");
            }
            if (part instanceof Field field && field.name().equals("id") && field.dateFormat().isPresent()) {
                return Optional.of("formats the id as a date; write it as '{id}'");
            }
        }
        return Optional.empty();
    }

    private static boolean isNumericDate(String format) {
        Matcher piece = DATE_PIECE.matcher(format);
        boolean any = false;
        while (piece.find()) {
            String run = piece.group();
            if (!DATE_NUMBERS.contains(run) && !run.matches("[._-]+")) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The pattern with each field replaced by {@code value}: a sample path, to check the literal parts. */
    public String withEachField(String value) {
        StringBuilder path = new StringBuilder();
        for (Part part : parts) {
            path.append(part instanceof Literal literal ? literal.text() : value);
        }
        return path.toString();
    }

    /** A regular expression matching every path the pattern can make, each field one path segment. */
    public String regex() {
        StringBuilder regex = new StringBuilder();
        for (Part part : parts) {
            regex.append(part instanceof Literal literal ? Pattern.quote(literal.text()) : "[^/]+");
        }
        return regex.toString();
    }
}
