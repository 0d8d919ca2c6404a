package dev.explainer.link;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.markdown.ShortcodeCall;
import dev.explainer.text.Suggestions;
import dev.explainer.validate.ValidEntry;
import dev.explainer.yaml.YamlNode;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * References resolved both ways: every id a reference field names (at the top of an entry, or
 * inside its objects and lists of objects, as {@link ReferenceValues} finds them) must be an entry of the
 * collection it refers to (an unknown id is reported, with the closest known one), and each
 * entry learns which entries refer to it. The ids are the entries' typed values, as templates
 * see them; the positions are where the validated entry says each was written.
 */
final class References {
    private References() {
    }

    /**
     * Who refers to whom: for each entry that something refers to, its referrers by collection,
     * each list in the referring collection's order.
     *
     * @param excludedDrafts keys of drafts left out of this build, named as such when referred to
     * @param incomplete     collections some of whose entries could not be read: an id that may be
     *                       among them is not reported
     */
    static Map<String, Map<String, List<Entry>>> resolve(SiteConfig config, Map<String, ValidEntry> published,
                                                         Map<String, List<Entry>> collections, Map<String, Entry> byKey,
                                                         Set<String> excludedDrafts, Set<String> incomplete, Diagnostics problems) {
        // Sources are visited in collection order, so each list of referrers comes out in that
        // order; they are kept by key, as hashing whole entries (their data and HTML) costs more.
        Map<String, Map<String, Map<String, Entry>>> found = new HashMap<>();
        for (CollectionConfig collection : config.collections()) {
            for (Entry source : collections.getOrDefault(collection.name(), List.of())) {
                ValidEntry entry = published.get(source.key());
                for (CollectionConfig.Reference reference : collection.references().values()) {
                    resolveField(entry, source, reference, published, byKey, excludedDrafts, incomplete, found, problems);
                }
                if (!source.shortcodes().isEmpty()) {
                    resolveShortcodes(source, published, byKey, excludedDrafts, incomplete, found, problems);
                }
            }
        }
        Map<String, Map<String, List<Entry>>> referrers = new HashMap<>();
        found.forEach((target, byCollection) -> {
            Map<String, List<Entry>> lists = new LinkedHashMap<>();
            byCollection.forEach((name, sources) -> lists.put(name, List.copyOf(sources.values())));
            referrers.put(target, Collections.unmodifiableMap(lists));
        });
        return referrers;
    }

    private static void resolveField(ValidEntry entry, Entry source, CollectionConfig.Reference reference,
                                     Map<String, ValidEntry> published, Map<String, Entry> byKey, Set<String> excludedDrafts,
                                     Set<String> incomplete, Map<String, Map<String, Map<String, Entry>>> found,
                                     Diagnostics problems) {
        for (ReferenceValues.Found value : ReferenceValues.of(reference, entry.data(), entry.raw().fields())) {
            resolveValue(value, entry, source, reference, published, byKey, excludedDrafts, incomplete, found, problems);
        }
    }

    /** One value at the reference's path: an id, or a list of ids, each where it was written. */
    private static void resolveValue(ReferenceValues.Found value, ValidEntry entry, Entry source, CollectionConfig.Reference reference,
                                     Map<String, ValidEntry> published, Map<String, Entry> byKey, Set<String> excludedDrafts,
                                     Set<String> incomplete, Map<String, Map<String, Map<String, Entry>>> found,
                                     Diagnostics problems) {
        List<?> values = value.value() instanceof List<?> list ? list : List.of(value.value());
        for (int i = 0; i < values.size(); i++) {
            YamlNode node = value.node() instanceof YamlNode.Sequence list && i < list.items().size() ? list.items().get(i) : value.node();
            Position at = node == null ? entry.raw().idPosition() : node.position();
            if (!(values.get(i) instanceof String id)) {
                problems.error(DiagnosticCode.REFERENCE, at, "'" + reference.field() + "' must hold the id of an entry of '"
                        + reference.target() + "' (or a list of them), not " + describe(values.get(i)));
                continue;
            }
            String targetKey = Entry.key(reference.target(), id);
            Entry target = byKey.get(targetKey);
            if (target == null && incomplete.contains(reference.target())) {
                continue; // the entry may be in the part of the collection that could not be read
            }
            if (target == null) {
                problems.error(DiagnosticCode.UNKNOWN_REFERENCE, at, unknownReference(reference, id, excludedDrafts.contains(targetKey),
                        published.values()));
                continue;
            }
            found.computeIfAbsent(targetKey, k -> new TreeMap<>())
                    .computeIfAbsent(entry.collection(), k -> new LinkedHashMap<>()).putIfAbsent(source.key(), source);
        }
    }

    /** The entries a body's shortcodes name by reference arguments: referred to like the entries of a reference field. */
    private static void resolveShortcodes(Entry source, Map<String, ValidEntry> published, Map<String, Entry> byKey,
                                          Set<String> excludedDrafts, Set<String> incomplete,
                                          Map<String, Map<String, Map<String, Entry>>> found, Diagnostics problems) {
        for (ShortcodeCall.Reference reference : ShortcodeCall.references(source.shortcodes())) {
            String targetKey = Entry.key(reference.collection(), reference.id());
            Entry target = byKey.get(targetKey);
            if (target == null && incomplete.contains(reference.collection())) {
                continue;
            }
            if (target == null) {
                String where = "in the argument '" + reference.argument() + "'";
                String message;
                if (excludedDrafts.contains(targetKey)) {
                    message = "'" + reference.id() + "' " + where + " is a draft of '" + reference.collection()
                            + "'; publish it (remove 'draft: true') or build with --drafts";
                } else {
                    List<String> ids = published.values().stream().filter(e -> e.collection().equals(reference.collection()))
                            .map(ValidEntry::id).sorted().toList();
                    message = "unknown " + reference.collection() + " id '" + reference.id() + "' " + where
                            + Suggestions.closest(reference.id(), ids).map(s -> "; did you mean '" + s + "'?").orElse("");
                }
                problems.error(DiagnosticCode.SHORTCODE_REFERENCE, reference.position(), message);
                continue;
            }
            found.computeIfAbsent(targetKey, k -> new TreeMap<>())
                    .computeIfAbsent(source.collection(), k -> new LinkedHashMap<>()).putIfAbsent(source.key(), source);
        }
    }

    /** What a value is, in the words the YAML messages use: "a list", "a date", "an empty value", ... */
    private static String describe(Object value) {
        return value instanceof List ? "a list" : value instanceof Map ? "a mapping" : YamlNode.describeValue(value);
    }

    private static String unknownReference(CollectionConfig.Reference reference, String id, boolean isDraft,
                                           Collection<ValidEntry> published) {
        if (isDraft) {
            return "'" + id + "' in '" + reference.field() + "' is a draft of '" + reference.target()
                    + "'; publish it (remove 'draft: true') or build with --drafts";
        }
        List<String> ids = published.stream().filter(e -> e.collection().equals(reference.target()))
                .map(ValidEntry::id).sorted().toList();
        String hint = Suggestions.closest(id, ids).map(s -> "; did you mean '" + s + "'?").orElse("");
        return "unknown " + reference.target() + " id '" + id + "' in '" + reference.field() + "'" + hint;
    }
}
