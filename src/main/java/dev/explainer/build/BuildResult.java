package dev.explainer.build;

import dev.explainer.diagnostic.Diagnostic;

import java.time.Duration;
import java.util.List;

/**
 * What a run did: every diagnostic in print order, how many pages and files it wrote (zero
 * when checking or when it failed), how long it took in all and stage by stage.
 */
public record BuildResult(List<Diagnostic> diagnostics, int pages, int files, Duration elapsed, List<StageTime> stages) {

    /** How long one stage of the pipeline took, for {@code --verbose} and profiling. */
    public record StageTime(String stage, Duration elapsed) {
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
