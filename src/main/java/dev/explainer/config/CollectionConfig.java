package dev.explainer.config;

import dev.explainer.diagnostic.Position;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the site declares one collection of entries.
 *
 * @param name       the collection's name, as templates reach it ({@code collections.quotes})
 * @param position   where it is declared in the site config
 * @param folder     a folder below {@code content/} with one Markdown file per entry, or
 * @param file       a YAML data file below {@code content/} holding a list of entries with ids
 * @param schema     the JSON Schema file, below {@code content/}, that every entry must satisfy
 * @param references fields that hold ids of entries of another collection, by the field or path
 *                   written in the config ({@code speaker}, {@code signatories[].country})
 * @param url        the URL pattern of each entry ({@code /parties/{id}/}); a pattern with a
 *                   fragment ({@code /positions/#{id}}) places entries on another page
 * @param template   the template of each entry's own page; empty for entries without one
 * @param sort       the order of the collection's entries everywhere they are listed
 * @param matrix     two reference fields; no two entries may name the same pair of their targets
 * @param matrixComplete whether every pair must have its entry ({@code matrix: [a, b]}), or pairs
 *                   may be left without one ({@code matrix: {fields: [a, b], complete: false}})
 * @param verbatim   how to check that entries quote their source word for word, if they must
 * @param unique     fields whose values no two entries may share (a headline that titles a page)
 * @param urlPosition where the {@code url} pattern is written (the collection's position if it has none)
 * @param displayField the field whose text names an entry (in breadcrumbs), if the site chose one;
 *                   without it, {@code title}, else {@code name}, else the id
 * @param urlField   the field by which an entry with a page may give its own URL instead of the
 *                   pattern's ({@code url_field: url}); without it, no field of an entry is its URL
 * @param templateField the field by which an entry with a page may name its own template
 * @param aliases    the field in which entries list their former addresses (paths, or ids), each
 *                   of which the build answers with a redirect to the entry; empty if none
 * @param translate  the top-level fields a translation gives in its own language ({@code translate:
 *                   [title, summary]}); every other field of a translation comes from the original.
 *                   The body of a Markdown entry is always translated
 */
public record CollectionConfig(
        String name,
        Position position,
        Optional<String> folder,
        Optional<String> file,
        String schema,
        Map<String, Reference> references,
        Optional<String> url,
        Optional<String> template,
        List<SortKey> sort,
        List<String> matrix,
        boolean matrixComplete,
        Optional<Verbatim> verbatim,
        List<String> unique,
        Position urlPosition,
        Optional<DisplayField> displayField,
        Optional<EntryField> urlField,
        Optional<EntryField> templateField,
        Optional<AliasField> aliases,
        List<EntryField> translate) {

    public CollectionConfig {
        translate = List.copyOf(translate);
        references = Map.copyOf(references);
        sort = List.copyOf(sort);
        matrix = List.copyOf(matrix);
        unique = List.copyOf(unique);
    }

    /** The collection has a page per entry (not only an anchor on another page). */
    public boolean hasPages() {
        return template.isPresent();
    }

    /** Whether a translation gives {@code field} in its own language. */
    public boolean translates(String field) {
        return translate.stream().anyMatch(declared -> declared.field().equals(field));
    }

    /** The field {@code display_field} names, and where it is written. */
    public record DisplayField(String field, Position position) {
    }

    /** The collection's URL pattern, taken apart into its literal text and fields. */
    public Optional<UrlPattern> urlPattern() {
        return url.map(UrlPattern::parse);
    }

    /** A field of the collection's entries that the engine reads ({@code url_field}, {@code template_field}), and where it is declared. */
    public record EntryField(String field, Position position) {
    }

    /** The field {@code aliases} names, and where it is written. */
    public record AliasField(String field, Position position) {
    }

    /**
     * A field that names entries of {@code target}: a field of the entry itself, or a field
     * inside its objects ({@code mediator.country}) or inside each item of a list of objects
     * ({@code signatories[].country}).
     *
     * @param field       as written in {@code references}, and as messages name it
     * @param position    where {@code target} is written
     * @param path        the steps from the entry to the field, the first a field of the entry
     * @param keyPosition where {@code field} is written
     */
    public record Reference(String field, String target, Position position, List<Step> path, Position keyPosition) {
        public Reference {
            path = List.copyOf(path);
        }

        /** A field of the entry itself, as matrices and quote checks need: {@code path} is one step. */
        public boolean topLevel() {
            return path.size() == 1;
        }

        /** The field of the entry itself that holds the reference, however deep inside it. */
        public String topField() {
            return path.get(0).field();
        }
    }

    /**
     * One step of a reference path: a field, and whether it holds a list of objects whose every
     * item the path goes on into ({@code []} after its name).
     */
    public record Step(String field, boolean eachItem) {
    }

    /**
     * Entries whose {@code text} must appear word for word in a passage of the entry their
     * {@code source} reference names: that entry's {@code passage} field, or its Markdown body.
     * Only entries whose fields equal all of {@code when} are checked (direct quotes, say).
     */
    public record Verbatim(String text, String source, Optional<String> passage, Map<String, Object> when,
                           Position position) {
    }

    /** One key of a sort order: a field, ascending unless written with a leading '-'. */
    public record SortKey(String field, boolean descending) {
    }
}
