package dev.explainer.validate;

import dev.explainer.config.CollectionConfig;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.load.RawTranslation;
import dev.explainer.text.Suggestions;
import dev.explainer.yaml.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Each translation against its original: it must translate an entry that exists, give only
 * fields the schema declares, give a field that is not translated only with the original's value,
 * and say (by {@code translates:}) that it translates the original as it is now; a translation
 * behind its original is a warning at that line, naming the original.
 *
 * <p>Keeps nothing from one run to the next: a translation's problems depend on its original,
 * which may change without the translation's file changing.
 */
final class TranslationChecks {
    private TranslationChecks() {
    }

    /** The translations that translate an entry, each merged with its original and checked against its schema. */
    static List<ValidTranslation> check(SiteConfig config, List<RawEntry> entries, List<RawTranslation> translations,
                                        Set<String> incomplete, Map<String, Optional<CollectionSchema>> schemaOf,
                                        Diagnostics problems) {
        List<ValidTranslation> valid = new ArrayList<>();
        if (translations.isEmpty()) {
            return valid;
        }
        Map<String, RawEntry> originals = new HashMap<>(entries.size() * 2);
        entries.forEach(entry -> originals.putIfAbsent(entry.key(), entry));
        Map<String, Position> seen = new HashMap<>();
        for (RawTranslation translation : translations) {
            RawEntry entry = translation.entry();
            Optional<CollectionConfig> collection = config.collection(entry.collection());
            if (collection.isEmpty()) {
                continue;
            }
            RawEntry original = originals.get(entry.key());
            if (original == null) {
                if (!incomplete.contains(entry.collection())) { // else the original may be in a file that could not be read
                    problems.error(DiagnosticCode.TRANSLATION, entry.idPosition(), noOriginal(collection.get(), entry));
                }
                continue;
            }
            Position first = seen.putIfAbsent(translation.language() + " " + entry.key(), entry.idPosition());
            if (first != null) {
                problems.error(DiagnosticCode.TRANSLATION, entry.idPosition(), "entry '" + entry.id() + "' is translated into '"
                        + translation.language() + "' a second time (first at " + where(first) + "); remove one of them");
                continue;
            }
            Optional<CollectionSchema> schema = schemaOf.getOrDefault(entry.collection(), Optional.empty());
            fields(collection.get(), translation, original, schema, problems);
            boolean stale = !current(collection.get(), translation, original, problems);
            valid.add(new ValidTranslation(translation.language(), typed(collection.get(), translation, original, schema, problems),
                    stale));
        }
        return valid;
    }

    /**
     * The original with the translated fields and body in place, typed and checked by its schema.
     * Only what is wrong at the translation's own file is reported: the original's own problems
     * are reported at the original.
     */
    private static ValidEntry typed(CollectionConfig collection, RawTranslation translation, RawEntry original,
                                    Optional<CollectionSchema> schema, Diagnostics problems) {
        Map<String, YamlNode.Member> members = new LinkedHashMap<>(original.fields().members());
        for (YamlNode.Member member : translation.entry().fields().members().values()) {
            if (collection.translates(member.key())) {
                members.put(member.key(), member);
            }
        }
        RawEntry entry = translation.entry();
        RawEntry merged = new RawEntry(original.collection(), original.id(), entry.idPosition(),
                new YamlNode.Mapping(members, entry.fields().position()), original.draft(), entry.body().or(original::body));
        Diagnostics checking = new Diagnostics();
        ValidEntry valid = EntryChecker.check(merged, schema.orElse(null), checking);
        checking.sorted().stream().filter(problem -> problem.path().equals(entry.path())).forEach(problems::add);
        return valid;
    }

    private static String noOriginal(CollectionConfig collection, RawEntry entry) {
        if (collection.folder().isPresent()) {
            return "this file translates entry '" + entry.id() + "' of collection '" + collection.name() + "', but there is no such"
                    + " entry (no content/" + collection.folder().get() + "/" + entry.id() + ".md); rename it after the entry it"
                    + " translates, or remove it";
        }
        return "this item translates entry '" + entry.id() + "' of collection '" + collection.name() + "', but content/"
                + collection.file().orElse("") + " has no entry with id '" + entry.id() + "'; fix the id, or remove the item";
    }

    /** Every field a translation gives: declared by the schema, and the original's own value unless it is translated. */
    private static void fields(CollectionConfig collection, RawTranslation translation, RawEntry original,
                               Optional<CollectionSchema> schema, Diagnostics problems) {
        for (YamlNode.Member member : translation.entry().fields().members().values()) {
            String field = member.key();
            if (schema.isPresent() && !schema.get().fields().contains(field)) {
                String hint = Suggestions.closest(field, schema.get().fields()).map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.error(DiagnosticCode.TRANSLATION, member.keyPosition(), "field '" + field + "' is not a field of collection '"
                        + collection.name() + "': its schema " + schema.get().file() + " does not declare it" + hint);
                continue;
            }
            if (collection.translates(field)) {
                continue;
            }
            Optional<YamlNode> given = original.fields().get(field);
            if (given.isPresent() && Objects.equals(given.get().toPlain(), member.value().toPlain())) {
                continue; // the same value: harmless, and what a translator who copied the whole file has
            }
            String translated = collection.translate().isEmpty() ? "translates none of its fields"
                    : "translates " + String.join(", ", collection.translate().stream().map(CollectionConfig.EntryField::field).toList());
            problems.error(DiagnosticCode.TRANSLATION, member.value().position(), "field '" + field + "' is not translated (collection '"
                    + collection.name() + "' " + translated + "): every edition takes it from the original, "
                    + where(original.idPosition(), original) + ", where it " + (given.isPresent() ? "is " + shown(given.get())
                    : "is not given") + "; remove it from this translation");
        }
    }

    /** Whether the translation says it translates the original as it is now; if not, a warning says so. */
    private static boolean current(CollectionConfig collection, RawTranslation translation, RawEntry original, Diagnostics problems) {
        String now = TranslationHash.of(original, collection);
        String command = "'explainer translated " + translation.language() + " " + collection.name() + " " + original.id() + "'";
        String originalAt = where(original.idPosition(), original);
        if (translation.translates().isEmpty()) {
            problems.warning(DiagnosticCode.STALE_TRANSLATION, translation.entry().idPosition(), "this translation into '"
                    + translation.language() + "' does not say which version of its original, " + originalAt + ", it translates;"
                    + " once it is up to date, run " + command + " to record that (it adds 'translates: " + now + "')");
            return false;
        }
        RawTranslation.Translates translates = translation.translates().get();
        if (!translates.hash().equals(now)) {
            problems.warning(DiagnosticCode.STALE_TRANSLATION, translates.position(), "this translation into '" + translation.language()
                    + "' is behind its original, " + originalAt + ", which has changed since it was translated (it translates version "
                    + translates.hash() + ", the original is now at " + now + "); bring it up to date, then run " + command
                    + " to record that");
            return false;
        }
        return true;
    }

    /** A Markdown original by its file, an item of a data file by its place in it. */
    private static String where(Position at, RawEntry original) {
        return original.body().isPresent() ? at.path() : where(at);
    }

    private static String where(Position at) {
        return at.path() + ":" + at.line() + ":" + at.column();
    }

    private static String shown(YamlNode value) {
        if (value instanceof YamlNode.Scalar scalar && scalar.value() != null) {
            String text = String.valueOf(scalar.value());
            return "'" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
        }
        return value.describe();
    }
}
