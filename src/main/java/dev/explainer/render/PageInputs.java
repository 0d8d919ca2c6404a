package dev.explainer.render;

import java.util.HashSet;
import java.util.Set;

/**
 * What one page read while it was rendered, recorded by {@link SiteReads} as the page's models
 * read it: a later edit re-renders the page only if it changes one of these (or the page's
 * template): a list page that shows titles is not re-rendered when a body changes. Written by the
 * thread that renders the page alone, so it needs no locking; read once the page is done. A
 * one-off build records nothing ({@link #NONE}).
 */
class PageInputs {
    /** Records nothing: for builds that will not be followed by an incremental one. */
    static final PageInputs NONE = new PageInputs() {
        @Override
        void add(PageInput input) {
        }

        @Override
        boolean recording() {
            return false;
        }
    };

    private final Set<PageInput> read = new HashSet<>();

    void add(PageInput input) {
        read.add(input);
    }

    /** Whether what is added is kept: not for a one-off build. */
    boolean recording() {
        return true;
    }

    /** Everything the page read. */
    Set<PageInput> all() {
        return read;
    }

    /** Whether any of the changes touches what this page read. */
    boolean touchedBy(SiteChanges changes) {
        Set<PageInput> changed = changes.inputs();
        if (read.size() < changed.size()) {
            for (PageInput input : read) {
                if (changed.contains(input)) {
                    return true;
                }
            }
        } else {
            for (PageInput input : changed) {
                if (read.contains(input)) {
                    return true;
                }
            }
        }
        if (!changes.replaced().isEmpty()) {
            for (PageInput input : read) {
                if (input instanceof PageInput.OfEntry ofEntry && changes.replaced().contains(ofEntry.entry())) {
                    return true;
                }
            }
        }
        return false;
    }
}
