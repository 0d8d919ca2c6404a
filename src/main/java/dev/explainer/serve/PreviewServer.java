package dev.explainer.serve;

import com.sun.net.httpserver.HttpServer;

import dev.explainer.diagnostic.Bugs;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.ChangedFiles;
import dev.explainer.load.SourceLayout;
import dev.explainer.load.SourceTree;
import dev.explainer.output.OutputFile;
import dev.explainer.parallel.Cancellation;
import dev.explainer.pipeline.BuildOptions;
import dev.explainer.pipeline.BuildResult;
import dev.explainer.pipeline.SiteBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private static final int IDLE_THREAD_SECONDS = 1;

    private final Path sourceDir;
    private final boolean drafts;
    private final boolean strict;
    private boolean verbose;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SiteBuilder builder = SiteBuilder.forRebuilds();
    private final LiveEvents events = new LiveEvents();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(daemon("explainer-rebuild"));
    private final ExecutorService requests = requestThreads();
    private final Set<String> pending = new HashSet<>();
    private boolean rebuildQueued;
    /** Whether the watcher lost events since the last rebuild: then every file is looked at. */
    private boolean pendingOverflow;
    /** Cancels the rebuild under way, when a newer save makes its result worthless. Guarded by {@link #pending}. */
    private Cancellation running = new Cancellation();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of(), 0, Optional.empty());
    private HttpServer http;
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
        AllowedHosts allowedHosts = AllowedHosts.of(address, bound);
        baseUrl = URI.create("http://" + AllowedHosts.urlHost(address.getAddress()) + ":" + bound.getPort() + "/");
        // Watching first, and the first build on the rebuild thread like any other: a save during
        // a first build that takes long (a template that loops) cancels it and is built next.
        watcher = new SourceWatcher(sourceDir,
                Set.of(sourceDir.resolve(SourceLayout.CONTENT), sourceDir.resolve(SourceLayout.TEMPLATES)),
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
        http.createContext("/", new PreviewRequests(allowedHosts, () -> snapshot, events));
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
        Diagnostic problem = Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, dev.explainer.diagnostic.Position.startOf(SourceLayout.CONTENT),
                Bugs.report("the preview stopped while rebuilding", thrown));
        return new BuildResult(List.of(problem), List.of(), 0, List.of(), List.of(), java.time.Duration.ZERO, List.of(), List.of(thrown));
    }

    private void show(BuildResult result, ChangedFiles changed, long sinceNanos, boolean first) {
        List<Snapshot.Problem> problems = SourceLines.of(sourceDir, result.diagnostics());
        Snapshot before = snapshot;
        Map<String, OutputFile> files = before.files();
        Optional<String> errorPage = before.errorPage();
        if (!result.failed()) {
            errorPage = result.errorPage();
            files = new java.util.HashMap<>(result.files().size() * 2);
            for (OutputFile file : result.files()) {
                files.put(file.path(), file);
            }
        }
        snapshot = new Snapshot(java.util.Collections.unmodifiableMap(files), problems, before.version() + 1, errorPage);
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
        events.announce(snapshot, first);
    }

    /** The changed files that still exist, for the terminal: editors' temporary files come and go. */
    private String changedFiles(Set<String> changed) {
        Optional<SourceTree> tree = SourceTree.of(sourceDir);
        List<String> existing = changed.stream().filter(path -> tree.isPresent()
                && tree.get().find(path, Position.startOf(path)).kind() == SourceTree.Kind.FILE).sorted().toList();
        return existing.isEmpty() ? "" : "; " + String.join(", ", existing);
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
