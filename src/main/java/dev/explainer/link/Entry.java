package dev.explainer.link;

import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.markdown.ShortcodeCall;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A published entry, ready to render.
 *
 * <p><b>Revisions.</b> {@link #revision} lets a later stage tell whether an entry changed since
 * an earlier run without comparing its data: the link stage keeps an entry's revision from one
 * run to the next while every other component is equal to the last run's (compared as values),
 * and gives it a number never used before in that chain of runs otherwise. So two entries with
 * the same key and the same revision, both from sites linked with one chain of
 * {@link LinkCache}s (each run given the cache the one before it returned), are equal in every
 * component. Revisions of sites linked from unrelated caches mean nothing to each other; the
 * builder drops every stage's cache at once, so a later stage never holds on to a site from
 * another chain.
 *
 * @param collection its collection's name
 * @param id         its id, unique in the collection
 * @param position   where it is defined (file start, or its {@code id} in a data file)
 * @param data       its fields as plain data; reference fields still hold ids, which
 *                   {@link Site#reference} resolves
 * @param html       its Markdown body as HTML (empty if it has none), internal links starting
 *                   with {@link dev.explainer.markdown.MarkdownRenderer#ROOT}
 * @param shortcodes the shortcode calls whose markers {@code html} holds, by index (none for most bodies)
 * @param sitePath   where it is shown: its own page ({@code /parties/russia/}) or an anchor on
 *                   another page ({@code /positions/#russia-assad}); empty if nowhere
 * @param key        identifies the entry across collections: {@link #key(String, String)}, kept
 *                   because whole-site passes look entries up by it many times per build
 * @param revision   changes exactly when another component changes (see above)
 */
public record Entry(String collection, String id, Position position, Map<String, Object> data, String html,
                    List<ShortcodeCall> shortcodes, Optional<String> sitePath, String key, long revision) {

    public static String key(String collection, String id) {
        return RawEntry.key(collection, id);
    }

    /**
     * The name shown for the entry: the text of {@code displayField} if its collection names one,
     * else its {@code title}, else its {@code name}; its id where the chosen field holds no text.
     */
    public String displayName(Optional<String> displayField) {
        return displayName(data, id, displayField);
    }

    /** {@link #displayName(Optional)} of an entry with these fields and id. */
    static String displayName(Map<String, Object> data, String id, Optional<String> displayField) {
        if (displayField.isPresent()) {
            return data.get(displayField.get()) instanceof String text ? text : id;
        }
        Object title = data.get("title");
        if (title instanceof String text) {
            return text;
        }
        Object name = data.get("name");
        return name instanceof String text ? text : id;
    }

    /** Whether this entry has these contents: then it keeps its revision. */
    boolean holds(String key, Position position, Map<String, Object> data, String html, List<ShortcodeCall> shortcodes,
                  Optional<String> sitePath) {
        return this.key.equals(key) && this.position.equals(position) && this.html.equals(html) && this.shortcodes.equals(shortcodes)
                && this.sitePath.equals(sitePath) && this.data.equals(data);
    }
}
