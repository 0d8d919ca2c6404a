package dev.explainer.serve;

import dev.explainer.testing.TestSite;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview, driven over HTTP on loopback as a browser would. */
class PreviewServerTest {
    @TempDir
    Path root;
    PreviewSession preview;
    PreviewServer server;
    InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        TestSite.write(root, TestSite.BASE);
        preview = PreviewSession.start(root);
        server = preview.server();
        address = preview.address();
        assertEquals("event: ok", next("event: "), "a new page learns that the build is good");
    }

    @AfterEach
    void stop() throws IOException {
        preview.close();
    }

    private HttpRequest request(String path) {
        return preview.request(path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return preview.get(path);
    }

    private String next(String prefix) throws InterruptedException {
        return preview.next(prefix);
    }

    @Test
    void servesTheBuildFromMemoryWithTheReloadScriptInjected() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(home.body().contains("<script src=\"/__explainer/live.js\"></script></body>"), home.body());
        String css = home.body().replaceFirst("(?s).*href=\"(assets/site\\.[0-9a-f]{10}\\.css)\".*", "/$1");
        assertEquals("text/css; charset=utf-8", get(css).headers().firstValue("Content-Type").orElseThrow(), css);
        // Sent with nosniff: a browser runs the injected script only if it is served as JavaScript.
        // What the script does is tested in a browser (PreviewInBrowserTest).
        HttpResponse<String> script = get(PreviewRequests.SCRIPT);
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(301, HttpClient.newHttpClient().send(request("/people"), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, get("/no/such/page/").statusCode());
        assertFalse(Files.exists(root.resolve("site")), "the preview never writes the site folder");
    }

    @Test
    void theStylesheetIsServedWithoutItsCommentsAsTheBuildPublishesIt() throws Exception {
        TestSite.save(root, "-- templates/assets/site.css --\n/* a note */\nbody { color: navy; } /* navy */\na::after { content: \"/* kept */\"; }\n");
        assertEquals("event: reload", next("event: "));
        String css = get("/").body().replaceFirst("(?s).*href=\"(assets/site\\.[0-9a-f]{10}\\.css)\".*", "/$1");
        assertEquals("\nbody { color: navy; } \na::after { content: \"/* kept */\"; }\n", get(css).body(), css);
    }

    @Test
    void aSaveRebuildsThePageAndTellsOpenPagesToReload() throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: Bye.", "text: See you in Vienna.");
        assertEquals("event: reload", next("event: "));
        assertTrue(get("/people/").body().contains("See you in Vienna."));
        assertTrue(preview.log().contains("Rebuilt 2 of 6 pages"), preview.log());
    }

    @Test
    void anImageBesideAnEntryIsServedWithItsContentType() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", png);
        Files.write(root.resolve("content/people/ann-map.png"), png.toByteArray());
        TestSite.edit(root, "content/people/ann.md", "Ann is *red*.", "Ann is *red*.\n\n![A map](ann-map.png)");
        assertEquals("event: reload", next("event: "));
        String page = get("/people/ann/").body();
        for (int saves = 1; saves < 2 && !page.contains("<img"); saves++) { // the watcher may see the two files one by one
            assertEquals("event: reload", next("event: "));
            page = get("/people/ann/").body();
        }
        String src = page.replaceFirst("(?s).*<img src=\"\\.\\./\\.\\./(people/ann-map\\.[0-9a-f]{10}\\.png)\".*", "/$1");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(request(src), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode(), src);
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(png.toByteArray(), image.body());
    }

    @Test
    void aBrokenFileShowsItsErrorsUntilItIsFixed() throws Exception {
        Path topics = root.resolve("content/topics.yaml");
        String good = Files.readString(topics);
        TestSite.save(root, "-- content/topics.yaml --\n- id: tax\n  name: [unclosed\n");
        assertEquals("event: errors", next("event: "));
        String data = next("data: ");
        assertTrue(data.contains("\"file\":\"content/topics.yaml\",\"line\":2,\"column\":9"), data);
        assertTrue(data.contains("\"source\":"), data);
        assertEquals(200, get("/").statusCode(), "the last good build stays served");
        assertTrue(preview.log().contains("content/topics.yaml:2:9: error: the list opened with '[' here is not closed"), preview.log());

        TestSite.save(root, "-- content/topics.yaml --\n" + good);
        assertEquals("event: reload", next("event: "), "fixing the file clears the overlay by reloading");
    }

    @Test
    void theOverlayNeverShowsALineOfAFileOutsideTheSite(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.md"), "the secret line\n").toRealPath();
        Path link = root.resolve("content/pages/x.md");
        Files.createSymbolicLink(link, secret);
        try {
            assertEquals("event: errors", next("event: "));
            String data = next("data: ");
            assertTrue(data.contains("\"file\":\"content/pages/x.md\",\"line\":1,\"column\":1"), data);
            assertTrue(data.contains("\"source\":\"\""), data);
            assertFalse(data.contains("secret line"), data);
            assertFalse(get("/x/").body().contains("secret line"), "nothing of it is served either");
        } finally {
            Files.delete(link);
        }
    }

    /**
     * However the saves of a storm fall into batches (that depends on timing, so it is not
     * asserted), the preview shows only states that were on disk, in order, and ends with the
     * last: no rebuild shows an error, each reports the pages of some prefix of the saves, and
     * every saved page is served.
     */
    @Test
    void aStormOfSavesShowsOnlyStatesThatWereOnDiskAndEndsWithTheLast() throws Exception {
        int saves = 40;
        int before = 6;
        for (int i = 0; i < saves; i++) {
            TestSite.save(root, "-- content/people/p" + i + ".md --\n---\nname: P" + i + "\nparty: reds\n---\n");
        }
        // Each event comes after its rebuild's line is printed; the last save's rebuild reports every page.
        while (!pagesReportedByRebuilds().contains(before + saves)) {
            assertEquals("event: reload", next("event: "), "no rebuild of the storm shows an error:\n" + preview.log());
        }
        List<Integer> reported = pagesReportedByRebuilds();
        for (int i = 0; i < reported.size(); i++) {
            int pages = reported.get(i);
            assertTrue(pages > before && pages <= before + saves, "a state that was never on disk: " + preview.log());
            assertTrue(i == 0 || pages >= reported.get(i - 1), "an older state after a newer one: " + preview.log());
        }
        assertFalse(preview.log().contains(": error: "), preview.log());
        List<String> members = Jsoup.parse(get("/parties/reds/").body()).select("#members li").eachText();
        for (int i = 0; i < saves; i++) {
            assertEquals(200, get("/people/p" + i + "/").statusCode(), "p" + i);
            assertTrue(members.contains("P" + i), "P" + i + " among " + members);
        }
    }

    /** The page counts of the rebuilds so far, from their lines "Rebuilt R of N pages ...", in order. */
    private List<Integer> pagesReportedByRebuilds() {
        return preview.log().lines().map(REBUILT::matcher).filter(Matcher::lookingAt)
                .map(line -> Integer.parseInt(line.group(1))).toList();
    }

    private static final Pattern REBUILT = Pattern.compile("Rebuilt \\d+ of (\\d+) pages");

    @Test
    void refusesPathsOutsideTheBuildHoweverTheyAreWritten() throws Exception {
        Files.writeString(root.resolve("secret.txt"), "do not serve");
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
                "/assets/..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/..%5csecret.txt", "/./index.html", "/a%00b"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost:" + address.getPort() + "\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"), path + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("do not serve"), path);
        }
        assertEquals(404, get("/content/site.yaml").statusCode(), "sources are not part of the build");
    }

    @Test
    void missingPagesGetTheSites404PageWithStatus404() throws Exception {
        TestSite.save(root, "-- content/pages/404.md --\n---\ntitle: Not here\nurl: /404.html\n---\nTry the [home page](/).\n");
        assertEquals("event: reload", next("event: "));
        HttpResponse<String> missing = get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<h1>Not here</h1>"), missing.body());
        assertTrue(missing.body().contains("href=\"/index.html\""), "the preview publishes at its own address: " + missing.body());
    }

    @Test
    void answersOnlyRequestsAddressedToItself() throws Exception {
        int port = address.getPort();
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port,
                "127.0.0.2:" + port}) {
            assertEquals("HTTP/1.1 200 OK", statusLine("GET / HTTP/1.1\r\nHost: " + host + "\r\n"), host);
        }
        String refusal = "Forbidden: this preview answers only at http://localhost:" + port + "/,"
                + " so that pages of other sites cannot read it.\n";
        for (String host : new String[] {"evil.example:" + port, "evil.example", "localhost", "127.0.0.1:" + (port == 1 ? 2 : port - 1),
                "localhost.evil.example:" + port, "127.0.0.1.nip.io:" + port, "[::1]", "::1:" + port, ""}) {
            String response = raw("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 403"), host + " -> " + response.lines().findFirst().orElse(""));
            assertTrue(response.endsWith("\r\n\r\n" + refusal), host + " -> " + response);
        }
        // A rebinding page could read the event stream, which carries file paths and source lines.
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("GET " + PreviewRequests.EVENTS + " HTTP/1.1\r\nHost: evil.example:" + port + "\r\n"));
        // Browsers always send Host; a request without one does not name this preview either.
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("GET / HTTP/1.0\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", statusLine("GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\nHost: evil.example\r\n"));
    }

    @Test
    void closedEventStreamsReleaseTheirThreads() throws Exception {
        long baseline = requestThreads();
        List<Socket> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket page = new Socket(address.getAddress(), address.getPort());
                pages.add(page);
                page.setSoTimeout(5000);
                page.getOutputStream().write(("GET " + PreviewRequests.EVENTS + " HTTP/1.1\r\nHost: localhost:" + address.getPort()
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                BufferedReader lines = new BufferedReader(new InputStreamReader(page.getInputStream(), StandardCharsets.UTF_8));
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.equals("event: ok"));
                assertEquals("event: ok", line, "page " + i + " is connected");
            }
            assertTrue(requestThreads() >= baseline + 20, "each open stream holds a thread: " + requestThreads());
        } finally {
            for (Socket page : pages) {
                page.close();
            }
        }
        // Generous: a closed page is noticed at its next heartbeat, a few seconds away.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (requestThreads() > baseline && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(baseline, requestThreads(), "threads left behind by closed pages");
        assertEquals("event: reload", nextAfterSave(), "the page that stayed open still gets events");
    }

    private String nextAfterSave() throws Exception {
        TestSite.edit(root, "content/quotes.yaml", "text: Bye.", "text: Goodbye.");
        return next("event: ");
    }

    private static long requestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("explainer-http")).count();
    }

    /** The status line of the answer to a request's start line and headers. */
    private String statusLine(String head) throws IOException {
        return raw(head + "Connection: close\r\n\r\n").lines().findFirst().orElse("");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
