package dev.explainer.load;

/**
 * Where a site's sources live in its folder. Every stage names these paths in its messages, the
 * preview watches them, and the output folder may not overlap them: this is the one statement of
 * the layout.
 */
public final class SourceLayout {
    /** The entries, their schemas and the site config. */
    public static final String CONTENT = "content";
    /** The FreeMarker templates, and the assets below them. */
    public static final String TEMPLATES = "templates";
    /** Below {@code templates/}: files copied into the site as they are (stylesheets and scripts renamed with a hash). */
    public static final String ASSETS = "assets";
    /** The site config: its collections, settings and menu. */
    public static final String SITE_CONFIG = CONTENT + "/site.yaml";

    private SourceLayout() {
    }

    /** Whether a name below {@code templates/} is a template: FreeMarker HTML, XML or plain text. */
    static boolean isTemplate(String name) {
        return name.endsWith(".ftlh") || name.endsWith(".ftlx") || name.endsWith(".ftl");
    }

    /** Whether a name below {@code templates/} is a message file of interface strings, {@code i18n/LANG.yaml}. */
    public static boolean isMessageFile(String name) {
        return name.startsWith("i18n/") && name.endsWith(".yaml") && name.indexOf('/', "i18n/".length()) < 0;
    }

    /** Hidden files and editors' backup and swap files are never content, wherever they are. */
    static boolean ignorable(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.startsWith(".") || base.endsWith("~") || base.endsWith(".swp") || base.endsWith(".tmp")
                || base.startsWith("#");
    }
}
