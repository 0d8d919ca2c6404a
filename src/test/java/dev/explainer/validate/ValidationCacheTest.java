package dev.explainer.validate;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.LoadedSite;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validation run again with the previous run's cache finds exactly what a fresh validation
 * finds, and checks again only entries that differ from those it checked, or whose schema did.
 */
class ValidationCacheTest {
    @TempDir
    Path root;
    private final Validator validator = new Validator();
    private Validator.Result first;

    @BeforeEach
    void validateOnce() {
        TestSite.write(root, TestSite.BASE);
        first = validator.validate(load());
    }

    /** Every file read afresh: the entries are new objects, equal to the earlier ones where their text is. */
    private LoadedSite load() {
        return new ContentLoader().load(root).site().orElseThrow();
    }

    private Validator.Result revalidate(Validator.Result before) {
        Validator.Result again = validator.validate(load(), before.cache());
        Validator.Result fresh = validator.validate(load());
        assertEquals(messages(fresh), messages(again));
        assertEquals(data(fresh), data(again));
        return again;
    }

    private void edit(String path, String from, String to) throws Exception {
        Path file = root.resolve(path);
        String text = Files.readString(file);
        assertTrue(text.contains(from), path + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static List<String> messages(Validator.Result result) {
        return result.diagnostics().stream().map(Diagnostic::format).toList();
    }

    /** Each entry's data by key, in the order entries are handed on. */
    private static Map<String, Map<String, Object>> data(Validator.Result result) {
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        result.entries().forEach(entry -> data.put(entry.key() + "@" + entry.raw().idPosition(), entry.data()));
        return data;
    }

    private static ValidEntry entry(Validator.Result result, String key) {
        return result.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void onlyTheEntryThatChangedIsCheckedAgain() throws Exception {
        edit("content/quotes.yaml", "text: Bye.", "text: Farewell.");
        Validator.Result again = revalidate(first);
        assertEquals("Farewell.", entry(again, "quotes/bob-bye").data().get("text"));
        assertNotSame(entry(first, "quotes/bob-bye"), entry(again, "quotes/bob-bye"));
        assertSame(entry(first, "quotes/ann-hello"), entry(again, "quotes/ann-hello"), "read again from the same file, and equal");
        assertSame(entry(first, "people/ann"), entry(again, "people/ann"));

        edit("content/quotes.yaml", "date: 2015-10-24", "date: 2015-02-30");
        assertEquals(List.of("content/quotes.yaml:8:9: error: field 'date': '2015-02-30' is not a date that exists (February 2015 has"
                + " 28 days); dates are written YYYY-MM-DD"), messages(revalidate(again)));
    }

    @Test
    void aChangedSchemaHasItsCollectionCheckedAgain() throws Exception {
        edit("content/schemas/quote.json", "\"text\": {\"type\": \"string\"}", "\"text\": {\"type\": \"string\", \"maxLength\": 5}");
        Validator.Result again = revalidate(first);
        assertEquals(1, again.diagnostics().size(), messages(again).toString());
        assertTrue(messages(again).get(0).startsWith("content/quotes.yaml:3:9: error: field 'text': "), messages(again).toString());
        assertSame(entry(first, "people/ann"), entry(again, "people/ann"), "another collection, another schema");

        edit("content/schemas/quote.json", ", \"maxLength\": 5", "");
        assertEquals(List.of(), messages(revalidate(again)));
    }

    @Test
    void entriesThatMovedAreCheckedWhereTheyNowStand() throws Exception {
        edit("content/quotes.yaml", "- id: ann-hello", "- id: bob-bye\n  speaker: bob\n  text: Again.\n  date: 2015-10-25\n- id: ann-hello");
        Validator.Result added = revalidate(first);
        assertEquals(List.of("content/quotes.yaml:9:7: error: duplicate id 'bob-bye' in collection 'quotes' (also at"
                + " content/quotes.yaml:1:7); ids must be unique"), messages(added));
        assertEquals(5, entry(added, "quotes/ann-hello").raw().idPosition().line());

        edit("content/quotes.yaml", "- id: bob-bye\n  speaker: bob\n  text: Again.\n  date: 2015-10-25\n", "");
        edit("content/quotes.yaml", "- id: bob-bye", "- id: Bob-Bye");
        Validator.Result renamed = revalidate(added);
        assertEquals(List.of("content/quotes.yaml:5:7: error: id 'Bob-Bye' is not valid: ids are lowercase words (letters a-z and"
                + " digits) joined by hyphens; write 'bob-bye'"), messages(renamed));

        // The same entries and ids in the same order, each a line further down.
        edit("content/quotes.yaml", "- id: ann-hello", "# Quotes, by date\n- id: ann-hello");
        assertEquals(List.of("content/quotes.yaml:6:7: error: id 'Bob-Bye' is not valid: ids are lowercase words (letters a-z and"
                + " digits) joined by hyphens; write 'bob-bye'"), messages(revalidate(renamed)));

        // The same entries and ids in another order.
        String quotes = Files.readString(root.resolve("content/quotes.yaml"));
        int second = quotes.indexOf("- id: Bob-Bye");
        Files.writeString(root.resolve("content/quotes.yaml"), quotes.substring(second) + quotes.substring(0, second));
        assertEquals(List.of("content/quotes.yaml:1:7: error: id 'Bob-Bye' is not valid: ids are lowercase words (letters a-z and"
                + " digits) joined by hyphens; write 'bob-bye'"), messages(revalidate(renamed)));
    }
}
