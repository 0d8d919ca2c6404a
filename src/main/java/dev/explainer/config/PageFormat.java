package dev.explainer.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of file a page can be, told by the end of its URL, and the template each needs: a
 * template's name says how its {@code ${...}} escapes values, so a page is only made by a template
 * that escapes for the page's format.
 *
 * @param urlEndings      how a URL of this kind ends
 * @param templateEnding  how the name of a template for it ends
 * @param description     the kind of file, for messages
 * @param escaping        how the template escapes, for messages ("escapes for HTML")
 */
public enum PageFormat {
    HTML(List.of("/", ".html"), ".ftlh", "an HTML page", "escapes for HTML"),
    XML(List.of(".xml"), ".ftlx", "an XML file", "escapes for XML"),
    JSON(List.of(".json"), ".json.ftl", "a JSON file", "escapes inside JSON strings"),
    TEXT(List.of(".txt"), ".txt.ftl", "a plain-text file", "does not escape (plain text)"),
    CALENDAR(List.of(".ics"), ".ics.ftl", "an iCalendar file", "escapes for iCalendar text");

    private final List<String> urlEndings;
    private final String templateEnding;
    private final String description;
    private final String escaping;

    PageFormat(List<String> urlEndings, String templateEnding, String description, String escaping) {
        this.urlEndings = urlEndings;
        this.templateEnding = templateEnding;
        this.description = description;
        this.escaping = escaping;
    }

    /** The format of the page at {@code sitePath}, if a page may have such a URL. */
    public static Optional<PageFormat> ofUrl(String sitePath) {
        return Arrays.stream(values()).filter(format -> format.urlEndings.stream().anyMatch(sitePath::endsWith)).findFirst();
    }

    /** The format a template escapes for, if it is a template for pages: {@code party.ftlh}, {@code feed.json.ftl}. */
    public static Optional<PageFormat> ofTemplate(String templateName) {
        return Arrays.stream(values()).filter(format -> templateName.endsWith(format.templateEnding)).findFirst();
    }

    /** Every ending a page's URL may have, for messages: "'/', '.html', '.xml', ...". */
    public static String allUrlEndings() {
        return String.join(", ", Arrays.stream(values()).flatMap(format -> format.urlEndings.stream()).map(e -> "'" + e + "'").toList());
    }

    public String templateEnding() {
        return templateEnding;
    }

    public String description() {
        return description;
    }

    public String escaping() {
        return escaping;
    }

    /** A template name for this format made from {@code templateName}: {@code feed.ftlh} becomes {@code feed.json.ftl}. */
    public String templateLike(String templateName) {
        String base = templateName;
        for (PageFormat format : values()) {
            if (base.endsWith(format.templateEnding)) {
                base = base.substring(0, base.length() - format.templateEnding.length());
                break;
            }
        }
        if (base.endsWith(".ftl")) {
            base = base.substring(0, base.length() - ".ftl".length());
        }
        return base + templateEnding;
    }
}
