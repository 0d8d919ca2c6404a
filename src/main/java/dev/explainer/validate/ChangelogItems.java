package dev.explainer.validate;

import dev.explainer.config.ChangelogConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;
import dev.explainer.yaml.YamlNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every entry's changes against the keys the site's {@code changelog} setting declares:
 * a change the change log cannot read would otherwise be left out of the Updates page and the
 * feed without a word. Not cached with the schema results, as it depends on the config too;
 * it only looks at the one field, so it costs little.
 */
final class ChangelogItems {
    private ChangelogItems() {
    }

    /**
     * What is wrong with the changes of {@code entries}; a problem at a place {@code reported}
     * already names (the schema's "format": "date", say) is left to that message.
     */
    static List<Diagnostic> check(ChangelogConfig changelog, List<RawEntry> entries, List<Diagnostic> reported) {
        Set<Position> named = new HashSet<>();
        for (Diagnostic diagnostic : reported) {
            named.add(new Position(diagnostic.path(), diagnostic.line(), diagnostic.column()));
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (RawEntry entry : entries) {
            YamlNode.Member member = entry.fields().members().get(changelog.field());
            if (member != null) {
                check(changelog, member.value(), problems);
            }
        }
        problems.removeIf(problem -> named.contains(new Position(problem.path(), problem.line(), problem.column())));
        return problems;
    }

    private static void check(ChangelogConfig changelog, YamlNode changes, List<Diagnostic> problems) {
        String field = changelog.field();
        String keys = changelog.keysInWords();
        if (!(changes instanceof YamlNode.Sequence list)) {
            if (!(changes instanceof YamlNode.Scalar scalar && scalar.value() == null)) {
                problems.add(Diagnostic.error(DiagnosticCode.FIELD, changes.position(), "field '" + field
                        + "': the change log's field must be a list of changes, each with " + keys + ", not " + changes.describe()));
            }
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String name = field + "[" + i + "]";
            if (!(item instanceof YamlNode.Mapping change)) {
                problems.add(Diagnostic.error(DiagnosticCode.FIELD, item.position(), "field '" + name
                        + "': a change must be a mapping with " + keys + ", not " + item.describe()));
                continue;
            }
            YamlNode date = present(change, changelog.dateKey());
            YamlNode text = present(change, changelog.textKey());
            if (date == null || text == null) {
                String missing = date == null && text == null ? "no '" + changelog.dateKey() + "' and no '" + changelog.textKey() + "'"
                        : "no '" + (date == null ? changelog.dateKey() : changelog.textKey()) + "'";
                problems.add(Diagnostic.error(DiagnosticCode.MISSING_FIELD, change.position(), "field '" + name
                        + "': this change has " + missing + "; the site's 'changelog' setting (" + changelog.position()
                        + ") says each change has " + keys + "; add the missing key, or name the keys your changes use there,"
                        + " such as 'changelog: {field: " + field + ", date: day, text: note}'"));
            }
            if (date != null && !isDay(date)) {
                problems.add(Diagnostic.error(DiagnosticCode.FIELD_FORMAT, date.position(), "field '" + name + "."
                        + changelog.dateKey() + "': " + given(date) + " is not a date; a change's day is written YYYY-MM-DD,"
                        + " such as 2024-01-31"));
            }
            if (text != null && !(text instanceof YamlNode.Scalar scalar && scalar.value() instanceof String)) {
                problems.add(Diagnostic.error(DiagnosticCode.FIELD, text.position(), "field '" + name + "." + changelog.textKey()
                        + "': a change's text must be text, not " + text.describe() + "; put it in quotes if it is meant as text"));
            }
        }
    }

    /** The value of {@code key}, unless it is missing or empty. */
    private static YamlNode present(YamlNode.Mapping change, String key) {
        YamlNode value = change.get(key).orElse(null);
        return value instanceof YamlNode.Scalar scalar && scalar.value() == null ? null : value;
    }

    private static boolean isDay(YamlNode date) {
        if (!(date instanceof YamlNode.Scalar scalar)) {
            return false;
        }
        if (scalar.value() instanceof LocalDate) {
            return true;
        }
        if (scalar.value() instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String given(YamlNode date) {
        return date instanceof YamlNode.Scalar scalar && scalar.value() != null ? "'" + scalar.value() + "'" : date.describe();
    }
}
