package dev.explainer.deploy;

import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.testing.TestSite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example nginx configuration (src/deploy/nginx/) serving a fresh build with Debian's nginx:
 * pretty URLs, the 404 page, compression, cache lifetimes and security headers.
 */
@ExtendWith(RequiresNginx.class)
class NginxConfigTest {
    private static final Path NGINX = RequiresNginx.NGINX;
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path temp;
    static Process nginx;
    static String base;
    static Process aliasedNginx;
    static String aliasedBase;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String stylesheet;

    @BeforeAll
    static void start() throws Exception {
        Path site = temp.resolve("site");
        BuildResult result = new SiteBuilder().run(BuildOptions.build(PROJECT, site));
        assertTrue(!result.failed(), result.diagnostics().toString());
        Files.createDirectories(site.resolve(".git")); // a publisher's repository, kept beside the site by builds
        Files.writeString(site.resolve(".git/config"), "[remote \"origin\"]\n");
        try (Stream<Path> assets = Files.list(site.resolve("assets"))) {
            stylesheet = assets.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("style.")).findFirst().orElseThrow();
        }
        Server real = serve(site, temp.resolve("nginx"));
        nginx = real.process();
        base = real.base();

        // A second site, whose entries have former addresses: the shipped map answers them.
        Path aliased = temp.resolve("aliased");
        TestSite.write(aliased, TestSite.BASE);
        TestSite.edit(aliased, "content/site.yaml", "sort: [name]", "sort: [name]\n    aliases: aliases");
        TestSite.edit(aliased, "content/schemas/person.json", "\"born\"", "\"aliases\": {\"type\": \"array\"}, \"born\"");
        TestSite.edit(aliased, "content/people/ann.md", "party: reds", "party: reds\naliases: [/people/anne/, /old/ann.html]");
        TestSite.Run built = TestSite.build(aliased);
        assertEquals(0, built.exitCode(), built.err());
        Server second = serve(aliased.resolve("site"), temp.resolve("nginx-aliased"));
        aliasedNginx = second.process();
        aliasedBase = second.base();
    }

    /** A running nginx and the address it serves at. */
    private record Server(Process process, String base) {
    }

    /** Starts nginx with the shipped configuration serving {@code site}, its files in {@code dir}. */
    private static Server serve(Path site, Path dir) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path headers = dir.resolve("explainer-headers.conf");
        Files.copy(PROJECT.resolve("src/deploy/nginx/explainer-headers.conf"), headers);
        String server = Files.readString(PROJECT.resolve("src/deploy/nginx/explainer.conf"));
        server = TestSite.replaced(server, "listen 8080;", "listen 127.0.0.1:" + port + ";");
        server = TestSite.replaced(server, "root /srv/vienna-talks/site;", "root " + site + ";");
        server = TestSite.replaced(server, "include /srv/vienna-talks/site/redirects*.map;", "include " + site + "/redirects*.map;");
        server = TestSite.replaced(server, "/etc/nginx/snippets/explainer-headers.conf", headers.toString());
        Files.writeString(dir.resolve("explainer.conf"), server);
        // Only the wrapper is the test's own; the server block is the shipped example.
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), (root ? "user root;\n" : "") + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/explainer.conf;
                }
                """.formatted(dir));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Server(process, "http://127.0.0.1:" + port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroy();
                    throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("nginx.out"))
                            + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.destroy();
        }
        if (aliasedNginx != null) {
            aliasedNginx.destroy();
        }
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        return getFrom(base, path, headers);
    }

    private static HttpResponse<String> getFrom(String server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPrettyUrls() throws Exception {
        HttpResponse<String> page = get("/parties/russia/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Russia</h1>"));
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> bare = get("/parties/russia");
        assertEquals(301, bare.statusCode());
        assertEquals("/parties/russia/", bare.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void answersMissingPagesWithThe404Page() throws Exception {
        HttpResponse<String> missing = get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertTrue(missing.body().contains("href=\"/assets/" + stylesheet + "\""), "the 404 page links from the site root");
    }

    @Test
    void servesNoHiddenFileOfTheFolder() throws Exception {
        assertTrue(Files.isRegularFile(temp.resolve("site/.explainer-manifest")), "the build's record is in the folder");
        for (String path : new String[] {"/.explainer-manifest", "/.git/config", "/.git/"}) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("Page not found"), path + ": the site's own 404 page");
        }
    }

    @Test
    void compressesAndCachesAsIntended() throws Exception {
        HttpResponse<String> html = get("/quotes/", "Accept-Encoding", "gzip");
        assertEquals("gzip", html.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("no-cache", html.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> css = get("/assets/" + stylesheet, "Accept-Encoding", "gzip");
        assertEquals(200, css.statusCode());
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("public, max-age=31536000, immutable", css.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    @Test
    void sendsSecurityHeadersEverywhere() throws Exception {
        for (String path : new String[] {"/", "/assets/" + stylesheet, "/missing/"}) {
            HttpResponse<String> response = get(path);
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
    }

    @Test
    void answersFormerAddressesWithAPermanentRedirect() throws Exception {
        for (String former : new String[] {"/people/anne/", "/people/anne", "/old/ann.html"}) {
            HttpResponse<String> moved = getFrom(aliasedBase, former);
            assertEquals(301, moved.statusCode(), former);
            assertEquals("/people/ann/", moved.headers().firstValue("Location").orElseThrow(), former);
        }
        assertEquals(200, getFrom(aliasedBase, "/people/ann/").statusCode());
        assertEquals(404, getFrom(aliasedBase, "/redirects.map").statusCode(), "the list is the server's, not the readers'");
        assertTrue(Files.isRegularFile(temp.resolve("aliased/site/redirects.map")));
        assertTrue(!Files.exists(temp.resolve("site/redirects.map")), "the real site declares no aliases: nginx starts without a list");
    }
}
