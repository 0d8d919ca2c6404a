package dev.explainer.render;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/templates.md} lists exactly the names templates can use: every name the engine
 * gives a page template or a scaffold template is documented, and every documented name is one
 * the engine gives. The names are read from the engine itself, by templates that list the keys
 * of each hash they are given ({@code .data_model?keys}, {@code site?keys}, ...), so a name added
 * to or removed from the models fails this test until the reference says the same.
 */
class TemplateReferenceTest {
    static final Path REFERENCE = Path.of("docs/templates.md");
    /** The section of the reference that documents scaffold templates; every other section documents page templates. */
    static final String SCAFFOLD_SECTION = "Scaffold templates";

    @TempDir
    Path root;

    /** Lists every key of every hash a page template is given, one dotted name a line, after a marker. */
    private static final String KEY_LISTING = """
            <#macro keys prefix hash><#list hash?keys as key>${prefix}${key}
            </#list></#macro>names:
            <@keys prefix="" hash=.data_model/>
            <@keys prefix="site." hash=site/>
            <@keys prefix="site.menu[]." hash=site.menu[0]/>
            <@keys prefix="site.languages[]." hash=site.languages[0]/>
            <@keys prefix="page." hash=page/>
            <@keys prefix="page.breadcrumbs[]." hash=page.breadcrumbs[0]/>
            <@keys prefix="changelog[]." hash=changelog[0]/>
            <@keys prefix="entry." hash=entry/>
            <@keys prefix="entry.referrers." hash=entry.referrers/>
            <@keys prefix="collections." hash=collections/>
            <@keys prefix="matrices." hash=matrices/>
            """;

    /**
     * The keys that come from the content rather than the engine, under the placeholder the
     * reference writes for them: the test site's collection names, its one matrix, the
     * collection that refers to Ann, and Ann's own fields.
     */
    private static final Map<String, ContentKeys> CONTENT_KEYS = Map.of(
            "collections.", new ContentKeys(Set.of("pages", "people", "parties", "topics", "stances", "quotes"), "NAME"),
            "matrices.", new ContentKeys(Set.of("stances"), "NAME"),
            "entry.referrers.", new ContentKeys(Set.of("quotes"), "NAME"),
            "entry.", new ContentKeys(Set.of("name", "party", "born", "changes"), "FIELD"));

    private record ContentKeys(Set<String> keys, String placeholder) {
    }

    @Test
    void everyNameAPageTemplateIsGivenIsDocumentedAndNoOther() throws IOException {
        assertSameNames(documented(false), pageTemplateNames(), "page templates");
    }

    @Test
    void everyNameAScaffoldTemplateIsGivenIsDocumentedAndNoOther() throws IOException {
        assertSameNames(documented(true), scaffoldTemplateNames(), "scaffold templates ('" + SCAFFOLD_SECTION + "')");
    }

    /** Fails naming what the engine gives but the reference leaves out, and what the reference lists but the engine does not give. */
    static void assertSameNames(Set<String> documented, Set<String> exposed, String what) {
        Set<String> undocumented = new TreeSet<>(exposed);
        undocumented.removeAll(documented);
        Set<String> notExposed = new TreeSet<>(documented);
        notExposed.removeAll(exposed);
        assertTrue(undocumented.isEmpty() && notExposed.isEmpty(), REFERENCE + ", " + what + ": the engine gives "
                + undocumented + ", which the reference does not document; the reference documents " + notExposed
                + ", which the engine does not give");
    }

    /** What Ann's page, rendered by {@link #KEY_LISTING}, is given, with content keys under their placeholders. */
    private Set<String> pageTemplateNames() throws IOException {
        TestSite.write(root, TestSite.BASE);
        replaceIn("content/site.yaml", "menu:\n", "changelog: changes\nlanguages:\n  - {code: en, name: English, original: true}\n"
                + "  - {code: ar, name: Arabic, direction: rtl}\nmenu:\n");
        replaceIn("content/schemas/person.json", "\"born\": {",
                "\"changes\": {\"type\": \"array\", \"items\": {\"type\": \"object\"}}, \"born\": {");
        replaceIn("content/people/ann.md", "born: 1970-01-02\n", "born: 1970-01-02\nchanges:\n  - {date: 2026-12-01, text: Born.}\n");
        TestSite.write(root, "-- templates/person.ftlh --\n" + KEY_LISTING);
        TestSite.Run run = TestSite.build(root);
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(root.resolve("site/people/ann/index.html"), StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>();
        Set<String> seenContentKeys = new TreeSet<>();
        for (String line : html.substring(html.indexOf("names:") + "names:".length()).strip().lines().toList()) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            names.add(withPlaceholder(name, seenContentKeys));
        }
        Set<String> expectedContentKeys = new TreeSet<>();
        CONTENT_KEYS.forEach((prefix, keys) -> keys.keys().forEach(key -> expectedContentKeys.add(prefix + key)));
        assertEquals(expectedContentKeys, seenContentKeys, "the test site's own names reach the template where expected");
        return names;
    }

    /** {@code collections.people} as {@code collections.NAME}; an engine name as it is. */
    private static String withPlaceholder(String name, Set<String> seenContentKeys) {
        for (Map.Entry<String, ContentKeys> content : CONTENT_KEYS.entrySet()) {
            String prefix = content.getKey();
            if (name.startsWith(prefix) && content.getValue().keys().contains(name.substring(prefix.length()))) {
                seenContentKeys.add(name);
                return prefix + content.getValue().placeholder();
            }
        }
        return name;
    }

    /** What a scaffold template for the people collection is given, written into the entry it makes. */
    private Set<String> scaffoldTemplateNames() throws IOException {
        TestSite.write(root, TestSite.BASE + """
                -- templates/scaffolds/people.ftl --
                names:
                <#list .data_model?keys as key>${key}
                </#list><#list fields[0]?keys as key>fields[].${key}
                </#list>
                """);
        TestSite.Run run = TestSite.cli("new", "people", "cy", "--source", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        String made = Files.readString(root.resolve("content/people/cy.md"), StandardCharsets.UTF_8);
        Set<String> names = new TreeSet<>();
        made.substring(made.indexOf("names:") + "names:".length()).lines().map(String::strip)
                .filter(line -> !line.isEmpty()).forEach(names::add);
        return names;
    }

    /** A documented name: the first cell of a table row, in backticks; a function's arguments are left out. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`(]+)(\\([^`]*\\))?`\\s*\\|");
    private static final Pattern SECTION = Pattern.compile("^## (.+)$");

    /** The names the reference documents for scaffold templates, or for page templates. */
    static Set<String> documented(boolean scaffold) throws IOException {
        Set<String> names = new TreeSet<>();
        String section = "";
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                section = heading.group(1).strip();
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.find() && section.equals(SCAFFOLD_SECTION) == scaffold) {
                assertTrue(names.add(row.group(1)), REFERENCE + " documents '" + row.group(1) + "' twice");
            }
        }
        return names;
    }

    /** Replaces text in a file of the test site, failing if the text is not there (so the change cannot silently do nothing). */
    private void replaceIn(String path, String from, String to) throws IOException {
        Path file = root.resolve(path);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), path + " holds '" + from + "'");
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
