package dev.explainer.check;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.link.Entry;
import dev.explainer.load.RawEntry;
import dev.explainer.validate.ValidEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quotes against the passages of the sources they cite, where a collection asks for it
 * ({@code verbatim:} in the site config): the passage field of the source, or its Markdown body.
 */
final class QuoteCheck {
    private QuoteCheck() {
    }

    static void check(SiteConfig config, List<ValidEntry> published, Diagnostics problems) {
        Map<String, ValidEntry> byKey = null;
        for (CollectionConfig collection : config.collections()) {
            if (collection.verbatim().isEmpty()) {
                continue;
            }
            CollectionConfig.Verbatim verbatim = collection.verbatim().get();
            CollectionConfig.Reference reference = collection.references().get(verbatim.source());
            if (reference == null) {
                continue; // reported by the config parser
            }
            if (byKey == null) {
                byKey = new HashMap<>();
                for (ValidEntry entry : published) {
                    byKey.putIfAbsent(entry.key(), entry);
                }
            }
            for (ValidEntry entry : published) {
                if (!entry.collection().equals(collection.name())
                        || !verbatim.when().entrySet().stream().allMatch(w -> w.getValue().equals(entry.data().get(w.getKey())))
                        || !(entry.data().get(verbatim.text()) instanceof String quote)
                        || !(entry.data().get(verbatim.source()) instanceof String sourceId)) {
                    continue;
                }
                ValidEntry source = byKey.get(Entry.key(reference.target(), sourceId));
                if (source == null) {
                    continue; // an unknown reference, reported as such
                }
                Object passage = verbatim.passage().isPresent() ? source.data().get(verbatim.passage().get())
                        : source.raw().body().map(RawEntry.Body::markdown).orElse(null);
                if (!(passage instanceof String text) || text.isBlank()) {
                    continue; // the source holds no passage to check against
                }
                Optional<String> problem = VerbatimChecker.mismatch(quote, text);
                if (problem.isPresent()) {
                    Position at = entry.positionOf(verbatim.text()).orElse(entry.raw().idPosition());
                    problems.error(DiagnosticCode.QUOTE_MISMATCH, at, problem.get() + " (source '" + sourceId + "')");
                }
            }
        }
    }
}
