package dev.explainer.load;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names the engine gives every entry, beside the fields an editor writes: the one list of
 * them. The loader takes {@code id} and {@code draft} out of an entry's fields; templates see the
 * rest as the entry's own ({@code entry.href}); a schema may not declare those, since templates
 * could then not tell the engine's value from the editor's.
 */
public final class ReservedFields {
    /** The entry's id: a data file's item gives it; a Markdown entry's is its file name. */
    public static final String ID = "id";
    /** {@code draft: true} keeps an entry out of the site unless {@code --drafts} is given. */
    public static final String DRAFT = "draft";
    public static final String COLLECTION = "collection";
    /** The source file the entry was read from. */
    public static final String FILE = "file";
    /** The Markdown body, as HTML. */
    public static final String CONTENT = "content";
    /** A link to the entry's page (or anchor) relative to the page being rendered. */
    public static final String HREF = "href";
    /** The entry's site path ({@code /parties/russia/}). */
    public static final String PATH = "path";
    /** The entry's absolute URL under the site's base URL. */
    public static final String PERMALINK = "permalink";
    /** The entries that refer to this one, by collection. */
    public static final String REFERRERS = "referrers";

    /**
     * Whether the entry shows its text in the language of the page's edition: false where an
     * edition shows the original's text because the entry has no translation into its language.
     */
    public static final String TRANSLATED = "translated";
    /** Whether the translation the entry shows is behind its original. */
    public static final String TRANSLATION_STALE = "translation_stale";
    /** The code of the language the entry's text is written in: the original's where it is not translated. */
    public static final String LANG = "lang";
    /** The direction ({@code ltr} or {@code rtl}) of that language. */
    public static final String DIR = "dir";

    /** What the loader takes out of an entry's fields: they are the engine's, not data. */
    public static final List<String> READ_BY_LOADER = List.of(ID, DRAFT);

    /** What templates see on every entry besides its fields, in the order {@code ?keys} lists them. */
    public static final List<String> IN_TEMPLATES = List.of(ID, COLLECTION, FILE, CONTENT, HREF, PATH, PERMALINK, REFERRERS,
            TRANSLATED, TRANSLATION_STALE, LANG, DIR);

    /**
     * What a schema may not declare: every name templates see except {@code id}. ({@code id} and
     * {@code draft} may be declared, so that editors' tooling knows them; the engine's values are
     * the same as the editor's.)
     */
    public static final Set<String> UNDECLARABLE = Set.copyOf(IN_TEMPLATES.stream().filter(name -> !name.equals(ID)).toList());

    private ReservedFields() {
    }

    /** {@link #UNDECLARABLE} in alphabetical order, as messages list them. */
    public static String undeclarableList() {
        return String.join(", ", new TreeSet<>(UNDECLARABLE));
    }
}
