package dev.explainer.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the diagnostics of one stage or one run. Safe to share between the threads of a
 * parallel stage; {@link #sorted()} gives them in a stable order for printing.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public synchronized void addAll(Collection<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public void error(DiagnosticCode code, Position at, String message) {
        add(Diagnostic.error(code, at, message));
    }

    public void warning(DiagnosticCode code, Position at, String message) {
        add(Diagnostic.warning(code, at, message));
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Diagnostic.ORDER);
        return List.copyOf(copy);
    }

    /** A one-line count such as {@code 2 errors, 1 warning}. */
    public static String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        String text = plural(errors, "error");
        if (warnings > 0) {
            text += ", " + plural(warnings, "warning");
        }
        return text;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
