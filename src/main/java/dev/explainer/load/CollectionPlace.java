package dev.explainer.load;

import dev.explainer.config.CollectionConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.load.SourceTree.Entry;
import dev.explainer.load.SourceTree.Kind;

import java.util.Optional;

/**
 * Where a collection's entries live: its data file or its folder, below {@code content/},
 * checked by the same rules whoever asks (the load stage reading it, {@code new} writing to
 * it).
 *
 * @param entry   what is there, if the config's path could be looked up at all
 * @param problem why the collection's entries cannot be read from (or written to) there
 */
public record CollectionPlace(String path, boolean folder, Optional<Entry> entry, Optional<Diagnostic> problem) {

    /** Where {@code collection}'s entries live, and what stops them being read there, if anything. */
    static CollectionPlace of(SourceTree tree, CollectionConfig collection) {
        boolean folder = collection.file().isEmpty();
        String written = collection.file().or(collection::folder).orElse("");
        String path = SourceLayout.CONTENT + "/" + written;
        String where = "collection '" + collection.name() + "'";
        Optional<String> invalid = SourceNames.configPathProblem(written);
        if (invalid.isPresent()) {
            return new CollectionPlace(path, folder, Optional.empty(), Optional.of(Diagnostic.error(DiagnosticCode.CONFIG, collection.position(),
                    where + ": '" + SourceNames.printable(written) + "' " + invalid.get())));
        }
        Entry entry = tree.find(path, collection.position());
        Optional<Diagnostic> problem;
        if (entry.kind() == Kind.MISSING) {
            problem = Optional.of(Diagnostic.error(DiagnosticCode.MISSING_FILE, collection.position(), folder
                    ? where + ": folder " + path + "/ not found; create it or fix 'folder'"
                    : where + ": data file " + path + " not found; create it (a YAML list of entries) or fix 'file'"));
        } else {
            problem = folder ? entry.notAFolder("; " + where + " reads one Markdown file per entry from here, so fix 'folder'")
                    : entry.notAFile("; " + where + " reads its entries from this file (a YAML list), so fix 'file'");
        }
        return new CollectionPlace(path, folder, Optional.of(entry), problem);
    }
}
