package dev.explainer.render;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the time of one render: a single timer thread that looks at the pages being rendered a
 * few times a second and asks a page's {@link PageGuard} to stop when the page has run past its
 * limit, and every page to stop when the build's time is up or it was cancelled. The pages stop
 * themselves at their next template element; nothing is interrupted, so the threads rendering
 * are left as they were, and nothing keeps running after the render returns.
 *
 * <p>Once one page has run out of time, the pages not yet rendered are skipped: each would
 * likely wait as long (the same layout loops on every page), and the build fails anyway.
 */
final class RenderWatchdog implements AutoCloseable {
    /** Why pages are being stopped. */
    enum Reason {
        /** This page ran past its own time limit. */
        PAGE_TIME_UP,
        /** The whole build ran past its time limit. */
        BUILD_TIME_UP,
        /** The build's result is no longer wanted. */
        CANCELLED,
        /** Another page ran out of time: the rest is not worth waiting for. */
        ANOTHER_PAGE_TIMED_OUT
    }

    private final RenderLimits limits;
    private final long pageNanos;
    private final Set<PageGuard> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Reason> runStop = new AtomicReference<>();
    private final ScheduledExecutorService timer;

    RenderWatchdog(RenderLimits limits) {
        this.limits = limits;
        this.pageNanos = limits.page().toNanos();
        // A tenth of the page limit, within bounds: a page is stopped within 10% of its limit, a
        // cancellation is noticed within a quarter of a second, and the thread is idle otherwise.
        long period = Math.max(10, Math.min(250, limits.page().toMillis() / 10));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "explainer-render-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::look, period, period, TimeUnit.MILLISECONDS);
    }

    /** Why every page is being stopped, once they are. */
    Optional<Reason> runStop() {
        return Optional.ofNullable(runStop.get());
    }

    /** A guard for a page that starts rendering now; give it back with {@link #end}. */
    PageGuard begin() {
        PageGuard guard = new PageGuard(System.nanoTime());
        running.add(guard);
        return guard;
    }

    void end(PageGuard guard) {
        running.remove(guard);
    }

    /** A page ran out of time: stop the others, and start no more. */
    void pageTimedOut() {
        runStop.compareAndSet(null, Reason.ANOTHER_PAGE_TIMED_OUT);
    }

    /** The timer's round: stops what has run too long. */
    private void look() {
        long now = System.nanoTime();
        if (runStop.get() == null) {
            if (limits.cancellation().isCancelled()) {
                runStop.compareAndSet(null, Reason.CANCELLED);
            } else if (limits.buildTimeUp(now)) {
                runStop.compareAndSet(null, Reason.BUILD_TIME_UP);
            }
        }
        // Every round, not once: a page may have started just as the run was stopped.
        Reason all = runStop.get();
        for (PageGuard guard : running) {
            if (all != null) {
                guard.requestStop(all, now);
            } else if (now - guard.startNanos() > pageNanos) {
                guard.requestStop(Reason.PAGE_TIME_UP, now);
            }
        }
    }

    /**
     * A page that was asked to stop more than {@code graceNanos} ago and is still running, if any:
     * the render cannot wait for it.
     */
    Optional<PageGuard> unresponsive(long graceNanos) {
        long now = System.nanoTime();
        return running.stream().filter(guard -> guard.ignoredStopSince(now, graceNanos)).findFirst();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
