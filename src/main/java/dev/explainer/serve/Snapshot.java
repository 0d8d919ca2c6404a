package dev.explainer.serve;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.output.OutputFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the preview serves at one moment: the files of the last good build, and the problems of
 * the last build (empty if it succeeded). Immutable; replaced whole after each build.
 *
 * @param files    the last good build's files by path below the site root
 * @param problems the last build's diagnostics, each with the source line it points at
 * @param version  counts builds, so clients can tell one state from the next
 * @param errorPage the file of the last good build's error page, served with status 404 for a
 *                  missing address; empty if the site has none
 */
record Snapshot(Map<String, OutputFile> files, List<Problem> problems, long version, Optional<String> errorPage) {

    /** A diagnostic with the text of the line it points at, for the error overlay. */
    record Problem(Diagnostic diagnostic, String sourceLine) {
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(problem -> problem.diagnostic().isError());
    }
}
