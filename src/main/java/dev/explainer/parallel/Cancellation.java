package dev.explainer.parallel;

/**
 * A flag that another thread raises to ask a run to give up early, as the live preview does when
 * a newer save arrives while it is still building the last one. The run looks at it between its
 * steps; raising it interrupts nothing.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
