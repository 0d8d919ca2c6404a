package dev.explainer.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders (and every folder created inside them) and reports changed files in batches:
 * a batch closes once no event has arrived for a short quiet period, so an editing storm (many
 * saves, a branch switch, an editor's write-then-rename) becomes one rebuild. If the system
 * drops events, the batch is reported as "everything may have changed".
 */
final class SourceWatcher implements AutoCloseable {
    /** How long without events closes a batch. */
    static final long QUIET_MILLIS = 40;
    /** The longest a batch may stay open during a continuous storm. */
    static final long MAX_BATCH_MILLIS = 1000;

    private final Path sourceDir;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Consumer<Batch> onBatch;
    private final Thread thread;

    /**
     * A batch of changes.
     *
     * @param paths    changed files, relative to the source folder with '/' separators
     * @param overflow events were lost: any file may have changed
     */
    record Batch(Set<String> paths, boolean overflow, long firstEventNanos) {
    }

    SourceWatcher(Path sourceDir, Set<Path> roots, Consumer<Batch> onBatch) throws IOException {
        this.sourceDir = sourceDir;
        this.onBatch = onBatch;
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            registerTree(root);
        }
        this.thread = new Thread(this::loop, "explainer-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                synchronized (folders) {
                    folders.put(key, folder);
                }
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                long first = System.nanoTime();
                Set<String> paths = new HashSet<>();
                boolean overflow = collect(key, paths);
                long deadline = first + TimeUnit.MILLISECONDS.toNanos(MAX_BATCH_MILLIS);
                while (System.nanoTime() < deadline) {
                    WatchKey next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        break;
                    }
                    overflow |= collect(next, paths);
                }
                onBatch.accept(new Batch(Set.copyOf(paths), overflow, first));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Adds a key's events to the batch; returns whether events were lost. */
    private boolean collect(WatchKey key, Set<String> paths) {
        Path folder;
        synchronized (folders) {
            folder = folders.get(key);
        }
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                overflow = true;
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            paths.add(sourceDir.relativize(changed).toString().replace('\\', '/'));
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(changed);
                    overflow = true; // files may have arrived in it before it was watched
                } catch (IOException e) {
                    overflow = true;
                }
            }
        }
        if (!key.reset()) {
            synchronized (folders) {
                folders.remove(key);
            }
        }
        return overflow;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
