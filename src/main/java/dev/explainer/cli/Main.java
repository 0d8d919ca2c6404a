package dev.explainer.cli;

import dev.explainer.diagnostic.Bugs;
import dev.explainer.text.Suggestions;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line: {@code explainer build | check | serve | new | translated | init}. Exit codes: 0 success, 1
 * errors in the content or templates, 2 a usage error, 3 a bug in the tool itself.
 */
public final class Main {
    static final int EXIT_ERRORS = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_BUG = 3;
    private static final int WIDTH = 100;

    private Main() {
    }

    public static void main(String[] args) {
        // FreeMarker must not log on its own; every problem is reported as a diagnostic.
        System.setProperty("org.freemarker.loggerLibrary", "none");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.of(new BuildCommand(), new CheckCommand(), new ServeCommand(), new NewCommand(), new TranslatedCommand(),
                new InitCommand())) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    /** Runs a command with the given streams and returns its exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        Map<String, Command> commands = commands();
        String first = args.length == 0 ? "" : args[0];
        switch (first) {
            case "" -> {
                err.println("explainer: name a command: " + String.join(", ", commands.keySet()) + " (see 'explainer --help')");
                return EXIT_USAGE;
            }
            case "-h", "--help" -> {
                printToolHelp(out, commands);
                return 0;
            }
            case "help" -> {
                Command command = args.length > 1 ? commands.get(args[1]) : null;
                if (command == null) {
                    printToolHelp(out, commands);
                } else {
                    printHelp(out, command);
                }
                return 0;
            }
            case "-V", "--version" -> {
                out.println(version());
                return 0;
            }
            default -> {
                Command command = commands.get(first);
                if (command == null) {
                    String hint = Suggestions.closest(first, commands.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                    err.println("explainer: unknown command '" + first + "'" + hint + " (see 'explainer --help')");
                    return EXIT_USAGE;
                }
                return runCommand(command, java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            }
        }
    }

    private static int runCommand(Command command, String[] args, PrintWriter out, PrintWriter err) {
        Options options = withHelp(command.options());
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
        } catch (UnrecognizedOptionException e) {
            String name = e.getOption().replaceFirst("^-+", "").replaceFirst("=.*$", "");
            List<String> known = options.getOptions().stream().map(Option::getLongOpt).sorted().toList();
            String hint = Suggestions.closest(name, known).map(s -> "; did you mean '--" + s + "'?").orElse("");
            return usageError(command, err, "unknown option '" + e.getOption() + "'" + hint);
        } catch (ParseException e) {
            return usageError(command, err, e.getMessage());
        }
        if (line.hasOption("help")) {
            printHelp(out, command);
            return 0;
        }
        if (line.hasOption("version")) {
            out.println(version());
            return 0;
        }
        if (line.getArgList().size() != command.arguments().size()) {
            return usageError(command, err, command.arguments().isEmpty()
                    ? "unexpected argument '" + line.getArgList().get(0) + "'"
                    : "expected " + String.join(" ", command.arguments()) + ", got " + (line.getArgList().isEmpty() ? "nothing"
                    : line.getArgList().stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "))));
        }
        try {
            return command.run(line, out, err);
        } catch (Command.UsageError e) {
            return usageError(command, err, e.getMessage());
        } catch (Exception | Error e) {
            boolean verbose = line.hasOption("verbose");
            err.println("explainer: " + Bugs.report("internal error", e)
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return EXIT_BUG;
        }
    }

    private static int usageError(Command command, PrintWriter err, String message) {
        err.println("explainer " + command.name() + ": " + message + " (see 'explainer " + command.name() + " --help')");
        return EXIT_USAGE;
    }

    private static Options withHelp(Options options) {
        return options.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get())
                .addOption(Option.builder("V").longOpt("version").desc("print the version and exit").get());
    }

    private static void printHelp(PrintWriter out, Command command) {
        HelpFormatter help = HelpFormatter.builder().setPrintWriter(out).get();
        help.setSyntaxPrefix("Usage: ");
        help.setWidth(WIDTH);
        String syntax = "explainer " + command.name() + " [OPTIONS]"
                + (command.arguments().isEmpty() ? "" : " " + String.join(" ", command.arguments()));
        help.printHelp(out, WIDTH, syntax, String.join("\n", command.description()) + "\n\nOptions:",
                withHelp(command.options()), 2, 3, "", false);
    }

    private static void printToolHelp(PrintWriter out, Map<String, Command> commands) {
        out.println("Usage: explainer COMMAND [OPTIONS]");
        out.println("Builds explainer microsites from Markdown and YAML content through FreeMarker templates.");
        out.println();
        out.println("Commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.values().forEach(command -> out.printf("  %-" + width + "s %s%n", command.name(), command.description().get(0)));
        out.println();
        out.println("Run 'explainer COMMAND --help' for a command's options. 'explainer --version' prints the version.");
    }

    /** The version written into the jar's manifest by the build. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return "explainer " + (version == null ? "(development build)" : version);
    }
}
