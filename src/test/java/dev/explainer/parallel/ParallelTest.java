package dev.explainer.parallel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ParallelTest {

    @Test
    void givesEveryResultInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 5_000).boxed().toList();
        List<String> results = Parallel.map(items, i -> "item " + i);
        assertEquals(items.stream().map(i -> "item " + i).toList(), results);
    }

    @Test
    void appliesTheFunctionOnceToEachItem() {
        AtomicInteger calls = new AtomicInteger();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        Parallel.map(IntStream.range(0, 2_000).boxed().toList(), i -> {
            calls.incrementAndGet();
            seen.add(i);
            return i;
        });
        assertEquals(2_000, calls.get());
        assertEquals(2_000, seen.size());
    }

    @Test
    void keepsNullResults() {
        List<String> results = Parallel.map(List.of(1, 2, 3, 4), i -> i % 2 == 0 ? null : "odd");
        assertEquals(4, results.size());
        assertEquals("odd", results.get(0));
        assertNull(results.get(1));
    }

    @Test
    void handlesEmptyAndSingleLists() {
        assertEquals(List.of(), Parallel.map(List.<Integer>of(), i -> i));
        assertEquals(List.of(2), Parallel.map(List.of(1), i -> i + 1));
    }

    @Test
    void rethrowsWhatTheFunctionThrew() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad item");
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
        RuntimeException caught = assertThrows(RuntimeException.class, () -> Parallel.map(items, i -> {
            if (i == 500) {
                throw thrown;
            }
            return i;
        }));
        assertSame(thrown, caught);
    }

    @Test
    void aFailureNamesTheFileOfTheItemThatFailed() {
        StackOverflowError thrown = new StackOverflowError();
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
        Parallel.ItemFailure caught = assertThrows(Parallel.ItemFailure.class, () -> Parallel.map(items, i -> {
            if (i == 700) {
                throw thrown;
            }
            return i;
        }, i -> "content/item-" + i + ".md"));
        assertEquals("content/item-700.md", caught.file());
        assertSame(thrown, caught.getCause());
    }

    @Test
    void returnsOnlyOnceEveryItemIsDone() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the caller does every item itself");
        // An item another thread took is still running when the caller runs out of items, and
        // ends only once the caller waits in Parallel for it: the call must not leave it running.
        Thread caller = Thread.currentThread();
        CountDownLatch helped = new CountDownLatch(1);
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<Integer> results = Parallel.map(IntStream.range(0, 50).boxed().toList(), i -> {
            if (Thread.currentThread() == caller) {
                awaitQuietly(helped);
            } else {
                helped.countDown();
                waitUntil(() -> waitsForOthersInParallel(caller));
            }
            finished.add(i);
            return i;
        });
        assertEquals(50, finished.size(), "items still running when the call returned");
        assertEquals(IntStream.range(0, 50).boxed().toList(), results);
        assumeTrue(helped.getCount() == 0, "no other thread was free to take an item");
    }

    /** Whether {@code thread} is inside Parallel but no longer doing items itself: it waits for the others. */
    private static boolean waitsForOthersInParallel(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        return Arrays.stream(frames).anyMatch(frame -> frame.getClassName().equals(Parallel.class.getName()))
                && Arrays.stream(frames).noneMatch(frame -> frame.getClassName().startsWith(Parallel.class.getName() + "$Work"));
    }

    /** Waits for {@code condition}, for at most 10 seconds: past that, the assertions tell what went wrong. */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
