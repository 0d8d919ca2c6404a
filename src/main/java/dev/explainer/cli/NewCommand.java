package dev.explainer.cli;

import dev.explainer.load.ContentLoader;
import dev.explainer.scaffold.Scaffolder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Creates a new entry of a collection with every required field present and explained.",
                "Markdown collections get a new file; data-file collections get an item appended.",
                "A site can override the scaffold of a collection with templates/scaffolds/COLLECTION.ftl."})
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COLLECTION", description = "the collection, as declared in content/site.yaml")
    String collection;

    @Parameters(index = "1", paramLabel = "ID", description = "the new entry's id: lowercase words joined by hyphens")
    String id;

    @Option(names = "--source", paramLabel = "DIR", description = "folder holding content/ and templates/ (default: the current folder)")
    Path source = Path.of("");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path sourceDir = CommonOptions.sourceDir(source);
        ContentLoader.Result loaded = new ContentLoader().load(sourceDir);
        if (loaded.site().isEmpty()) {
            loaded.diagnostics().forEach(d -> spec.commandLine().getErr().println(d.format()));
            return Main.EXIT_ERRORS;
        }
        Scaffolder.Outcome outcome = new Scaffolder().create(sourceDir, loaded.site().get(), collection, id);
        if (outcome instanceof Scaffolder.Outcome.Refused refused) {
            spec.commandLine().getErr().println("explainer new: " + refused.reason());
            return CommandLine.ExitCode.USAGE;
        }
        Scaffolder.Outcome.Created created = (Scaffolder.Outcome.Created) outcome;
        spec.commandLine().getOut().println((created.appended() ? "Added '" + id + "' to " : "Created ") + created.path()
                + ": fill in the fields, then run 'check'");
        return 0;
    }
}
