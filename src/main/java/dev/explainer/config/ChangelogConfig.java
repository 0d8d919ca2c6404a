package dev.explainer.config;

import dev.explainer.diagnostic.Position;

/**
 * Where entries keep their dated changes, and the keys each change is written with: the site
 * declares them ({@code changelog: changes} for the defaults, or a mapping naming each), so that
 * a site whose changes say {@code day} and {@code note} is checked, not silently left empty.
 *
 * @param field    the entry field holding the list of changes
 * @param dateKey  the key of a change's day
 * @param textKey  the key of a change's description
 * @param position where the setting is written, for messages about it
 */
public record ChangelogConfig(String field, String dateKey, String textKey, Position position) {
    public static final String DEFAULT_DATE_KEY = "date";
    public static final String DEFAULT_TEXT_KEY = "text";

    /** How the keys are named in messages: "'date' and 'text'". */
    public String keysInWords() {
        return "'" + dateKey + "' and '" + textKey + "'";
    }
}
