package dev.explainer.serve;

import dev.explainer.diagnostic.DiagnosticCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.explainer.output.OutputFile;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;
import dev.explainer.diagnostic.Bugs;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.ChangedFiles;
import dev.explainer.load.ContentLoader;
import dev.explainer.load.SourceTree;
import dev.explainer.parallel.Cancellation;
import dev.explainer.text.SourceFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live preview: builds the site into memory, serves it over HTTP, watches the sources and
 * rebuilds after every save, rendering only the pages an edit affects. Open pages reload by
 * themselves after a good build and show an overlay with the errors of a bad one, while the last
 * good build stays served. It never writes the committed {@code site/}.
 *
 * <p>It serves only the files of the build, from memory: no request can reach the file system,
 * and paths with {@code ..} segments, encoded or not, are refused. It answers only requests
 * addressed to itself ({@link AllowedHosts}), so that no page of another site can read it.
 */
public final class PreviewServer implements AutoCloseable {
    static final String EVENTS = "/__explainer/events";
    static final String SCRIPT = "/__explainer/live.js";
    private static final byte[] WAITING = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Waiting for a good build</title></head><body><main><h1>Waiting for a good build</h1>"
            + "<p>The site has not built yet. Its errors are listed in the terminal and over this page;"
            + " this page reloads by itself once they are fixed.</p></main></body></html>").getBytes(StandardCharsets.UTF_8);
    /**
     * How often an idle event stream writes a comment line: a closed page is noticed only when a
     * write to it fails, and its thread is then released.
     */
    private static final int HEARTBEAT_SECONDS = 2;
    private static final int IDLE_THREAD_SECONDS = 1;
    private static final byte[] INJECTED = ("<script src=\"" + SCRIPT + "\"></script>").getBytes(StandardCharsets.UTF_8);

    private final Path sourceDir;
    private final boolean drafts;
    private final boolean strict;
    private boolean verbose;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SiteBuilder builder = SiteBuilder.forRebuilds();
    private final ObjectMapper json = new ObjectMapper();
    private final List<LinkedBlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(daemon("explainer-rebuild"));
    private final ExecutorService requests = requestThreads();
    private final Set<String> pending = new HashSet<>();
    private boolean rebuildQueued;
    /** Whether the watcher lost events since the last rebuild: then every file is looked at. */
    private boolean pendingOverflow;
    /** Cancels the rebuild under way, when a newer save makes its result worthless. Guarded by {@link #pending}. */
    private Cancellation running = new Cancellation();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), 0);
    private HttpServer http;
    private AllowedHosts allowedHosts;
    private URI baseUrl;
    private SourceWatcher watcher;

    public PreviewServer(Path sourceDir, boolean drafts, PrintWriter out, PrintWriter err) {
        this(sourceDir, drafts, false, out, err);
    }

    /** @param strict treat warnings as errors, as {@code build --strict} does */
    public PreviewServer(Path sourceDir, boolean drafts, boolean strict, PrintWriter out, PrintWriter err) {
        this.sourceDir = sourceDir;
        this.drafts = drafts;
        this.strict = strict;
        this.out = out;
        this.err = err;
    }

    /** Also print how long each stage of every rebuild took. */
    public PreviewServer verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    /**
     * Binds to {@code address}, builds once (published at the preview's own address, so canonical
     * links and the error page point at the preview), then serves and watches the sources.
     * Returns the bound address. A site that does not build is served all the same: its errors
     * show over a waiting page until a save fixes them.
     */
    public InetSocketAddress start(InetSocketAddress address) throws IOException {
        http = HttpServer.create(address, 64);
        InetSocketAddress bound = http.getAddress();
        allowedHosts = AllowedHosts.of(address, bound);
        baseUrl = URI.create("http://" + AllowedHosts.urlHost(address.getAddress()) + ":" + bound.getPort() + "/");
        // Watching first, and the first build on the rebuild thread like any other: a save during
        // a first build that takes long (a template that loops) cancels it and is built next.
        watcher = new SourceWatcher(sourceDir,
                Set.of(sourceDir.resolve(ContentLoader.CONTENT), sourceDir.resolve(ContentLoader.TEMPLATES)),
                batch -> schedule(batch.paths(), batch.overflow(), batch.firstEventNanos()));
        Cancellation first;
        synchronized (pending) {
            first = running;
        }
        try {
            rebuilds.submit(() -> rebuild(ChangedFiles.unknown(), System.nanoTime(), true, first)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("stopped while building the site");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the first build failed outside the builder", e.getCause()); // rebuild catches all
        }
        http.setExecutor(requests);
        http.createContext("/", this::handle);
        http.start();
        return bound;
    }

    /** The problems of the last build, for tests. */
    List<Diagnostic> problems() {
        return snapshot.problems().stream().map(Snapshot.Problem::diagnostic).toList();
    }

    private void schedule(Set<String> changed, boolean overflow, long sinceNanos) {
        synchronized (pending) {
            pending.addAll(changed);
            pendingOverflow |= overflow;
            // The rebuild under way (if any) read the files before this change: whatever it would
            // show is already out of date. Stopping it now also ends one that would run for long.
            running.cancel();
            if (rebuildQueued) {
                return; // the queued rebuild will take these paths too
            }
            rebuildQueued = true;
        }
        rebuilds.execute(() -> {
            ChangedFiles changes;
            Cancellation cancellation = new Cancellation();
            synchronized (pending) {
                changes = pendingOverflow ? ChangedFiles.atLeast(pending) : ChangedFiles.exactly(pending);
                pending.clear();
                pendingOverflow = false;
                rebuildQueued = false;
                running = cancellation;
            }
            rebuild(changes, sinceNanos, false, cancellation);
        });
    }

    /**
     * Builds and shows the outcome: the new files and a reload, or the errors over the pages.
     * Survives anything thrown, which shows as an error too: a rebuild thread that died would
     * leave the preview deaf to every later save.
     */
    private void rebuild(ChangedFiles changed, long sinceNanos, boolean first, Cancellation cancellation) {
        try {
            BuildResult result;
            try {
                result = builder.run(new BuildOptions(sourceDir, Optional.empty(), Optional.of(baseUrl), drafts, strict, cancellation),
                        changed);
            } catch (RuntimeException | Error e) { // the builder reports its own failures; this is for a bug in that
                result = failure(e);
            }
            if (cancellation.isCancelled()) {
                return; // superseded: the rebuild queued for the newer save comes next
            }
            show(result, changed, sinceNanos, first);
        } catch (RuntimeException | Error e) {
            show(failure(e), changed, sinceNanos, first);
        }
    }

    private static BuildResult failure(Throwable thrown) {
        Diagnostic problem = Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, dev.explainer.diagnostic.Position.startOf(ContentLoader.CONTENT),
                Bugs.report("the preview stopped while rebuilding", thrown));
        return new BuildResult(List.of(problem), List.of(), 0, List.of(), List.of(), java.time.Duration.ZERO, List.of(), List.of(thrown));
    }

    private void show(BuildResult result, ChangedFiles changed, long sinceNanos, boolean first) {
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        Map<String, List<String>> linesByFile = new java.util.HashMap<>(); // each file read once, however many problems it has
        List<Snapshot.Problem> problems = result.diagnostics().stream()
                .map(diagnostic -> new Snapshot.Problem(diagnostic, sourceLine(tree, diagnostic, linesByFile))).toList();
        Snapshot before = snapshot;
        Map<String, OutputFile> files = before.files();
        if (!result.failed()) {
            files = new java.util.HashMap<>(result.files().size() * 2);
            for (OutputFile file : result.files()) {
                files.put(file.path(), file);
            }
        }
        snapshot = new Snapshot(java.util.Collections.unmodifiableMap(files), problems, before.version() + 1);
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(diagnostic.format());
        }
        if (verbose) {
            result.bugs().forEach(bug -> bug.printStackTrace(err));
        }
        if (!result.diagnostics().isEmpty()) {
            err.println(Diagnostics.summary(result.diagnostics()));
        }
        err.flush();
        if (!result.failed()) {
            long sinceSave = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
            out.println((first ? "Built " : "Rebuilt ") + result.rendered().size() + " of " + result.pages()
                    + " pages in " + result.elapsed().toMillis() + " ms"
                    + (first ? "" : " (" + sinceSave + " ms after the save" + changedFiles(changed.paths()) + ")"));
            if (verbose) {
                out.println("  stages: " + result.describeStages());
            }
            out.flush();
        }
        broadcast(snapshot.hasErrors() ? errorsEvent(snapshot) : (first ? "event: ok\ndata: {}\n\n" : "event: reload\ndata: {}\n\n"));
    }

    /** The changed files that still exist, for the terminal: editors' temporary files come and go. */
    private String changedFiles(Set<String> changed) {
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        List<String> existing = changed.stream().filter(path -> tree.isPresent()
                && tree.get().find(path, Position.startOf(path)).kind() == SourceTree.Kind.FILE).sorted().toList();
        return existing.isEmpty() ? "" : "; " + String.join(", ", existing);
    }

    /** The text of the line a diagnostic points at, for the overlay; empty if it cannot be read. */
    private static String sourceLine(Optional<SourceTree> tree, Diagnostic diagnostic, Map<String, List<String>> linesByFile) {
        List<String> lines = linesByFile.computeIfAbsent(diagnostic.path(), path -> linesOf(tree, path));
        return diagnostic.line() <= lines.size() ? lines.get(diagnostic.line() - 1) : "";
    }

    /** A source file's lines, read by the build's own rules; none if it cannot be read. */
    private static List<String> linesOf(Optional<SourceTree> tree, String path) {
        // A diagnostic may be at a link out of the site's folder, at a named pipe, or at a file too big to read.
        SourceTree.Entry entry = tree.map(t -> t.find(path, Position.startOf(path))).orElse(null);
        if (entry == null || entry.kind() != SourceTree.Kind.FILE) {
            return List.of();
        }
        Optional<SourceFile> file = tree.get().read(entry).bytes()
                .flatMap(bytes -> SourceFile.decode(path, bytes).file()); // not UTF-8: the diagnostic says so
        return file.map(f -> f.text().lines().toList()).orElse(List.of());
    }

    private String errorsEvent(Snapshot state) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Snapshot.Problem problem : state.problems()) {
            Map<String, Object> item = problem.diagnostic().fields();
            item.put("source", problem.sourceLine());
            list.add(item);
        }
        try {
            return "event: errors\ndata: " + json.writeValueAsString(list) + "\n\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void broadcast(String event) {
        for (LinkedBlockingQueue<String> client : clients) {
            client.offer(event);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
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
                streamEvents(exchange);
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
            Snapshot state = snapshot;
            if (state.files().isEmpty()) {
                // No good build yet: a page that carries the overlay, so the errors show in the browser.
                send(exchange, 503, "text/html; charset=utf-8", inject(WAITING));
                return;
            }
            OutputFile file = state.files().get(path.get());
            if (file == null && state.files().containsKey(path.get() + "/index.html")) {
                exchange.getResponseHeaders().set("Location", rawPath + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            int status = 200;
            if (file == null) {
                status = 404;
                file = state.files().get("404.html");
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
        String script = new String(INJECTED, StandardCharsets.UTF_8);
        String result = at < 0 ? text + script : text.substring(0, at) + script + text.substring(at);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] script() throws IOException {
        try (InputStream in = PreviewServer.class.getResourceAsStream("live.js")) {
            return in.readAllBytes();
        }
    }

    private void streamEvents(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Snapshot state = snapshot;
        queue.offer(state.hasErrors() ? errorsEvent(state) : "event: ok\ndata: {}\n\n");
        clients.add(queue);
        OutputStream body = exchange.getResponseBody();
        try {
            while (true) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                body.write((event == null ? ": heartbeat\n\n" : event).getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the browser went away (a heartbeat's write fails soon after), or the server is stopping
        } finally {
            clients.remove(queue);
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

    /**
     * One thread per request while it runs, each event stream holding one for as long as its page
     * is open; idle threads end after a few seconds, so closed pages leave none behind.
     */
    private static ExecutorService requestThreads() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("explainer-http"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (http != null) {
            http.stop(0);
        }
        rebuilds.shutdownNow();
        requests.shutdownNow();
    }
}
