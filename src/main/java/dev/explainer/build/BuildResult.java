package dev.explainer.build;

import dev.explainer.diagnostic.Diagnostic;

import java.time.Duration;
import java.util.List;

/**
 * What a run did: every diagnostic in print order, how many pages and files it wrote (zero
 * when checking or when it failed) and how long it took.
 */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int files, Duration elapsed) {

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
