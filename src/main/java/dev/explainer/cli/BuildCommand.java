package dev.explainer.cli;

import dev.explainer.config.ConfigParser;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code build}: checks everything and, if there are no errors, writes the site. */
final class BuildCommand extends Command {
    BuildCommand() {
        super("build", List.of("Checks the content and templates and, if there are no errors, writes the site.",
                "The previous output is replaced only when the whole build succeeds."),
                List.of());
    }

    @Override
    Options options() {
        return CommonOptions.add(new Options())
                .addOption(CommonOptions.valued("out", "DIR", "where to write the site (default: DIR/site)"))
                .addOption(CommonOptions.valued("base-url", "URL",
                        "the absolute URL the site is published at (default: base_url of the site config)"));
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws UsageError {
        CommonOptions common = new CommonOptions(line);
        Optional<URI> base = Optional.empty();
        if (line.hasOption("base-url")) {
            String url = line.getOptionValue("base-url");
            base = ConfigParser.parseBaseUrl(url);
            if (base.isEmpty()) {
                throw new UsageError("--base-url '" + url + "' must be an absolute http or https URL, such as https://example.org/");
            }
        }
        Path sourceDir = common.sourceDir();
        Path output = line.hasOption("out") ? CommonOptions.pathOption("out", line.getOptionValue("out")) : sourceDir.resolve("site");
        BuildResult result = new SiteBuilder().run(new BuildOptions(sourceDir, Optional.of(output), base, common.drafts, common.strict));
        int code = common.report(result, err);
        if (result.outputRefused()) {
            return Main.EXIT_USAGE; // the folder given (or the default site/) is not the build's to write
        }
        if (code == 0) {
            out.println("Wrote " + result.pages() + " pages (" + result.files().size() + " files) to "
                    + output + " in " + CommonOptions.seconds(result));
            result.notes().forEach(out::println);
        }
        return code;
    }
}
