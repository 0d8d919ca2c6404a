package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.output.OutputFile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a run did: every diagnostic in print order; the files of the site (empty when it
 * failed); how many pages the site has and which were rendered in this run (fewer than all
 * when a builder ran again after an edit); what the user should know of the output folder
 * (what it kept there that the build did not write; a repair), one line each; how long it took
 * in all and stage by stage; and what was thrown where the tool itself failed (each also reported
 * as a diagnostic), for {@code --verbose}; and the file of the site's error page, which servers
 * show for any missing address (empty when the run failed or the site has none).
 */
public record BuildResult(List<Diagnostic> diagnostics, List<OutputFile> files, int pages, List<String> rendered,
                          List<String> notes, Duration elapsed, List<StageTime> stages, List<Throwable> bugs,
                          Optional<String> errorPage) {

    /** A result without an error page. */
    public BuildResult(List<Diagnostic> diagnostics, List<OutputFile> files, int pages, List<String> rendered,
                       List<String> notes, Duration elapsed, List<StageTime> stages, List<Throwable> bugs) {
        this(diagnostics, files, pages, rendered, notes, elapsed, stages, bugs, Optional.empty());
    }

    /** How long one stage of the pipeline took, for {@code --verbose} and profiling. */
    public record StageTime(String stage, Duration elapsed) {
    }

    /** The stage times on one line: {@code load 160 ms; validate 70 ms; ...}. */
    public String describeStages() {
        StringBuilder line = new StringBuilder();
        for (StageTime stage : stages) {
            line.append(line.length() == 0 ? "" : " ").append(stage.stage()).append(' ')
                    .append(stage.elapsed().toMillis()).append(" ms;");
        }
        return line.toString();
    }

    /** This result with the site's error page at {@code file}. */
    BuildResult withErrorPage(Optional<String> file) {
        return new BuildResult(diagnostics, files, pages, rendered, notes, elapsed, stages, bugs, file);
    }

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether the build refused to write into the output folder it was given: a usage error, not the content's. */
    public boolean outputRefused() {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.code().equals(DiagnosticCode.OUTPUT_REFUSED));
    }
}
