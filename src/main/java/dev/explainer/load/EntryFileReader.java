package dev.explainer.load;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one entry file into its entries, or keeps what it held when last read if it has not changed. */
final class EntryFileReader {
    /** The field in which a translation names the version of its original it translates. */
    static final String TRANSLATES = "translates";

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
    if (source.language().isPresent()) {
        List<RawTranslation> translations = entries.stream()
                .map(entry -> translation(entry, source.language().get(), source.markdown(), fileProblems)).toList();
        return new ParsedFile(attributes.size(), attributes.lastModifiedTime(), List.of(), fileProblems, translations);
    }
    return new ParsedFile(attributes.size(), attributes.lastModifiedTime(), entries, fileProblems, List.of());
}

    /**
     * An entry read from a translation file as the translation it is: the id of the entry it
     * translates (a Markdown file's name without the language), {@code translates} taken out.
     */
    private static RawTranslation translation(RawEntry read, String language, boolean markdown, List<Diagnostic> problems) {
        String id = markdown && read.id().endsWith("." + language) ? read.id().substring(0, read.id().length() - language.length() - 1)
                : read.id();
        Optional<RawTranslation.Translates> translates = Optional.empty();
        Optional<YamlNode> written = read.fields().get(TRANSLATES);
        if (written.isPresent()) {
            // A hash of digits alone reads as a whole number; one with a leading 0 stays text.
            if (written.get() instanceof YamlNode.Scalar scalar && (scalar.value() instanceof String || scalar.value() instanceof Long)) {
                translates = Optional.of(new RawTranslation.Translates(String.valueOf(scalar.value()), scalar.position()));
            } else {
                problems.add(Diagnostic.error(DiagnosticCode.TRANSLATION, written.get().position(), "'translates' must be the text"
                        + " that 'explainer translated' writes, such as 'translates: 1a2b3c4d5e', not " + written.get().describe()));
            }
        }
        RawEntry entry = new RawEntry(read.collection(), id, read.idPosition(), read.fields().without(Set.of(TRANSLATES)), read.draft(),
                read.body());
        return new RawTranslation(language, entry, translates);
    }
}
