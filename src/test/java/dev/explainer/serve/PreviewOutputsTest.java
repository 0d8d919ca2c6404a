package dev.explainer.serve;

import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview serves what the site declares besides its pages: its own error page, with status 404, and its root static files. */
class PreviewOutputsTest {
    @TempDir
    Path root;

    @Test
    void servesTheDeclaredErrorPageWith404AndTheStaticFilesAsTheyChange() throws Exception {
        TestSite.write(root, TestSite.replaced(TestSite.BASE, "base_url: https://example.org/test/\n",
                "base_url: https://example.org/test/\nerror_page: /errors/missing/\nstatic: static\n") + """
                -- content/pages/missing.md --
                ---
                title: Not here
                url: /errors/missing/
                ---
                Try [Ann](/people/ann/).
                -- content/static/.well-known/security.txt --
                Contact: mailto:one@example.org
                """);
        try (PreviewSession preview = PreviewSession.start(root)) {
            assertEquals("event: ok", preview.next("event: "));
            HttpResponse<String> missing = preview.get("/no/such/page/");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<h1>Not here</h1>"), missing.body());
            assertTrue(missing.body().contains("href=\"/people/ann/index.html\""), "links from the preview's root: " + missing.body());

            HttpResponse<String> security = preview.get("/.well-known/security.txt");
            assertEquals(200, security.statusCode());
            assertEquals("text/plain; charset=utf-8", security.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("Contact: mailto:one@example.org\n", security.body());

            TestSite.save(root, "-- content/static/.well-known/security.txt --\nContact: mailto:two@example.org\n"
                    + "-- content/static/CNAME --\nexample.org\n-- content/static/.well-known/change-password --\n/account/\n");
            assertEquals("event: reload", preview.next("event: "));
            assertEquals("Contact: mailto:two@example.org\n", preview.get("/.well-known/security.txt").body());
            HttpResponse<String> cname = preview.get("/CNAME");
            assertEquals(200, cname.statusCode(), preview.log());
            assertEquals("example.org\n", cname.body());
            assertEquals("/account/\n", preview.get("/.well-known/change-password").body(), "a file new in .well-known/");

            Files.delete(root.resolve("content/static/CNAME"));
            Files.delete(root.resolve("content/static/.well-known/change-password"));
            assertEquals("event: reload", preview.next("event: "));
            while (preview.get("/.well-known/change-password").statusCode() != 404) { // the two deletions may come as two rebuilds
                assertEquals("event: reload", preview.next("event: "));
            }
            assertEquals(404, preview.get("/CNAME").statusCode());
        }
    }
}
