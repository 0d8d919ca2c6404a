package dev.explainer.diagnostic;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in the site's sources, with the place it was found.
 *
 * <p>{@code path} is relative to the source folder and uses forward slashes; {@code line} and
 * {@code column} are 1-based positions in the whole file (front matter included). {@code code}
 * names the kind of problem ({@link DiagnosticCode}; its stable name, such as
 * {@code unknown-reference}, is for editors' tooling and CI annotations).
 *
 * <p>Every text of a diagnostic is kept printable: control characters (line breaks and tabs too,
 * as a diagnostic is one line), noncharacters and lone surrogates from the content are written
 * as escapes such as <code>&#92;u001B</code> when the diagnostic is made, so that no way of printing
 * it (terminal, JSON, the preview's overlay) can let content move the cursor, retitle the terminal
 * or forge a line.
 */
public record Diagnostic(String path, int line, int column, Severity severity, DiagnosticCode code, String message) {

    /** Sorts by file, then position, then text, so that output is the same on every run. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line);
        column = Math.max(1, column);
        path = printable(path);
        message = printable(message);
    }

    /** The text with each character that must not reach a terminal written as a YAML-style escape. */
    static String printable(String text) {
        int first = 0;
        while (first < text.length() && !mustEscape(text.codePointAt(first))) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        text.substring(first).codePoints().forEach(codePoint -> {
            if (!mustEscape(codePoint)) {
                escaped.appendCodePoint(codePoint);
            } else if (Character.isBmpCodePoint(codePoint)) {
                escaped.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
            } else {
                escaped.append(String.format(Locale.ROOT, "\\U%08X", codePoint));
            }
        });
        return escaped.toString();
    }

    private static boolean mustEscape(int codePoint) {
        return Character.isISOControl(codePoint)
                || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    public static Diagnostic error(DiagnosticCode code, Position at, String message) {
        return new Diagnostic(at.path(), at.line(), at.column(), Severity.ERROR, code, message);
    }

    public static Diagnostic warning(DiagnosticCode code, Position at, String message) {
        return new Diagnostic(at.path(), at.line(), at.column(), Severity.WARNING, code, message);
    }

    /** The same problem with another message, as when a stage adds context. */
    public Diagnostic withMessage(String other) {
        return new Diagnostic(path, line, column, severity, code, other);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Its fields by name, in a fixed order, for machine-readable output (JSON). */
    public java.util.Map<String, Object> fields() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("file", path);
        fields.put("line", line);
        fields.put("column", column);
        fields.put("severity", severity.label());
        fields.put("code", code.id());
        fields.put("message", message);
        return fields;
    }

    /** The line printed to the user: {@code PATH:LINE:COLUMN: error: MESSAGE}. */
    public String format() {
        return path + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
