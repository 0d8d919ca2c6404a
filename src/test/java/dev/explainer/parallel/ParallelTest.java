package dev.explainer.parallel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void returnsOnlyOnceEveryItemIsDone() {
        // Items taken by other threads are slow: the call must wait for them, not leave them running.
        Thread caller = Thread.currentThread();
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        List<Integer> results = Parallel.map(IntStream.range(0, 50).boxed().toList(), i -> {
            try {
                Thread.sleep(Thread.currentThread() == caller ? 1 : 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.add(i);
            return i;
        });
        assertEquals(50, finished.size());
        assertEquals(IntStream.range(0, 50).boxed().toList(), results);
    }
}
