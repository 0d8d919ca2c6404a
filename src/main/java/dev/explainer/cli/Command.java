package dev.explainer.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.util.List;

/** One command of the tool: its name, what it does, its arguments and options, and how it runs. */
abstract class Command {
    private final String name;
    private final List<String> description;
    private final List<String> arguments;

    /**
     * @param name        what follows {@code explainer} on the command line
     * @param description lines describing the command, for its help
     * @param arguments   its positional arguments, for the usage line ({@code COLLECTION}, {@code ID})
     */
    Command(String name, List<String> description, List<String> arguments) {
        this.name = name;
        this.description = List.copyOf(description);
        this.arguments = List.copyOf(arguments);
    }

    final String name() {
        return name;
    }

    final List<String> description() {
        return description;
    }

    final List<String> arguments() {
        return arguments;
    }

    abstract Options options();

    /**
     * Runs the command and returns its exit code.
     *
     * @throws UsageError if the options' values make no sense (exit code 2)
     */
    abstract int run(CommandLine line, PrintWriter out, PrintWriter err) throws Exception;

    /** A problem with how the tool was called, reported with the command's name; exit code 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
