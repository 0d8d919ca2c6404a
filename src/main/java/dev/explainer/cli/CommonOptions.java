package dev.explainer.cli;

import dev.explainer.build.BuildResult;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Options shared by the commands, and the printing of a run's outcome. */
final class CommonOptions {
    @Option(names = "--source", paramLabel = "DIR", description = "folder holding content/ and templates/ (default: the current folder)")
    Path source = Path.of("");

    @Option(names = "--drafts", description = "include entries marked 'draft: true'")
    boolean drafts;

    @Option(names = "--strict", description = "treat warnings as errors: exit 1 and write nothing")
    boolean strict;

    @Option(names = "--verbose", description = "show how long each stage took, and details of internal errors")
    boolean verbose;

    Path sourceDir() {
        return sourceDir(source);
    }

    /** The source folder an option names, the current folder when it names none. */
    static Path sourceDir(Path option) {
        return option.toString().isEmpty() ? Path.of("").toAbsolutePath() : option;
    }

    /** Prints diagnostics to stderr, one per line, then a count; returns the exit code. */
    int report(BuildResult result, PrintWriter err) {
        if (verbose) {
            err.println("stages: " + result.describeStages());
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(diagnostic.format());
        }
        if (!result.diagnostics().isEmpty()) {
            err.println(Diagnostics.summary(result.diagnostics()));
        }
        err.flush();
        return result.failed() ? Main.EXIT_ERRORS : 0;
    }

    static String seconds(BuildResult result) {
        return String.format(java.util.Locale.ROOT, "%.2f s", result.elapsed().toNanos() / 1e9);
    }
}
