package dev.explainer.cli;

import dev.explainer.load.ContentLoader;
import dev.explainer.scaffold.TranslationStamp;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code translated LANG COLLECTION ID}: a translation, brought up to date, records the version of its original it translates. */
final class TranslatedCommand extends Command {
    TranslatedCommand() {
        super("translated", List.of("Records that a translation translates its original as it is now.",
                "Writes the original's current hash as the translation's 'translates:' value, so that the build",
                "warns again only when the original changes. Run it once the translation is up to date.",
                "LANG is a language of the site's 'languages'; COLLECTION and ID name the original entry."),
                List.of("LANG", "COLLECTION", "ID"));
    }

    @Override
    Options options() {
        return CommonOptions.addSource(new Options());
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        String language = line.getArgList().get(0);
        String collection = line.getArgList().get(1);
        String id = line.getArgList().get(2);
        Path sourceDir = CommonOptions.sourceOption(line);
        ContentLoader.Result loaded = new ContentLoader().load(sourceDir);
        if (loaded.site().isEmpty()) {
            loaded.diagnostics().forEach(d -> err.println(d.format()));
            return Main.EXIT_ERRORS;
        }
        TranslationStamp.Outcome outcome = TranslationStamp.record(sourceDir, loaded.site().get(), loaded.diagnostics(), language,
                collection, id);
        if (outcome instanceof TranslationStamp.Outcome.Invalid invalid) {
            err.println(invalid.problem().format());
            return Main.EXIT_ERRORS;
        }
        if (outcome instanceof TranslationStamp.Outcome.Refused refused) {
            err.println("explainer translated: " + refused.reason());
            return Main.EXIT_USAGE;
        }
        TranslationStamp.Outcome.Recorded recorded = (TranslationStamp.Outcome.Recorded) outcome;
        out.println(recorded.path() + ":" + recorded.line() + ": " + (recorded.changed() ? "now " : "already ")
                + "translates " + recorded.hash() + ", the version of " + recorded.original() + " as it is now");
        return 0;
    }
}
