package dev.explainer.check;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.link.Entry;
import dev.explainer.link.Site;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns of entries that exist to be referred to (other collections declare references to their
 * collection) and have no page of their own, yet nothing refers to them: a source that nothing
 * cites, an outlet nothing names.
 */
final class UnreferencedEntries {
    private UnreferencedEntries() {
    }

    static void check(Site site, Diagnostics problems) {
        Set<String> referable = new HashSet<>();
        site.config().collections().forEach(c -> c.references().values().forEach(r -> referable.add(r.target())));
        for (CollectionConfig collection : site.config().collections()) {
            if (!referable.contains(collection.name()) || collection.hasPages()) {
                continue;
            }
            for (Entry entry : site.collections().getOrDefault(collection.name(), List.of())) {
                if (!site.referrersByKey().containsKey(entry.key())) {
                    problems.warning(DiagnosticCode.UNREFERENCED, entry.position(), "nothing refers to " + collection.name() + " entry '"
                            + entry.id() + "'; cite it, or remove it");
                }
            }
        }
    }
}
