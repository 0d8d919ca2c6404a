package dev.explainer.link;

import dev.explainer.markdown.Shortcodes;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.Asset;
import dev.explainer.load.ImageFile;
import dev.explainer.validate.ValidEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of the link stage leaves for the next, so that the next redoes only what its
 * inputs changed. Immutable: {@link Linker#link} takes the previous run's cache and returns the
 * next one; the builder owns it, and a one-off run passes {@link #empty()}.
 *
 * <p>Every reuse is decided by comparing values, never by object identity:
 * <ul>
 * <li>a <b>route</b> (an entry's URL and template) while the config, the template names and the
 *     entry's {@code url} and {@code template} values are equal;</li>
 * <li>a <b>rendered body</b> while its source (file path, offset and file text), the page its
 *     relative links resolve against, the whole set of link targets (every page, asset and draft
 *     path) and the raw-HTML setting are equal;</li>
 * <li>an <b>entry</b> (with its {@link Entry#revision}) while its position, data, HTML and site
 *     path are equal; a new revision number comes from {@link #nextRevision};</li>
 * <li>a collection's <b>order</b> while it is still in order with this run's entries, and the
 *     <b>order of the pages</b> while their paths are the same;</li>
 * <li>the whole <b>structure</b> (routes, references, referrers, matrices, pages and their
 *     problems) when only bodies changed: the same config, template names, assets, unreadable
 *     collections and drafts setting, and every entry with the same fields at the same places
 *     ({@link ValidEntry#sameFieldsAs}); then only the changed bodies are rendered.</li>
 * </ul>
 */
public final class LinkCache {
    private static final LinkCache EMPTY = new LinkCache(Optional.empty(), Routes.Cache.EMPTY, Bodies.Cache.EMPTY, 1);

    /**
     * What a run was given, as far as the link stage reads it.
     *
     * @param templates         the template names (their texts do not matter here, but for shortcodes' declarations)
     * @param shortcodes        the shortcodes the templates declare
     * @param shortcodeProblems the problems of their declarations
     */
    record Inputs(boolean includeDrafts, SiteConfig config, Set<String> templates, Shortcodes shortcodes,
                  List<Diagnostic> shortcodeProblems, List<Asset> assets, Set<String> incomplete, List<ValidEntry> entries,
                  Map<String, ImageFile> images, Map<String, Set<String>> untranslated) {
        /** Whether everything but the entries is the same. The config's equals comes last: it costs the most. */
        boolean sameSettingsAs(Inputs other) {
            return includeDrafts == other.includeDrafts && templates.equals(other.templates) && shortcodes.equals(other.shortcodes)
                    && shortcodeProblems.equals(other.shortcodeProblems) && assets.equals(other.assets)
                    && images.equals(other.images) && incomplete.equals(other.incomplete) && untranslated.equals(other.untranslated)
                    && config.equals(other.config);
        }
    }

    /**
     * The last run: its inputs and what it made of them.
     *
     * @param publishedAt  where each entry the site holds is in {@code inputs.entries()}, in order
     * @param structural   its problems but those found in bodies: they depend on no body
     * @param bodyProblems the problems found in bodies, each in its body's file
     */
    record LastRun(Inputs inputs, Site site, int[] publishedAt, List<Diagnostic> structural,
                   List<Diagnostic> bodyProblems) {
    }

    final Optional<LastRun> last;
    final Routes.Cache routes;
    final Bodies.Cache bodies;
    /** The revision the next new or changed entry gets. */
    final long nextRevision;

    LinkCache(Optional<LastRun> last, Routes.Cache routes, Bodies.Cache bodies, long nextRevision) {
        this.last = last;
        this.routes = routes;
        this.bodies = bodies;
        this.nextRevision = nextRevision;
    }

    /** The cache of no run: everything is made afresh. */
    public static LinkCache empty() {
        return EMPTY;
    }
}
