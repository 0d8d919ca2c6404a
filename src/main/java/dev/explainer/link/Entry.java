package dev.explainer.link;

import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;

import java.util.Map;
import java.util.Optional;

/**
 * A published entry, ready to render.
 *
 * @param collection its collection's name
 * @param id         its id, unique in the collection
 * @param position   where it is defined (file start, or its {@code id} in a data file)
 * @param data       its fields as plain data; reference fields still hold ids, which
 *                   {@link Site#reference} resolves
 * @param html       its Markdown body as HTML (empty if it has none), internal links starting
 *                   with {@link dev.explainer.markdown.MarkdownRenderer#ROOT}
 * @param sitePath   where it is shown: its own page ({@code /parties/russia/}) or an anchor on
 *                   another page ({@code /positions/#russia-assad}); empty if nowhere
 * @param key        identifies the entry across collections: {@link #key(String, String)}, kept
 *                   because whole-site passes look entries up by it many times per build
 */
public record Entry(String collection, String id, Position position, Map<String, Object> data, String html,
                    Optional<String> sitePath, String key) {

    public Entry(String collection, String id, Position position, Map<String, Object> data, String html,
                 Optional<String> sitePath) {
        this(collection, id, position, data, html, sitePath, key(collection, id));
    }

    public static String key(String collection, String id) {
        return RawEntry.key(collection, id);
    }

    /** The name shown for the entry: its {@code title}, else its {@code name}, else its id. */
    public String displayName() {
        Object title = data.get("title");
        if (title instanceof String text) {
            return text;
        }
        Object name = data.get("name");
        return name instanceof String text ? text : id;
    }
}
