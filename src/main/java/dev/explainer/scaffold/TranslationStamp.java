package dev.explainer.scaffold;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.Language;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.FileRead;
import dev.explainer.load.LoadedSite;
import dev.explainer.load.RawEntry;
import dev.explainer.load.RawTranslation;
import dev.explainer.load.SourceTree;
import dev.explainer.text.SourceFile;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.TranslationHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code translated LANG COLLECTION ID}: records in a translation which version of its original
 * it translates, by writing the original's current hash as its {@code translates:} value (added
 * after the front matter's opening line, or after a data file item's {@code id}, if it has none).
 * The translator runs it once the translation is up to date; nothing else in the file changes.
 */
public final class TranslationStamp {
    /** A {@code translates:} value as written: plain or quoted, up to where it ends. */
    private static final Pattern VALUE = Pattern.compile("\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s,}#]*");
    private static final Pattern ID_KEY = Pattern.compile("^(\\s*(?:-\\s+)?)id\\s*:");

    private TranslationStamp() {
    }

    /** What the command did, or why it did nothing. */
    public sealed interface Outcome {
        /** The translation now says it translates the original as it is: {@code line} of {@code path} holds {@code hash}. */
        record Recorded(String path, int line, String hash, String original, boolean changed) implements Outcome {
        }

        /** A use of the command that names no translation. */
        record Refused(String reason) implements Outcome {
        }

        /** The translation's file cannot be changed safely; its problem, where it is. */
        record Invalid(Diagnostic problem) implements Outcome {
        }
    }

    public static Outcome record(Path sourceDir, LoadedSite site, List<Diagnostic> loadProblems, String language, String collectionName,
                                 String id) throws IOException {
        List<String> languages = site.config().languages().stream().filter(l -> !l.original()).map(Language::code).toList();
        if (site.config().translationLanguage(language).isEmpty()) {
            return new Outcome.Refused(languages.isEmpty() ? "the site declares no 'languages' to translate into"
                    : "'" + language + "' is not a language the site translates into; it translates into " + String.join(", ", languages));
        }
        Optional<CollectionConfig> collection = site.config().collection(collectionName);
        if (collection.isEmpty()) {
            List<String> names = site.config().collections().stream().map(CollectionConfig::name).toList();
            return new Outcome.Refused("no collection '" + collectionName + "'" + Suggestions.closest(collectionName, names)
                    .map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        String key = RawEntry.key(collectionName, id);
        Optional<RawEntry> original = site.entries().stream().filter(entry -> entry.key().equals(key)).findFirst();
        if (original.isEmpty()) {
            return new Outcome.Refused("collection '" + collectionName + "' has no entry '" + id + "'");
        }
        Optional<RawTranslation> translation = site.translations().stream()
                .filter(t -> t.language().equals(language) && t.entry().key().equals(key)).findFirst();
        if (translation.isEmpty()) {
            String file = collection.get().folder().map(folder -> "content/" + folder + "/" + id + "." + language + ".md")
                    .orElseGet(() -> translationFile(collection.get().file().orElse(""), language) + ", an item with id '" + id + "'");
            return new Outcome.Refused("there is no translation of " + key + " into '" + language + "' (" + file + ");"
                    + " write it first, then run this command");
        }
        String path = translation.get().path();
        Optional<Diagnostic> broken = loadProblems.stream().filter(d -> d.isError() && d.path().equals(path)).findFirst();
        if (broken.isPresent()) {
            return new Outcome.Invalid(broken.get()); // a file that does not read as it should is not rewritten
        }
        String hash = TranslationHash.of(original.get(), collection.get());
        String originalAt = original.get().body().isPresent() ? original.get().path() : original.get().idPosition().toString();
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        SourceTree.Entry file = tree.isPresent() ? tree.get().find(path, Position.startOf(path)) : null;
        if (file == null || file.kind() != SourceTree.Kind.FILE) {
            return new Outcome.Refused(path + " is no longer a file of the site");
        }
        FileRead read = tree.get().read(file);
        Optional<SourceFile> text = read.bytes().flatMap(bytes -> SourceFile.decode(path, bytes).file());
        if (text.isEmpty()) {
            return new Outcome.Refused(path + " can no longer be read");
        }
        Optional<RawTranslation.Translates> written = translation.get().translates();
        Edit edit = written.isPresent() ? replaced(text.get().text(), written.get().position(), hash)
                : added(text.get().text(), translation.get(), hash);
        if (edit.problem().isPresent()) {
            return new Outcome.Refused(path + ": " + edit.problem().get());
        }
        boolean changed = !edit.text().equals(text.get().text());
        if (changed) {
            write(file.file(), edit.text());
        }
        return new Outcome.Recorded(path, edit.line(), hash, originalAt, changed);
    }

    private static String translationFile(String dataFile, String language) {
        int dot = dataFile.lastIndexOf('.');
        return "content/" + (dot < 0 ? dataFile : dataFile.substring(0, dot) + "." + language + dataFile.substring(dot));
    }

    /** The file's new text, and the line that holds {@code translates:} in it. */
    private record Edit(String text, int line, Optional<String> problem) {
        static Edit refused(String problem) {
            return new Edit("", 0, Optional.of(problem));
        }
    }

    /** The text with the {@code translates} value at {@code at} replaced by {@code hash}. */
    private static Edit replaced(String text, Position at, String hash) {
        int start = lineStart(text, at.line());
        int lineEnd = lineEnd(text, start);
        int column = text.offsetByCodePoints(start, at.column() - 1);
        Matcher value = VALUE.matcher(text).region(column, lineEnd);
        if (!value.lookingAt()) {
            return Edit.refused("cannot find the value of 'translates' at line " + at.line() + "; write 'translates: " + hash + "' by hand");
        }
        return new Edit(text.substring(0, column) + hash + text.substring(value.end()), at.line(), Optional.empty());
    }

    /** The text with {@code translates: hash} added: after the front matter's first line, or after the item's {@code id}. */
    private static Edit added(String text, RawTranslation translation, String hash) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        if (translation.entry().body().isPresent()) {
            int second = lineEnd(text, 0);
            second = second < text.length() ? second + (text.startsWith("\r\n", second) ? 2 : 1) : second;
            return new Edit(text.substring(0, second) + "translates: " + hash + newline + text.substring(second), 2, Optional.empty());
        }
        Position id = translation.entry().idPosition();
        int start = lineStart(text, id.line());
        int end = lineEnd(text, start);
        Matcher key = ID_KEY.matcher(text.substring(start, end));
        if (!key.find() || text.substring(start, end).contains("{")) {
            return Edit.refused("the item with id '" + translation.entry().id() + "' is not written one field a line;"
                    + " add 'translates: " + hash + "' to it by hand");
        }
        String indent = " ".repeat(key.group(1).length());
        int next = end < text.length() ? end + (text.startsWith("\r\n", end) ? 2 : 1) : end;
        String separator = end == text.length() ? newline : "";
        return new Edit(text.substring(0, next) + separator + indent + "translates: " + hash + newline + text.substring(next),
                id.line() + 1, Optional.empty());
    }

    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset);
            offset = offset < 0 ? text.length() : offset + 1;
        }
        return Math.min(offset, text.length());
    }

    private static int lineEnd(String text, int start) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
            return text.length();
        }
        return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Written beside the file and moved over it, so that an interrupted write leaves the old text whole. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".explainer-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
