package dev.explainer.check;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.validate.ValidEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fields a collection declares {@code unique}: no two published entries may share a value.
 * Values that differ only in capitals or spacing count as the same: they would title two pages
 * alike.
 */
final class UniqueFields {
    private UniqueFields() {
    }

    static void check(SiteConfig config, List<ValidEntry> published, Diagnostics problems) {
        for (CollectionConfig collection : config.collections()) {
            for (String field : collection.unique()) {
                Map<String, ValidEntry> first = new HashMap<>();
                for (ValidEntry entry : published) {
                    if (!entry.collection().equals(collection.name()) || !(entry.data().get(field) instanceof String value)) {
                        continue;
                    }
                    String normal = value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                    ValidEntry earlier = first.putIfAbsent(normal, entry);
                    if (earlier != null) {
                        Position at = entry.positionOf(field).orElse(entry.raw().idPosition());
                        Position theirs = earlier.positionOf(field).orElse(earlier.raw().idPosition());
                        problems.error(DiagnosticCode.DUPLICATE_VALUE, at, "'" + field + "' of '" + entry.id() + "' is the same as that of '"
                                + earlier.id() + "' (at " + theirs + "); each entry of collection '" + collection.name()
                                + "' needs a " + field + " of its own");
                    }
                }
            }
        }
    }
}
