package dev.explainer.cli;

import dev.explainer.build.BuildOptions;
import dev.explainer.build.BuildResult;
import dev.explainer.build.SiteBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Runs every check that build runs, rendering every page in memory, and writes nothing."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BuildResult result = new SiteBuilder().run(
                new BuildOptions(common.sourceDir(), Optional.empty(), Optional.empty(), common.drafts));
        int code = common.report(result, spec.commandLine().getErr());
        if (code == 0) {
            spec.commandLine().getOut().println("Checked " + result.pages() + " pages in "
                    + CommonOptions.seconds(result) + ": no errors");
        }
        return code;
    }
}
