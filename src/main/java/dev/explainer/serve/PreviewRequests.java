package dev.explainer.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.explainer.link.GeneratedFiles;
import dev.explainer.output.OutputFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers the preview's requests: only from hosts it is addressed as ({@link AllowedHosts}), only
 * GET and HEAD, only the files of the current {@link Snapshot} (from memory: no path reaches the
 * file system), each HTML page with the live-reload script added; plus that script and the event
 * stream. Before the first good build every page is a waiting page that carries the overlay.
 */
final class PreviewRequests implements HttpHandler {
    static final String EVENTS = "/__explainer/events";
    static final String SCRIPT = "/__explainer/live.js";
    private static final byte[] WAITING = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Waiting for a good build</title></head><body><main><h1>Waiting for a good build</h1>"
            + "<p>The site has not built yet. Its errors are listed in the terminal and over this page;"
            + " this page reloads by itself once they are fixed.</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
    private static final String INJECTED = "<script src=\"" + SCRIPT + "\"></script>";

    private final AllowedHosts allowedHosts;
    private final Supplier<Snapshot> snapshot;
    private final LiveEvents events;

    PreviewRequests(AllowedHosts allowedHosts, Supplier<Snapshot> snapshot, LiveEvents events) {
        this.allowedHosts = allowedHosts;
        this.snapshot = snapshot;
        this.events = events;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!allowedHosts.accepts(exchange.getRequestHeaders().get("Host"))) {
                send(exchange, 403, "text/plain; charset=utf-8", allowedHosts.refusal().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (EVENTS.equals(rawPath)) {
                events.stream(exchange, snapshot.get());
                return;
            }
            if (SCRIPT.equals(rawPath)) {
                send(exchange, 200, "text/javascript; charset=utf-8", script());
                return;
            }
            Optional<String> path = RequestPaths.toFile(rawPath);
            if (path.isEmpty()) {
                send(exchange, 400, "text/plain; charset=utf-8", "Bad request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            serveFile(exchange, rawPath, path.get(), snapshot.get());
        }
    }

    private static void serveFile(HttpExchange exchange, String rawPath, String path, Snapshot state) throws IOException {
        if (state.files().isEmpty()) {
            // No good build yet: a page that carries the overlay, so the errors show in the browser.
            send(exchange, 503, "text/html; charset=utf-8", inject(WAITING));
            return;
        }
        // The list of former addresses is for the web server's configuration, which answers 404 for it too.
        OutputFile file = path.equals(GeneratedFiles.REDIRECTS) ? null : state.files().get(path);
        if (file == null && state.files().containsKey(path + "/index.html")) {
            exchange.getResponseHeaders().set("Location", rawPath + "/");
            send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        int status = 200;
        if (file == null) {
            status = 404;
            file = state.errorPage().map(state.files()::get).orElse(null);
            if (file == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        String type = ContentTypes.of(file.path());
        byte[] body = bytes(file);
        if (type.startsWith("text/html")) {
            body = inject(body);
        }
        send(exchange, status, type, body);
    }

    private static byte[] bytes(OutputFile file) throws IOException {
        if (file instanceof OutputFile.Generated generated) {
            return generated.bytes();
        }
        return Files.readAllBytes(((OutputFile.Copied) file).source());
    }

    /** Puts the live-reload script before {@code </body>}, or at the end if there is none. */
    static byte[] inject(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        int at = text.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String result = at < 0 ? text + INJECTED : text.substring(0, at) + INJECTED + text.substring(at);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] script() throws IOException {
        try (InputStream in = PreviewRequests.class.getResourceAsStream("live.js")) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
