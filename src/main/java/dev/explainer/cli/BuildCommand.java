package dev.explainer.cli;

import dev.explainer.build.BuildOptions;
import dev.explainer.build.BuildResult;
import dev.explainer.build.SiteBuilder;
import dev.explainer.config.ConfigParser;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Checks the content and templates and, if there are no errors, writes the site.",
                "The previous output is replaced only when the whole build succeeds."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the site (default: DIR/site)")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "the absolute URL the site is published at (default: base_url of the site config)")
    String baseUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<URI> base = Optional.empty();
        if (baseUrl != null) {
            base = ConfigParser.parseBaseUrl(baseUrl);
            if (base.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--base-url '" + baseUrl + "' must be an absolute http or https URL, such as https://example.org/talks/");
            }
        }
        Path sourceDir = common.sourceDir();
        Path output = out != null ? out : sourceDir.resolve("site");
        BuildResult result = new SiteBuilder().run(new BuildOptions(sourceDir, Optional.of(output), base, common.drafts, common.strict));
        int code = common.report(result, spec.commandLine().getErr());
        if (code == 0) {
            spec.commandLine().getOut().println("Wrote " + result.pages() + " pages (" + result.files().size() + " files) to "
                    + output + " in " + CommonOptions.seconds(result));
        }
        return code;
    }
}
