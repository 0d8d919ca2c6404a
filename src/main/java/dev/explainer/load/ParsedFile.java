package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;

import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * What one entry file held when it was read: its entries and the problems found in it, with the
 * size and time the file had then, which say whether it may have changed since when no watcher
 * says so.
 *
 * @param size -1 if the file could not be read at all
 * @param translations what a translation file holds (its {@code entries} are then empty)
 */
record ParsedFile(long size, FileTime modified, List<RawEntry> entries, List<Diagnostic> diagnostics,
                  List<RawTranslation> translations) {
    ParsedFile {
        entries = List.copyOf(entries);
        translations = List.copyOf(translations);
        diagnostics = List.copyOf(diagnostics);
    }

    static ParsedFile unread(Diagnostic problem) {
        return new ParsedFile(-1, null, List.of(), List.of(problem), List.of());
    }

    boolean wasRead() {
        return size >= 0;
    }

    boolean hasErrors() {
        return !diagnostics.isEmpty() && diagnostics.stream().anyMatch(Diagnostic::isError); // most files have none
    }
}
