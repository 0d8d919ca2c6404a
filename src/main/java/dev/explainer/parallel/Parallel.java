package dev.explainer.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Maps a list on all cores, handing out items one at a time to whichever thread is free.
 *
 * <p>Why not {@code parallelStream()}: a stream splits its list into a few fixed parts up front
 * (on two cores, four parts), and items are far from equal in cost (the first ones run before
 * the compiler has caught up; a listing page costs hundreds of ordinary pages), so one thread
 * was often left finishing its last part alone: 0.1 to 0.3 s per stage of a 10,000-page build.
 * Here each thread takes the next item when it is done with one, so they finish together.
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * {@code function} applied to every item, in the items' order. The calling thread works too;
     * the other threads come from the common fork-join pool, so that nested calls cannot starve
     * (the caller alone finishes the work if the pool is busy). If a call throws, no further items
     * are started and the first throwable is rethrown once every thread has stopped.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function) {
        return map(items, function, null);
    }

    /**
     * As {@link #map(List, Function)}, but what a call throws comes back as an {@link ItemFailure}
     * naming the file of the item it was working on, so that even a bug is reported at a file.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> function,
                                     Function<? super T, String> fileOf) {
        Function<? super T, ? extends R> named = fileOf == null ? function : item -> {
            try {
                return function.apply(item);
            } catch (RuntimeException | Error e) {
                throw new ItemFailure(fileOf.apply(item), e);
            }
        };
        return run(items, named);
    }

    /** What an item's call threw, with the file the item came from. */
    public static final class ItemFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String file;

        ItemFailure(String file, Throwable cause) {
            super("while processing " + file, cause);
            this.file = file;
        }

        /** The item's file, relative to the source folder. */
        public String file() {
            return file;
        }
    }

    /**
     * As {@link #map(List, Function)}, but on new threads (one per core) whose stacks hold
     * {@code stackBytes}, the caller waiting for them: for work that may nest deeply (a parser's
     * recursion), where the pool's threads and the caller's have whatever stack they were given.
     */
    public static <T, R> List<R> mapOnLargeStacks(List<T> items, Function<? super T, ? extends R> function, long stackBytes,
                                                  String threadName) {
        Work<T, R> work = new Work<>(items, function);
        List<Thread> threads = new ArrayList<>();
        for (int t = Math.min(items.size(), Runtime.getRuntime().availableProcessors()); t > 0; t--) {
            Thread thread = new Thread(null, work, threadName + "-" + t, stackBytes);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the items are being done anyway: wait for them, and pass the interrupt on
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return work.results();
    }

    private static <T, R> List<R> run(List<T> items, Function<? super T, ? extends R> function) {
        int helpers = Math.min(items.size(), Runtime.getRuntime().availableProcessors()) - 1;
        if (helpers <= 0) {
            return items.stream().<R>map(function).toList();
        }
        Work<T, R> work = new Work<>(items, function);
        // Submitted to the pool itself: CompletableFuture.runAsync would start a new thread per
        // task where the pool has fewer than two threads, as on two cores.
        List<ForkJoinTask<?>> running = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            running.add(ForkJoinPool.commonPool().submit(work));
        }
        work.run();
        running.forEach(ForkJoinTask::join); // a helper may still be in its last item
        return work.results();
    }

    /** The items handed out one at a time to every thread that runs this; the first throwable stops the handing out. */
    private static final class Work<T, R> implements Runnable {
        private final List<T> items;
        private final Function<? super T, ? extends R> function;
        private final Object[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Work(List<T> items, Function<? super T, ? extends R> function) {
            this.items = items;
            this.function = function;
            this.results = new Object[items.size()];
        }

        @Override
        public void run() {
            int size = results.length;
            for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                try {
                    results[i] = function.apply(items.get(i));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    next.set(size); // start nothing new
                }
            }
        }

        /** The results in the items' order, once every thread is done; or what the first failing call threw. */
        List<R> results() {
            Throwable thrown = failure.get();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
            if (thrown != null) {
                throw new IllegalStateException(thrown); // a sneaky checked exception
            }
            @SuppressWarnings("unchecked")
            List<R> list = (List<R>) Arrays.asList(results);
            return Collections.unmodifiableList(list);
        }
    }
}
