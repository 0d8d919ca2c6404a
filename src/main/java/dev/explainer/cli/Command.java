package dev.explainer.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.util.List;

/** One command of the tool: its name, what it does, its options and how it runs. */
interface Command {

    String name();

    /** Lines describing the command, for its help. */
    List<String> description();

    /** Its positional arguments, for the usage line: {@code COLLECTION ID}; empty if none. */
    default String arguments() {
        return "";
    }

    /** How many positional arguments it takes. */
    default int argumentCount() {
        return 0;
    }

    Options options();

    /**
     * Runs the command and returns its exit code.
     *
     * @throws UsageError if the options' values make no sense (exit code 2)
     */
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws Exception;

    /** A problem with how the tool was called, reported with the command's name; exit code 2. */
    final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
