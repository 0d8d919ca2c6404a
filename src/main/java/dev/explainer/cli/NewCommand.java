package dev.explainer.cli;

import dev.explainer.load.ContentLoader;
import dev.explainer.scaffold.Scaffolder;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code new COLLECTION ID}: a new entry to fill in. */
final class NewCommand extends Command {
    NewCommand() {
        super("new", List.of("Creates a new entry of a collection with every required field present and explained.",
                "Markdown collections get a new file; data-file collections get an item appended.",
                "A site can override the scaffold of a collection with templates/scaffolds/COLLECTION.ftl.",
                "COLLECTION is a collection declared in content/site.yaml; ID is the new entry's id,",
                "lowercase words joined by hyphens."),
                List.of("COLLECTION", "ID"));
    }

    @Override
    Options options() {
        return CommonOptions.addSource(new Options());
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        String collection = line.getArgList().get(0);
        String id = line.getArgList().get(1);
        Path sourceDir = CommonOptions.sourceOption(line);
        ContentLoader.Result loaded = new ContentLoader().load(sourceDir);
        if (loaded.site().isEmpty()) {
            loaded.diagnostics().forEach(d -> err.println(d.format()));
            return Main.EXIT_ERRORS;
        }
        Scaffolder.Outcome outcome = new Scaffolder().create(sourceDir, loaded.site().get(), collection, id);
        if (outcome instanceof Scaffolder.Outcome.Invalid invalid) {
            err.println(invalid.problem().format());
            return Main.EXIT_ERRORS;
        }
        if (outcome instanceof Scaffolder.Outcome.Refused refused) {
            err.println("explainer new: " + refused.reason());
            return Main.EXIT_USAGE;
        }
        Scaffolder.Outcome.Created created = (Scaffolder.Outcome.Created) outcome;
        out.println((created.appended() ? "Added '" + id + "' to " : "Created ") + created.path()
                + ": fill in the fields, then run 'check'");
        if (!created.note().isEmpty()) {
            out.println(created.note());
        }
        return 0;
    }
}
