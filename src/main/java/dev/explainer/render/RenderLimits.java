package dev.explainer.render;

import dev.explainer.config.Limits;
import dev.explainer.parallel.Cancellation;

import java.time.Duration;

/**
 * What may stop a render before it is done: each page's time limit, the end of the whole build's
 * time, and a cancellation raised by another thread.
 *
 * @param page            the longest one page may take
 * @param build           the longest the whole build may take
 * @param buildStartNanos when the build started, by {@link System#nanoTime()}
 * @param cancellation    raised when the build's result is no longer wanted
 */
public record RenderLimits(Duration page, Duration build, long buildStartNanos, Cancellation cancellation) {

    /** The site's limits, for a build that starts now and is never cancelled. */
    public static RenderLimits of(Limits limits) {
        return new RenderLimits(limits.pageRender(), limits.build(), System.nanoTime(), new Cancellation());
    }

    /** Whether the build has run past its time at {@code nowNanos}. */
    public boolean buildTimeUp(long nowNanos) {
        return nowNanos - buildStartNanos > build.toNanos();
    }
}
