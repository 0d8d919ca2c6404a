package dev.explainer.config;

import dev.explainer.diagnostic.Position;

import java.time.Duration;

/**
 * How long rendering may take before the build gives up on it, from {@code limits} in the site
 * config. The defaults are far above what real sites need, so they only ever stop a template
 * that would run for ever: the first site builds in about a second; 10,000 generated pages render
 * in about 1.5 s all together, their list page included, and 30,000 build in about 11 s on two
 * cores (docs/performance.md). A machine five times slower would still be far inside them.
 *
 * @param pageRender the longest one page may take to go through its template
 * @param build      the longest a whole build may take
 * @param declaredAt where the limits were set ({@code limits} in the site config), or the config's
 *                   start when the defaults apply: where a build that ran out of time is reported
 */
public record Limits(Duration pageRender, Duration build, Position declaredAt) {
    public static final Duration DEFAULT_PAGE_RENDER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BUILD = Duration.ofMinutes(10);
    /** The largest limit accepted: a day. Anything longer is no limit at all. */
    public static final long MAX_SECONDS = 86_400;

    public static Limits defaults(Position at) {
        return new Limits(DEFAULT_PAGE_RENDER, DEFAULT_BUILD, at);
    }
}
