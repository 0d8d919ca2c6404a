package dev.explainer.serve;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview serves the redirect pages of former addresses, and follows a save that changes them. */
class PreviewRedirectsTest {
    @TempDir
    Path root;

    @Test
    void aFormerAddressLeadsOnInThePreviewAndASaveMovesIt() throws Exception {
        TestSite.write(root, TestSite.BASE);
        TestSite.edit(root, "content/site.yaml", "sort: [name]", "sort: [name]\n    aliases: aliases");
        TestSite.edit(root, "content/schemas/person.json", "\"born\"", "\"aliases\": {\"type\": \"array\"}, \"born\"");
        TestSite.edit(root, "content/people/ann.md", "party: reds", "party: reds\naliases: [/people/anne/]");
        try (PreviewSession preview = PreviewSession.start(root)) {
            assertEquals("event: ok", preview.next("event: "));
            HttpResponse<String> former = preview.get("/people/anne/");
            assertEquals(200, former.statusCode());
            assertTrue(former.body().contains("<meta http-equiv=\"refresh\" content=\"0; url=../../people/ann/index.html\">"),
                    former.body());
            assertEquals(404, preview.get("/redirects.map").statusCode(), "the list is for the web server, which does not serve it");

            TestSite.edit(root, "content/people/ann.md", "/people/anne/", "/people/annie/");
            assertEquals("event: reload", preview.next("event: "));
            assertEquals(200, preview.get("/people/annie/").statusCode());
            assertEquals(404, preview.get("/people/anne/").statusCode(), "the alias removed, its page is gone");
        }
    }
}
