package dev.explainer.link;

import dev.explainer.load.RawEntry;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.markdown.Shortcodes;
import dev.explainer.validate.ValidEntry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Markdown bodies of a run, rendered with their links checked; a body rendered by an earlier
 * run is reused when its source, its page and everything its links may reach are the same.
 */
final class Bodies {
    /**
     * A body as rendered.
     *
     * @param source the Markdown and where it stands in its file
     * @param page   the site path of the page relative links resolve against
     */
    record Rendered(RawEntry.Body source, Optional<String> page, RenderedMarkdown markdown) {
        /** Whether rendering {@code body} on {@code page} would give this again, with the same targets. */
        boolean isFor(RawEntry.Body body, Optional<String> page) {
            return this.page.equals(page) && sameSource(source, body);
        }
    }

    /**
     * Bodies by entry key, with what their links resolved against: valid for a run whose link
     * targets are the same paths and whose renderer treats raw HTML alike. The bodies of the last
     * full run are kept apart from those rendered since by quick runs, so that a quick run copies
     * only the few it adds, not every body of the site.
     *
     * @param base  the bodies of the last full run
     * @param since bodies rendered by quick runs since, which take the place of those in {@code base}
     */
    record Cache(SitePaths targets, boolean rawHtml, Shortcodes shortcodes, Map<String, Rendered> base, Map<String, Rendered> since) {
        static final Cache EMPTY = new Cache(null, false, Shortcodes.NONE, Map.of(), Map.of());
        /** Past this many bodies rendered by quick runs, they are merged into the base. */
        private static final int MOST_SINCE = 256;

        /** What a run with these targets and this setting may reuse, by entry key; nothing for another. */
        Function<String, Rendered> validFor(SitePaths targets, boolean rawHtml, Shortcodes shortcodes) {
            if (this.targets == null || this.rawHtml != rawHtml || !this.shortcodes.equals(shortcodes) || !targets.sameAs(this.targets)) {
                return key -> null;
            }
            return key -> {
                Rendered newer = since.get(key);
                return newer != null ? newer : base.get(key);
            };
        }

        /** This cache with some bodies rendered anew, against the same targets. */
        Cache with(Map<String, Rendered> rendered) {
            Map<String, Rendered> newer = new HashMap<>(since);
            newer.putAll(rendered);
            if (newer.size() <= MOST_SINCE) {
                return new Cache(targets, rawHtml, shortcodes, base, newer);
            }
            Map<String, Rendered> all = new HashMap<>(base);
            all.putAll(newer);
            return new Cache(targets, rawHtml, shortcodes, all, Map.of());
        }
    }

    private Bodies() {
    }

    /**
     * Whether two bodies are the same Markdown at the same place: the same file path, the same
     * offset and the same file text (so the same lines and columns for every position in them).
     * The text is compared in full, so no two different bodies can pass for one; an unchanged
     * file's text is the very string the loader kept, which compares at once.
     */
    static boolean sameSource(RawEntry.Body a, RawEntry.Body b) {
        return a.offset() == b.offset() && a.file().path().equals(b.file().path()) && a.file().text().equals(b.file().text());
    }

    /**
     * Renders the body of each entry that has one, reusing what {@code previous} holds for it.
     * Every body to render goes to the renderer at once: it renders them on threads of its own.
     *
     * @param pageOf the site path of the page each entry's relative links resolve against, if any
     */
    static Map<String, Rendered> render(MarkdownRenderer markdown, Collection<ValidEntry> entries,
                                        Function<ValidEntry, Optional<String>> pageOf, SitePaths targets, Shortcodes shortcodes,
                                        Function<String, Rendered> previous) {
        Map<String, Rendered> bodies = new HashMap<>();
        List<MarkdownRenderer.Job> jobs = new ArrayList<>();
        List<String> jobKeys = new ArrayList<>();
        for (ValidEntry entry : entries) {
            if (entry.raw().body().isEmpty()) {
                continue;
            }
            RawEntry.Body body = entry.raw().body().get();
            Optional<String> page = pageOf.apply(entry);
            Rendered earlier = previous.apply(entry.key());
            if (earlier != null && earlier.isFor(body, page)) {
                bodies.put(entry.key(), earlier);
            } else {
                jobs.add(new MarkdownRenderer.Job(body, page, targets, shortcodes));
                jobKeys.add(entry.key());
            }
        }
        List<RenderedMarkdown> fresh = markdown.renderAll(jobs);
        for (int i = 0; i < jobs.size(); i++) {
            bodies.put(jobKeys.get(i), new Rendered(jobs.get(i).body(), jobs.get(i).pagePath(), fresh.get(i)));
        }
        return bodies;
    }
}
