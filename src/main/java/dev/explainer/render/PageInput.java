package dev.explainer.render;

/**
 * One thing a page read from the linked site while it rendered, in the terms in which two builds'
 * sites are compared ({@link SiteChanges}): a page is rendered again only when one of its inputs
 * differs. What every page depends on (the site config, the set of page and asset paths, and its
 * own template with what it imports) is not recorded: a change to the first two re-renders every
 * page, to a template the pages that use it ({@link RenderCache}).
 */
sealed interface PageInput {

    /** An input that belongs to one entry: all of them change when the entry is added or removed. */
    sealed interface OfEntry extends PageInput {
        EntryRef entry();
    }

    /** The value of one of an entry's fields, as the entry's data holds it (a reference field: the ids). */
    record EntryField(EntryRef entry, String field) implements OfEntry {
    }

    /** Which fields an entry has: a page that lists them ({@code entry?keys}) depends on that. */
    record EntryKeys(EntryRef entry) implements OfEntry {
    }

    /** An entry's Markdown body, as HTML ({@code content}). */
    record EntryBody(EntryRef entry) implements OfEntry {
    }

    /** Where an entry is shown: {@code href}, {@code path} and {@code permalink} come from it. */
    record EntryPath(EntryRef entry) implements OfEntry {
    }

    /** The file that defines an entry ({@code file}). */
    record EntryFile(EntryRef entry) implements OfEntry {
    }

    /**
     * The language of the text an entry shows in its edition, and whether that text is a
     * translation behind its original ({@code translated}, {@code translation_stale}, {@code lang},
     * {@code dir}).
     */
    record EntryLanguage(EntryRef entry) implements OfEntry {
    }

    /**
     * That an entry exists ({@code lookup}, which fails for an entry that does not). Never
     * changes on its own: it changes with the entry's being added or removed.
     */
    record Presence(EntryRef entry) implements OfEntry {
    }

    /** Which entries a collection holds, in its order ({@code collections.NAME}). */
    record Listing(String collection) implements PageInput {
    }

    /** Which entry fills each cell of a matrix collection, rows and columns in order ({@code matrices.NAME}). */
    record Matrix(String collection) implements PageInput {
    }

    /** Which entries refer to an entry, by collection, in order ({@code referrers}). */
    record Referrers(EntryRef entry) implements PageInput {
    }

    /** The site's change log: each change's date, text and entry, newest first ({@code changelog}). */
    record Changelog() implements PageInput {
    }
}
