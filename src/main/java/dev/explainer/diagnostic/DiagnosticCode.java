package dev.explainer.diagnostic;

import java.util.Locale;

/**
 * The kinds of problem the tool reports, each with a stable name ({@link #id()}, such as
 * {@code unknown-reference}) that JSON output ({@code check --format json}) and editors' tooling
 * use. The name never changes once published; a new kind of problem gets a new constant.
 */
public enum DiagnosticCode {
    // --- Reading files (load) ---
    /** The source folder, content/ or templates/ is missing, or a file site.yaml names is not there. */
    MISSING_FILE,
    /** A file could not be read (permissions, a folder where a file belongs, an I/O error). */
    READ,
    /** A file the build may not read: a link leading outside the site, a device or pipe, a file over the size limit, a name that cannot be represented. */
    SOURCE_FILE,
    /** A file that is not valid UTF-8. */
    ENCODING,
    /** A character that may not appear in a source file (a control character, a noncharacter), or a Markdown entity that stands for one. */
    FORBIDDEN_CHARACTER,
    /** A file under templates/ that is neither a template nor an asset: ignored (a warning). */
    STRAY_FILE,

    // --- YAML ---
    /** YAML that does not parse. */
    YAML_SYNTAX,
    /** A YAML tag ({@code !!python/object}, {@code !custom}): YAML here is plain data. */
    YAML_TAG,
    /** A YAML alias that refers to the node containing it, or that expands without end. */
    YAML_ALIAS,
    /** Lists and mappings nested deeper than the limit. */
    YAML_DEPTH,
    /** A key given twice in one mapping. */
    YAML_DUPLICATE_KEY,
    /** A key that is not a plain name (a list, a mapping, null). */
    YAML_KEY,
    /** A YAML merge key ({@code <<}), which is not supported. */
    YAML_MERGE_KEY,

    // --- Entries and the site configuration ---
    /** content/site.yaml: an unknown key, a value of the wrong kind, a collection declared wrongly. */
    CONFIG,
    /** A Markdown entry without a front matter block. */
    FRONT_MATTER,
    /** A data file that is not a list of entries. */
    DATA_FILE,
    /** An entry's id is missing, or contradicts its file name. */
    ID_FIELD,
    /** An id that is not lowercase words joined by hyphens. */
    ID_SLUG,
    /** Two entries of one collection with the same id. */
    DUPLICATE_ID,
    /** Two entries with the same value in a field their collection declares {@code unique}. */
    DUPLICATE_VALUE,
    /** A {@code draft} field that is not true or false. */
    DRAFT_FIELD,

    // --- Schemas (validate) ---
    /** A collection's JSON Schema that cannot be used (not JSON, not a schema, a $ref cycle, a remote $ref). */
    SCHEMA_INVALID,
    /** A field's value does not have the form its schema gives (type, pattern, enum, range, length). */
    FIELD,
    /** A value that does not have its schema's format (a date, a URI). */
    FIELD_FORMAT,
    /** A required field is missing. */
    MISSING_FIELD,
    /** A field the schema does not declare (often a misspelling). */
    UNKNOWN_FIELD,
    /** A value that matches none, or more than one, of the alternatives its schema allows. */
    ONE_OF,
    /** A URL field with a scheme that may not reach a link ({@code javascript:}, {@code data:}). */
    UNSAFE_URL,

    // --- Linking ---
    /** A URL pattern or page URL that is not a usable site path. */
    URL,
    /** Two pages (or a page and an asset) with the same URL. */
    URL_COLLISION,
    /** A page at the URL of a file the engine writes itself (sitemap.xml, robots.txt). */
    URL_GENERATED,
    /** A collection whose entries are placed on another page ({@code /positions/#{id}}) when no page has that URL. */
    ANCHOR_PAGE,
    /** A reference field that does not hold an id (or a list of ids). */
    REFERENCE,
    /** A reference to an id that no entry has. */
    UNKNOWN_REFERENCE,
    /** An entry nothing refers to, in a collection that exists to be referred to (a warning). */
    UNREFERENCED,
    /** A matrix collection with a missing, repeated or stray cell. */
    MATRIX,
    /** A menu item whose URL no page has. */
    MENU_LINK,
    /** A template a collection or entry names that is not there. */
    TEMPLATE_MISSING,
    /** A direct quote whose text is not word for word in the passage of its source. */
    QUOTE_MISMATCH,

    // --- Markdown ---
    /** A link to a path no page or asset has, or a relative link where none can work. */
    BROKEN_LINK,
    /** A link to a draft, which the published site leaves out. */
    DRAFT_LINK,
    /** A link with a scheme that may not reach a page ({@code javascript:}). */
    UNSAFE_LINK,
    /** Raw HTML in Markdown, shown as text because the site does not allow it (a warning). */
    RAW_HTML,
    /** Markdown nested deeper than the limit. */
    MARKDOWN_LIMIT,

    // --- Templates and rendering ---
    /** A template that does not parse. */
    TEMPLATE_SYNTAX,
    /** A template that failed while rendering a page (a missing value, a wrong type, a recursion too deep). */
    TEMPLATE,
    /** A page that could not be rendered for another reason. */
    RENDER,
    /** A page no other page links to (a warning). */
    UNLINKED,
    /** A page, or the whole build, that ran past its time limit. */
    TIME_LIMIT,

    // --- The run ---
    /** The run was cancelled (the preview started a newer one). */
    CANCELLED,
    /** The output folder may not be written: it overlaps the sources, or holds files the build did not write. */
    OUTPUT_REFUSED,
    /** The output could not be written; the previous output is unchanged. */
    OUTPUT,
    /** A bug in the tool, met while processing a file. */
    INTERNAL_ERROR,
    /** A page whose template escapes for another format than its URL's ({@code .json} with an {@code .ftlh} template). */
    PAGE_FORMAT,
    /** A rendered page that is not what its format allows (JSON that does not parse, a control character in plain text). */
    PAGE_OUTPUT,

    // --- What the build writes besides pages (issue 15) ---
    /** A root static file that cannot be published: its name, or another file of the site at its place. */
    STATIC_FILE,
    /** The declared error page is not a page of the site. */
    ERROR_PAGE,

    // --- Images ---
    /**
     * An image that cannot be published: missing, outside {@code content/}, not the format its
     * extension claims, damaged, too large, an SVG that could run code, or on another site.
     */
    IMAGE,
    /** An image in Markdown without alt text (a decorative one says so with {@code ![""](…)}). */
    IMAGE_ALT,

    // --- Former addresses ---

    /**
     * A former address of an entry (an alias, answered with a redirect) that is not a site path,
     * has a fragment, is the entry's own URL, or is the address of a page, a file or another
     * entry's alias.
     */
    ALIAS,


    // --- Shortcodes ---
    /** A shortcode template's declaration ({@code @param}, {@code @body}) that cannot be read. */
    SHORTCODE_DECLARATION,
    /** A shortcode call in a body that cannot be read, or names no shortcode of the site. */
    SHORTCODE_CALL,
    /** A shortcode call's argument that is unknown, missing, given twice or not of its declared type. */
    SHORTCODE_ARGUMENT,
    /** A shortcode that takes a body and is not closed, or a closing tag that closes nothing. */
    SHORTCODE_BODY,
    /** A shortcode's reference argument naming no entry of its collection (or a draft). */
    SHORTCODE_REFERENCE,

    // --- Languages ---
    /**
     * A message file ({@code templates/i18n/LANG.yaml}) that cannot be read, lacks a key another
     * language's file has, or is for a language the site does not use.
     */
    MESSAGES,

    /**
     * A translation file that cannot stand: named for a language the site does not declare (or
     * for its original language), translating no entry, giving a field its schema does not
     * declare, or contradicting its original in a field that is not translated.
     */
    TRANSLATION,
    /**
     * A translation whose {@code translates:} hash is not the one of its original's translated
     * fields and body as they are now: the original changed since it was translated (or the
     * translation never said which version it translates).
     */
    STALE_TRANSLATION,

    // --- Assets ---
    /**
     * A stylesheet of {@code templates/assets/} whose last comment is not closed: browsers ignore
     * the rest of the file, so it is published as it is, its comments included.
     */
    STYLESHEET_COMMENT;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable name, such as {@code unknown-reference}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
