package dev.explainer.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nu.validator.client.EmbeddedValidator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page of the real site passes the Nu Html Checker (the engine of validator.w3.org/nu) without errors. */
@ExtendWith(RealSite.class)
class HtmlValidityTest {
    @TempDir
    Path temp;

    /** The check itself works: a page with known errors is reported. */
    @Test
    void theCheckerReportsInvalidHtml() throws Exception {
        Path bad = temp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head>"
                + "<body><p id=\"a\">one</p><p id=\"a\">two</p><table><caption>c</caption><div></div></table></body></html>");
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        JsonNode messages = new ObjectMapper().readTree(validator.validate(bad)).path("messages");
        long errors = 0;
        for (JsonNode message : messages) {
            errors += message.path("type").asText().equals("error") ? 1 : 0;
        }
        assertTrue(errors >= 2, messages.toString());
    }

    /** Every edition: the English at the root, the Arabic under ar/, the Russian under ru/. */
    @Test
    void everyPageIsValidHtml(RealSite.Built built) throws Exception {
        Path site = built.site();
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(false);
        ObjectMapper json = new ObjectMapper();
        List<String> errors = new ArrayList<>();
        for (String page : built.pages()) {
            JsonNode messages = json.readTree(validator.validate(site.resolve(page))).path("messages");
            for (JsonNode message : messages) {
                if (message.path("type").asText().equals("error") || message.path("subType").asText().equals("fatal")) {
                    errors.add(page + ":" + message.path("lastLine").asInt() + ":" + message.path("firstColumn").asInt() + ": "
                            + message.path("message").asText());
                }
            }
        }
        assertTrue(built.englishPages().size() >= 40 && built.arabicPages().size() >= 40 && built.pagesUnder(RealSite.RUSSIAN).size() >= 40,
                "pages checked: " + built.englishPages().size() + " English, " + built.arabicPages().size() + " Arabic, "
                        + built.pagesUnder(RealSite.RUSSIAN).size() + " Russian");
        assertEquals(List.of(), errors);
    }

    /** The page the build writes at an entry's former address ({@code aliases}). */
    @Test
    void everyRedirectPageIsValidHtml() throws Exception {
        dev.explainer.testing.TestSite.write(temp, dev.explainer.testing.TestSite.BASE);
        dev.explainer.testing.TestSite.edit(temp, "content/site.yaml", "sort: [name]", "sort: [name]\n    aliases: aliases");
        dev.explainer.testing.TestSite.edit(temp, "content/schemas/person.json", "\"born\"", "\"aliases\": {\"type\": \"array\"}, \"born\"");
        dev.explainer.testing.TestSite.edit(temp, "content/people/ann.md", "name: Ann", "name: Ann & \"Co\"\naliases: [/people/anne/, /old.html]");
        dev.explainer.testing.TestSite.Run run = dev.explainer.testing.TestSite.build(temp);
        assertEquals(0, run.exitCode(), run.err());
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(false);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("people/anne/index.html", "old.html")) {
            for (JsonNode message : new ObjectMapper().readTree(validator.validate(temp.resolve("site/" + page))).path("messages")) {
                if (!message.path("type").asText().equals("info") || message.path("subType").asText().equals("warning")) {
                    problems.add(page + ": " + message.path("type").asText() + " " + message.path("message").asText());
                }
            }
        }
        assertEquals(List.of(), problems, "neither errors nor warnings");
    }
}
