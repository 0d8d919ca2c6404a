package dev.explainer.cli;

import dev.explainer.scaffold.StarterSite;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** {@code init DIR}: a new, minimal site to start from, in a folder that is new or empty. */
final class InitCommand extends Command {
    InitCommand() {
        super("init", List.of("Creates a new site to start from in DIR, a new or empty folder: it never overwrites anything.",
                "The site has three collections with references between them, their schemas, a few entries,",
                "a layout, templates and a stylesheet; it builds and passes 'check --strict' as it is."),
                List.of("DIR"));
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        String shown = line.getArgList().get(0);
        if (shown.isEmpty()) {
            throw new UsageError("DIR is empty; name the folder to create the site in");
        }
        Path folder;
        try {
            folder = Path.of(shown);
        } catch (InvalidPathException e) {
            throw new UsageError("'" + shown + "' is not a path this system can represent"
                    + " (its file name encoding is " + System.getProperty("sun.jnu.encoding", "unknown") + ")");
        }
        StarterSite.Outcome outcome = new StarterSite().create(folder, shown);
        if (outcome instanceof StarterSite.Outcome.Refused refused) {
            err.println("explainer init: " + refused.reason());
            return Main.EXIT_USAGE;
        }
        if (outcome instanceof StarterSite.Outcome.Failed failed) {
            err.println("explainer init: " + failed.reason());
            return Main.EXIT_ERRORS;
        }
        int files = ((StarterSite.Outcome.Created) outcome).files().size();
        out.println("Created a new site in " + shown + " (" + files + " files). Next, from that folder:");
        out.println("  explainer serve    a live preview at http://127.0.0.1:8080/ that rebuilds on every save");
        out.println("  explainer build    the site, written to site/");
        out.println("Start with content/site.yaml; its comments explain each setting.");
        return 0;
    }
}
