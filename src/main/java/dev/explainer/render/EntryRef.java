package dev.explainer.render;

import dev.explainer.link.Entry;

/**
 * Names an entry across rebuilds: its collection and id, which stay the same while its fields,
 * body, file and page change. What a page read of an entry is recorded under this name, and the
 * next build's entry of the same name is compared with it.
 */
record EntryRef(String collection, String id) {
    static EntryRef of(Entry entry) {
        return new EntryRef(entry.collection(), entry.id());
    }
}
