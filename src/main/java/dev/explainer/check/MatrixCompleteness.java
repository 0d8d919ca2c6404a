package dev.explainer.check;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.link.Entry;
import dev.explainer.link.Site;
import dev.explainer.load.SourceLayout;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every pair of a matrix has its entry: a collection declared {@code matrix: [party, issue]}
 * needs one entry for each party and each issue, even where the sources say nothing (the entry
 * then says so). Not held where a collection involved could not be read in full, nor for a matrix
 * declared {@code complete: false}, whose templates test each cell instead.
 */
final class MatrixCompleteness {
    private MatrixCompleteness() {
    }

    static void check(Site site, Set<String> incomplete, Diagnostics problems) {
        for (CollectionConfig collection : site.config().collections()) {
            Map<String, Map<String, Entry>> cells = site.matrices().get(collection.name());
            if (cells == null || !collection.matrixComplete()) {
                continue; // not a matrix, one the config parser reported, or one declared sparse
            }
            String rowField = collection.matrix().get(0);
            String columnField = collection.matrix().get(1);
            String rows = collection.references().get(rowField).target();
            String columns = collection.references().get(columnField).target();
            if (incomplete.contains(collection.name()) || incomplete.contains(rows) || incomplete.contains(columns)) {
                continue;
            }
            Position where = collection.file().map(f -> Position.startOf(SourceLayout.CONTENT + "/" + f)).orElse(collection.position());
            for (Entry row : site.collections().getOrDefault(rows, List.of())) {
                for (Entry column : site.collections().getOrDefault(columns, List.of())) {
                    if (!cells.getOrDefault(row.id(), Map.of()).containsKey(column.id())) {
                        problems.error(DiagnosticCode.MATRIX, where, "collection '" + collection.name() + "' has no entry for " + rowField
                                + " '" + row.id() + "' and " + columnField + " '" + column.id()
                                + "'; every pair needs one, even where the sources say nothing (declare that in the entry)");
                    }
                }
            }
        }
    }
}
