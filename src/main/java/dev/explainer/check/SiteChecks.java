package dev.explainer.check;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Site;
import dev.explainer.validate.ValidEntry;

import java.util.List;
import java.util.Set;

/**
 * The whole-site checks, the pipeline's step after linking: what no single entry shows, only the
 * linked site as a whole. Each is a function of the linked site (and, for the positions of
 * fields, the validated entries it holds); none changes the site.
 *
 * <ul>
 * <li>quotes match their sources word for word, where a collection asks for it ({@link QuoteCheck});</li>
 * <li>fields a collection declares {@code unique} differ between its entries ({@link UniqueFields});</li>
 * <li>every pair of a matrix has its entry ({@link MatrixCompleteness});</li>
 * <li>every menu item links to a page ({@link MenuLinks});</li>
 * <li>entries that exist to be referred to are referred to ({@link UnreferencedEntries}).</li>
 * </ul>
 *
 * <p>Two more need the rendered pages, and run once they are rendered ({@link #afterRender}):
 * <ul>
 * <li>links to a {@code #fragment} reach an element with that id ({@link FragmentLinks});</li>
 * <li>every page but the home and error pages is linked from another page ({@link UnlinkedPages}).</li>
 * </ul>
 */
public final class SiteChecks {
    private SiteChecks() {
    }

    /**
     * Every problem the checks find, sorted.
     *
     * @param published  the validated entries the site holds, in the order the validator gave
     *                   them (of two entries with one unique value, the later one is reported)
     * @param incomplete collections some of whose entries could not be read: a matrix over one
     *                   of them is not held to be complete
     */
    public static List<Diagnostic> run(Site site, List<ValidEntry> published, Set<String> incomplete) {
        Diagnostics problems = new Diagnostics();
        QuoteCheck.check(site.config(), published, problems);
        UniqueFields.check(site.config(), published, problems);
        MatrixCompleteness.check(site, incomplete, problems);
        MenuLinks.check(site, problems);
        UnreferencedEntries.check(site, problems);
        return problems.sorted();
    }

    /**
     * The problems the checks that need the rendered pages find, sorted.
     *
     * @param pages what the render stage found in the pages it rendered
     */
    public static List<Diagnostic> afterRender(Site site, RenderedPages pages) {
        Diagnostics problems = new Diagnostics();
        FragmentLinks.check(site, pages, problems);
        UnlinkedPages.check(site, pages, problems);
        return problems.sorted();
    }
}
