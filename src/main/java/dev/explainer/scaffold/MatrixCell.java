package dev.explainer.scaffold;

import dev.explainer.config.CollectionConfig;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.yaml.YamlNode;
import dev.explainer.yaml.YamlParser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two fields of a new matrix entry that its id names: {@code new stances reds-tax} in a
 * matrix of {@code [party, topic]} is the cell of party {@code reds} and topic {@code tax}. Ids
 * may contain hyphens themselves, so every split of the id is tried against the entries that
 * exist; only a split that names exactly one pair pre-fills anything.
 *
 * @param prefilled the fields and their values, in the matrix's order; empty when none is known
 * @param note      what {@code new} tells the editor about it, empty if the collection is no matrix
 */
record MatrixCell(Map<String, String> prefilled, String note) {
    private static final MatrixCell NONE = new MatrixCell(Map.of(), "");

    static MatrixCell of(LoadedSite site, CollectionConfig collection, String id) {
        if (collection.matrix().size() != 2) {
            return NONE;
        }
        String rowField = collection.matrix().get(0);
        String columnField = collection.matrix().get(1);
        CollectionConfig.Reference rowReference = collection.references().get(rowField);
        CollectionConfig.Reference columnReference = collection.references().get(columnField);
        if (rowReference == null || columnReference == null) {
            return NONE; // the config's own error says so when the site builds
        }
        Set<String> rows = idsOf(site, rowReference.target());
        Set<String> columns = idsOf(site, columnReference.target());
        List<String[]> splits = new ArrayList<>();
        for (int at = id.indexOf('-'); at > 0; at = id.indexOf('-', at + 1)) {
            String row = id.substring(0, at);
            String column = id.substring(at + 1);
            if (rows.contains(row) && columns.contains(column)) {
                splits.add(new String[] {row, column});
            }
        }
        String shape = "'" + rowField + "-" + columnField + "'";
        if (splits.isEmpty()) {
            return new MatrixCell(Map.of(), "'" + rowField + "' and '" + columnField + "' are left empty: '" + id
                    + "' is not " + shape + " of an entry of " + rowReference.target() + " and one of "
                    + columnReference.target() + " that exist");
        }
        if (splits.size() > 1) {
            List<String> readings = new ArrayList<>();
            for (String[] split : splits) {
                readings.add(rowField + " " + split[0] + " and " + columnField + " " + split[1]);
            }
            return new MatrixCell(Map.of(), "'" + rowField + "' and '" + columnField + "' are left empty: '" + id
                    + "' can be read as " + String.join(", or as ", readings) + "; fill them in");
        }
        Map<String, String> prefilled = new LinkedHashMap<>();
        prefilled.put(rowField, splits.get(0)[0]);
        prefilled.put(columnField, splits.get(0)[1]);
        return new MatrixCell(Collections.unmodifiableMap(prefilled), "pre-filled " + rowField + ": " + splits.get(0)[0]
                + " and " + columnField + ": " + splits.get(0)[1] + " from the id");
    }

    private static Set<String> idsOf(LoadedSite site, String collection) {
        Set<String> ids = new HashSet<>();
        for (RawEntry entry : site.entries()) {
            if (entry.collection().equals(collection)) {
                ids.add(entry.id());
            }
        }
        return ids;
    }

    /** An id as YAML reads it back as text: quoted where YAML would read a number, a boolean or a date. */
    static String yamlText(String id) {
        YamlParser.Result parsed = new YamlParser().parse("id", id, 1);
        boolean text = parsed.diagnostics().isEmpty() && parsed.root().orElse(null) instanceof YamlNode.Scalar scalar
                && id.equals(scalar.value());
        return text ? id : "'" + id + "'";
    }
}
