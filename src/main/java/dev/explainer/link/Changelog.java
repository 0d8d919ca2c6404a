package dev.explainer.link;

import dev.explainer.config.ChangelogConfig;
import dev.explainer.config.SiteConfig;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The site's change log: the dated changes every entry records in the field the config names. */
final class Changelog {
    private Changelog() {
    }

    /** The dated changes of every entry, newest first; ties in collection order, then as written. */
    static List<Change> of(SiteConfig config, Map<String, List<Entry>> collections) {
        if (config.changelog().isEmpty()) {
            return List.of();
        }
        ChangelogConfig declared = config.changelog().get();
        String field = declared.field();
        List<Change> changes = new ArrayList<>();
        for (List<Entry> entries : collections.values()) {
            for (Entry entry : entries) {
                if (!(entry.data().get(field) instanceof List<?> list)) {
                    continue;
                }
                for (Object item : list) {
                    if (item instanceof Map<?, ?> change && change.get(declared.textKey()) instanceof String text) {
                        Object date = change.get(declared.dateKey());
                        LocalDate day = date instanceof LocalDate d ? d : date instanceof String s ? day(s) : null;
                        if (day != null) {
                            changes.add(new Change(day, text, entry));
                        }
                    }
                }
            }
        }
        // A stable sort keeps collection order and the order written among changes of one day.
        changes.sort(Comparator.comparing(Change::date).reversed());
        return List.copyOf(changes);
    }

    /**
     * A date written as text (quoted, or a day that does not exist such as 2015-13-45), if it is
     * one; the validate stage has reported it otherwise.
     */
    private static LocalDate day(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
