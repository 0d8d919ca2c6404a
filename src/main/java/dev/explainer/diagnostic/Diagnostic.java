package dev.explainer.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the site's sources, with the place it was found.
 *
 * <p>{@code path} is relative to the source folder and uses forward slashes; {@code line} and
 * {@code column} are 1-based positions in the whole file (front matter included). {@code code}
 * names the kind of problem in a stable, machine-readable way ({@code unknown-reference}), for
 * editors' tooling and CI annotations.
 */
public record Diagnostic(String path, int line, int column, Severity severity, String code, String message) {

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
    }

    public static Diagnostic error(String code, Position at, String message) {
        return new Diagnostic(at.path(), at.line(), at.column(), Severity.ERROR, code, message);
    }

    public static Diagnostic warning(String code, Position at, String message) {
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
        fields.put("code", code);
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
