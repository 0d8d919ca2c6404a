package dev.explainer.render;

import dev.explainer.config.SearchConfig;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the last search index read of each page, kept by the render cache of the live preview, so
 * that after an edit only the pages whose bytes changed are read again: reading every page of a
 * large site after each save would cost more than the edit's render. Reuse compares values (the
 * search settings and the page's bytes), so the index always equals a fresh build's. Used by one
 * render at a time, on its thread.
 */
final class SearchPages {
    private record Read(SearchConfig search, byte[] html, Optional<SearchIndexFile.IndexedPage> page) {
    }

    private final boolean recording;
    private Map<String, Read> reads = new HashMap<>();

    private SearchPages(boolean recording) {
        this.recording = recording;
    }

    /** For a one-off build: keeps nothing. */
    static SearchPages none() {
        return new SearchPages(false);
    }

    /** For a series of builds. */
    static SearchPages kept() {
        return new SearchPages(true);
    }

    /** A round of the index's reading: what it reads is kept for the next round, and only that. */
    Round round() {
        return new Round();
    }

    final class Round {
        private final Map<String, Read> next = new HashMap<>();

        /** The page as the index holds it, reused if the settings and bytes are equal to the last read's. */
        Optional<SearchIndexFile.IndexedPage> read(RenderedPage page, SearchConfig search) {
            Read last = reads.get(page.page().sitePath());
            if (last != null && last.search().equals(search) && Arrays.equals(last.html(), page.html())) {
                next.put(page.page().sitePath(), last);
                return last.page();
            }
            Optional<SearchIndexFile.IndexedPage> read = SearchIndexFile.read(page.page(), page.html(), search);
            if (recording) {
                next.put(page.page().sitePath(), new Read(search, page.html(), read));
            }
            return read;
        }

        /** Keeps what this round read, dropping pages the site no longer has. */
        void finish() {
            reads = next;
        }
    }
}
