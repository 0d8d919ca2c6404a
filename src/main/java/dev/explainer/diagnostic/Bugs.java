package dev.explainer.diagnostic;

/**
 * Words for a failure of the tool itself, for the diagnostic that reports it at the file being
 * processed: what kind of failure, in plain terms, without Java's names for it. The details (the
 * stack trace) are for {@code --verbose}.
 */
public final class Bugs {
    private Bugs() {
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
