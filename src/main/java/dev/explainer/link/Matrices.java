package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of each collection declared a matrix ({@code matrix: [party, issue]}): the entry for
 * each pair of ids. Each entry must name one of each, and no two the same pair; whether every
 * pair has an entry, unless the matrix is declared {@code complete: false}, is a whole-site check
 * ({@code dev.explainer.check}); a sparse matrix simply has no cell for a pair left out.
 */
final class Matrices {
    private Matrices() {
    }

    /** For each matrix collection: first field's id, then second field's id, to the entry. */
    static Map<String, Map<String, Map<String, Entry>>> of(SiteConfig config, Map<String, List<Entry>> collections,
                                                           Diagnostics problems) {
        Map<String, Map<String, Map<String, Entry>>> matrices = new LinkedHashMap<>();
        for (CollectionConfig collection : config.collections()) {
            if (collection.matrix().size() != 2) {
                continue;
            }
            String rowField = collection.matrix().get(0);
            String columnField = collection.matrix().get(1);
            if (collection.references().get(rowField) == null || collection.references().get(columnField) == null) {
                continue; // reported by the config parser
            }
            Map<String, Map<String, Entry>> cells = new LinkedHashMap<>();
            for (Entry entry : collections.getOrDefault(collection.name(), List.of())) {
                if (!(entry.data().get(rowField) instanceof String row) || !(entry.data().get(columnField) instanceof String column)) {
                    problems.error(DiagnosticCode.MATRIX, entry.position(), "collection '" + collection.name()
                            + "' is a matrix: each entry needs one '" + rowField + "' and one '" + columnField + "'");
                    continue;
                }
                Entry earlier = cells.computeIfAbsent(row, r -> new LinkedHashMap<>()).putIfAbsent(column, entry);
                if (earlier != null) {
                    problems.error(DiagnosticCode.MATRIX, entry.position(), "a second entry for " + rowField + " '" + row + "' and "
                            + columnField + " '" + column + "' (the first is " + earlier.id() + " at " + earlier.position() + "); keep one");
                }
            }
            Map<String, Map<String, Entry>> frozen = new LinkedHashMap<>();
            cells.forEach((row, columns) -> frozen.put(row, Collections.unmodifiableMap(columns)));
            matrices.put(collection.name(), Collections.unmodifiableMap(frozen));
        }
        return Collections.unmodifiableMap(matrices);
    }
}
