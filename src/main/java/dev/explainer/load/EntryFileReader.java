package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one entry file into its entries, or keeps what it held when last read if it has not changed. */
final class EntryFileReader {
    private final EntryParser entryParser;

    EntryFileReader(EntryParser entryParser) {
        this.entryParser = entryParser;
    }

/**
 * What one entry file holds: {@code kept}, what it held when last read, if the file is known
 * not to have changed (not named by a watcher that lost nothing, or with the same size and time).
 */
ParsedFile read(SourceTree tree, EntryFile source, ChangedFiles changed, Optional<ParsedFile> kept) {
    if (source.refusal().isPresent()) {
        return ParsedFile.unread(source.refusal().get());
    }
    if (kept.isPresent() && changed.exhaustive() && !changed.contains(source.path())) {
        return kept.get();
    }
    BasicFileAttributes attributes;
    try {
        attributes = Files.readAttributes(tree.root().resolve(source.path()), BasicFileAttributes.class);
    } catch (IOException e) {
        return ParsedFile.unread(Diagnostic.error(DiagnosticCode.READ, Position.startOf(source.path()),
                "cannot read file: " + SourceTree.reason(e)));
    }
    if (kept.isPresent() && !changed.contains(source.path()) && kept.get().size() == attributes.size()
            && kept.get().modified().equals(attributes.lastModifiedTime())) {
        return kept.get();
    }
    Diagnostics problems = new Diagnostics();
    Optional<SourceFile> file = tree.read(source.path()).text(source.path(), problems);
    List<Diagnostic> fileProblems = new ArrayList<>(problems.sorted());
    List<RawEntry> entries = List.of();
    if (file.isPresent()) {
        String collection = source.collection().name();
        EntryParser.Parsed parsed = source.markdown()
                ? entryParser.parseMarkdown(collection, file.get())
                : entryParser.parseDataFile(collection, file.get());
        fileProblems.addAll(parsed.diagnostics());
        entries = parsed.entries();
    }
    return new ParsedFile(attributes.size(), attributes.lastModifiedTime(), entries, fileProblems);
}
}
