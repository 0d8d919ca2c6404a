package dev.explainer.pipeline;

import dev.explainer.load.SourceLayout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Times the stages of one run, and knows which is running (for a failure that names no file). */
final class Stopwatch {
    private final List<BuildResult.StageTime> laps = new ArrayList<>();
    private long last = System.nanoTime();

    void lap(String stage) {
        long now = System.nanoTime();
        laps.add(new BuildResult.StageTime(stage, Duration.ofNanos(now - last)));
        last = now;
    }

    /** The stage after the last one timed. */
    Stage running() {
        return Stage.values()[Math.min(laps.size(), Stage.values().length - 1)];
    }

    List<BuildResult.StageTime> laps() {
        return List.copyOf(laps);
    }

    /** The stages of a run in order, with the folder each works on, for a failure that names no file. */
    enum Stage {
        LOAD("reading content/ and templates/"),
        VALIDATE("checking the entries"),
        LINK("linking the entries and rendering their Markdown"),
        CHECK("checking the whole site"),
        COMPILE_TEMPLATES("reading the templates"),
        RENDER("rendering the pages"),
        WRITE("writing the site");

        private final String doing;

        Stage(String doing) {
            this.doing = doing;
        }

        String doing(BuildOptions options) {
            return this == WRITE ? doing + " to " + folder(options) : doing;
        }

        String folder(BuildOptions options) {
            return switch (this) {
                case LOAD, VALIDATE, LINK, CHECK -> SourceLayout.CONTENT;
                case COMPILE_TEMPLATES, RENDER -> SourceLayout.TEMPLATES;
                case WRITE -> options.output().map(path -> path.toString().replace('\\', '/')).orElse(SourceLayout.CONTENT);
            };
        }
    }
}
