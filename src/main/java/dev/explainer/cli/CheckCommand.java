package dev.explainer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.explainer.build.BuildOptions;
import dev.explainer.build.BuildResult;
import dev.explainer.build.SiteBuilder;
import dev.explainer.diagnostic.Diagnostic;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Runs every check that build runs, rendering every page in memory, and writes nothing.",
                "With --format json, prints the diagnostics as JSON on standard output, for editors and CI."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (one line per problem on standard error) or json (default: ${DEFAULT-VALUE})")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        BuildResult result = new SiteBuilder().run(
                new BuildOptions(common.sourceDir(), Optional.empty(), Optional.empty(), common.drafts, common.strict));
        if (format == Format.json) {
            spec.commandLine().getOut().println(json(result));
            spec.commandLine().getOut().flush();
            return result.failed() ? Main.EXIT_ERRORS : 0;
        }
        int code = common.report(result, spec.commandLine().getErr());
        if (code == 0) {
            spec.commandLine().getOut().println("Checked " + result.pages() + " pages in "
                    + CommonOptions.seconds(result) + ": no errors");
        }
        return code;
    }

    /** The result as one JSON document: the diagnostics with file, line, column, severity, code and message. */
    static String json(BuildResult result) throws JsonProcessingException {
        List<Map<String, Object>> diagnostics = new ArrayList<>();
        for (Diagnostic d : result.diagnostics()) {
            diagnostics.add(d.fields());
        }
        long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("ok", errors == 0);
        document.put("errors", errors);
        document.put("warnings", result.diagnostics().size() - errors);
        document.put("pages", result.pages());
        document.put("diagnostics", diagnostics);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }
}
