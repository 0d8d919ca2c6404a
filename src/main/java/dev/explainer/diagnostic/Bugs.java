package dev.explainer.diagnostic;

/**
 * Words for a failure of the tool itself, for the diagnostic that reports it at the file being
 * processed: what kind of failure, in plain terms, without Java's names for it. The details (the
 * stack trace) are for {@code --verbose}.
 */
public final class Bugs {
    private Bugs() {
    }

    /**
     * The whole sentence for a failure of the tool: what stopped ({@code "the build stopped while
     * rendering this page"}), what went wrong, and that it is the tool's fault, to be reported.
     */
    public static String report(String whatStopped, Throwable thrown) {
        return whatStopped + ": " + describe(thrown) + "; this is a bug in explainer, please report it";
    }

    /** What went wrong, as a phrase: "it ran out of memory". */
    public static String describe(Throwable thrown) {
        if (thrown instanceof StackOverflowError) {
            return "it nested deeper than the tool has room for";
        }
        if (thrown instanceof OutOfMemoryError) {
            return "it ran out of memory";
        }
        return "something went wrong inside the tool";
    }
}
