package dev.explainer.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live preview of a test site on a free loopback port, as a browser sees it: pages over HTTP,
 * and one open event stream whose lines are queued for {@link #next}. What the preview prints
 * goes to {@link #log()}.
 */
final class PreviewSession implements AutoCloseable {
    private final StringWriter log = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final PreviewServer server;
    private final InetSocketAddress address;

    private PreviewSession(Path root) throws IOException {
        server = new PreviewServer(root, false, new PrintWriter(log, true), new PrintWriter(log, true));
        address = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.sendAsync(request(PreviewRequests.EVENTS), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("event: ") || line.startsWith("data: "))
                        .forEach(events::add));
    }

    /** Starts the preview of the site in {@code root} and opens its event stream. */
    static PreviewSession start(Path root) throws IOException {
        return new PreviewSession(root);
    }

    PreviewServer server() {
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Everything the preview printed so far. */
    String log() {
        return log.toString();
    }

    HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    /** The next event line with this prefix, waiting (up to 30 s) for the rebuild a save triggers. */
    String next(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = events.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no '" + prefix + "' event; log:\n" + log);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
