package dev.explainer.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves a built site folder over HTTP on loopback under a path prefix, as a plain web server
 * would: directory URLs to their index.html, a 404 status with the site's 404.html. For tests
 * that drive the published site in a browser, including from a sub-path.
 */
public final class StaticSiteServer implements AutoCloseable {
    private final HttpServer http;
    private final Path root;
    private final String prefix;

    /** @param prefix the path the site is published under: "/" or "/some/prefix/" */
    public StaticSiteServer(Path root, String prefix) throws IOException {
        this.root = root;
        this.prefix = prefix;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The site's address, ending with '/'. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + prefix;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            Optional<String> file = raw.startsWith(prefix) ? RequestPaths.toFile("/" + raw.substring(prefix.length())) : Optional.empty();
            Path path = file.map(root::resolve).orElse(null);
            if (path != null && Files.isDirectory(path)) {
                exchange.getResponseHeaders().set("Location", raw + "/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            int status = 200;
            if (path == null || !Files.isRegularFile(path)) {
                status = 404;
                path = root.resolve("404.html");
            }
            byte[] body = Files.readAllBytes(path);
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(path.toString()));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
