package dev.explainer.cli;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.pipeline.BuildResult;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Options shared by the commands, and the printing of a run's outcome. */
final class CommonOptions {
    final Path source;
    final boolean drafts;
    final boolean strict;
    final boolean verbose;

    CommonOptions(CommandLine line) throws Command.UsageError {
        this.source = sourceOption(line);
        this.drafts = line.hasOption("drafts");
        this.strict = line.hasOption("strict");
        this.verbose = line.hasOption("verbose");
    }

    /** Adds --source, --drafts, --strict and --verbose. */
    static Options add(Options options) {
        addSource(options);
        options.addOption(flag("drafts", "include entries marked 'draft: true'"));
        options.addOption(flag("strict", "treat warnings as errors: exit 1 and write nothing"));
        options.addOption(flag("verbose", "show how long each stage took, and details of internal errors"));
        return options;
    }

    static Options addSource(Options options) {
        return options.addOption(valued("source", "DIR", "folder holding content/ and templates/ (default: the current folder)"));
    }

    static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).get();
    }

    static Option valued(String name, String argument, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argument).desc(description).get();
    }

    /** The source folder --source names, the current folder when it names none. */
    static Path sourceOption(CommandLine line) throws Command.UsageError {
        String option = line.getOptionValue("source", "");
        if (option.isEmpty()) {
            return Path.of("").toAbsolutePath();
        }
        Path source = pathOption("source", option);
        if (!Files.isDirectory(source)) {
            throw new Command.UsageError("--source '" + option + "' " + (Files.exists(source) ? "is not a folder" : "does not exist")
                    + "; name the folder that holds content/ and templates/");
        }
        return source;
    }

    /** A path given on the command line, if this system can represent it. */
    static Path pathOption(String name, String value) throws Command.UsageError {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new Command.UsageError("--" + name + " '" + value + "' is not a path this system can represent"
                    + " (its file name encoding is " + System.getProperty("sun.jnu.encoding", "unknown") + ")");
        }
    }

    Path sourceDir() {
        return source;
    }

    /** Prints diagnostics to stderr, one per line, then a count; returns the exit code. */
    int report(BuildResult result, PrintWriter err) {
        if (verbose) {
            err.println("stages: " + result.describeStages());
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(diagnostic.format());
        }
        if (verbose) {
            result.bugs().forEach(bug -> bug.printStackTrace(err)); // the details the bug diagnostics leave out
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
