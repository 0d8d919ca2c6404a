package dev.explainer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code check}: every check a build runs, writing nothing; diagnostics as text or JSON. */
final class CheckCommand extends Command {
    CheckCommand() {
        super("check", List.of("Runs every check that build runs, rendering every page in memory, and writes nothing.",
                "With --format json, prints the diagnostics as JSON on standard output, for editors and CI."),
                List.of());
    }

    @Override
    Options options() {
        return CommonOptions.add(new Options())
                .addOption(CommonOptions.valued("format", "FORMAT",
                        "text (one line per problem on standard error) or json (default: text)"));
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageError, JsonProcessingException {
        CommonOptions common = new CommonOptions(line);
        String format = line.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageError("--format must be text or json, not '" + format + "'");
        }
        BuildResult result = new SiteBuilder().run(
                new BuildOptions(common.sourceDir(), Optional.empty(), Optional.empty(), common.drafts, common.strict));
        if (format.equals("json")) {
            out.println(json(result));
            out.flush();
            return result.failed() ? Main.EXIT_ERRORS : 0;
        }
        int code = common.report(result, err);
        if (code == 0) {
            out.println("Checked " + result.pages() + " pages in " + CommonOptions.seconds(result) + ": no errors");
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
