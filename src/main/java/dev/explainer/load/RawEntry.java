package dev.explainer.load;

import dev.explainer.diagnostic.Position;
import dev.explainer.text.SourceFile;
import dev.explainer.yaml.YamlNode;

import java.util.Optional;

/**
 * An entry as written: its collection, id and fields, before any checking or linking.
 *
 * <p>A value: two entries are equal when they have the same collection, id and fields, every
 * value written at the same place, and the same body (its file's path and text, and where in it
 * the body starts). Whatever a later stage makes of an entry depends on nothing else, so a rebuild
 * may reuse what it made of an equal entry; nothing is hashed, so nothing can collide.
 *
 * @param collection the collection it belongs to
 * @param id         its id: the file name without extension, or the item's {@code id} field
 * @param idPosition where the id was given (the file's start, or the {@code id} value)
 * @param fields     its data, with positions; without {@code id} and {@code draft}
 * @param draft      whether it is marked {@code draft: true}
 * @param body       the Markdown after the front matter, for entries that are Markdown files
 * @param key        identifies the entry across collections ({@link #key(String, String)}); made
 *                   once, so that the live preview's many lookups by key reuse its hash
 */
public record RawEntry(
        String collection,
        String id,
        Position idPosition,
        YamlNode.Mapping fields,
        boolean draft,
        Optional<Body> body,
        String key) {

    public RawEntry(String collection, String id, Position idPosition, YamlNode.Mapping fields, boolean draft, Optional<Body> body) {
        this(collection, id, idPosition, fields, draft, body, key(collection, id));
    }

    /** The key of the entry {@code id} of {@code collection}: {@code people/ann}. */
    public static String key(String collection, String id) {
        return collection + "/" + id;
    }

    public String path() {
        return idPosition.path();
    }

    /**
     * Markdown text: the rest of its file from {@code offset}, so that positions inside it can be
     * reported as whole-file lines and columns.
     */
    public record Body(SourceFile file, int offset) {
        /**
         * The Markdown, cut from the file's text when asked for (it is, once per render): a copy
         * kept beside the file's text would double what a big site keeps in memory to the end (and
         * what the collector copies and the kernel zeroes for it; 10,000 pages: ~29 MB).
         */
        public String markdown() {
            return file.text().substring(offset);
        }

        public Position positionOf(int offsetInBody) {
            return file.positionOf(offset + offsetInBody);
        }
    }
}
