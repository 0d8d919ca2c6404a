package dev.explainer.render;

import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceLayout;

import freemarker.core.Environment;
import freemarker.core.Macro;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Template;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Watches one page's render from inside FreeMarker: as a {@link TemplateProcessingTracer} it sees
 * every template element entered and left, so it always knows where the template is. With that it
 * stops a macro or function that calls itself too deeply (before Java's stack runs out, which
 * would leave no position at all), says where a stack overflow or an out-of-memory happened, and
 * stops the render at the next element when the {@link RenderWatchdog} asks. Every loop passes
 * through here on each turn, even an empty one, because {@link TemplateEngine} adds FreeMarker's
 * interruption checks (an element at the start of every loop body) to each template.
 *
 * <p>Cheap, because it runs for every element of every page: an array store and a few field
 * reads; the stack is only searched when a macro or function is called.
 */
final class PageGuard implements TemplateProcessingTracer {
    /** How many times a macro or function may be running at once, inside itself. */
    static final int MAX_CALL_DEPTH = 100;
    /**
     * How deep template elements may nest. Java's stack overflows at about 1,300 to 2,900 levels
     * of elements on the default stack size (fewest for functions, which take more Java frames
     * per level); a real template nests a few dozen. Past the limit, or at an overflow that still
     * comes first, {@link #tooDeep()} names what recurses.
     */
    static final int MAX_NESTING = 1000;

    private final long startNanos;
    /** Set by the watchdog's thread; read at every element. */
    private volatile RenderWatchdog.Reason stopRequested;
    /** When the watchdog first asked this page to stop, by {@link System#nanoTime()}; 0 until it does. */
    private volatile long stopRequestedNanos;
    /** Once stopped, every later element stops again: an {@code #attempt} must not carry on past it. */
    private Stopped stopped;
    private TracedElement[] stack = new TracedElement[32];
    private int depth;
    /** The depth of the element entered last: where the page was when something went wrong. */
    private int lastDepth;

    PageGuard(long startNanos) {
        this.startNanos = startNanos;
    }

    long startNanos() {
        return startNanos;
    }

    void requestStop(RenderWatchdog.Reason reason, long now) {
        if (stopRequested == null) {
            stopRequestedNanos = now;
            stopRequested = reason;
        }
    }

    /**
     * Whether the page was asked to stop more than {@code graceNanos} before {@code now} and has not:
     * it is inside one built-in (such as {@code ?seq_contains} on a sequence without end), which
     * enters no template element until it is done, so it never sees the request.
     */
    boolean ignoredStopSince(long now, long graceNanos) {
        long asked = stopRequestedNanos;
        return stopRequested != null && asked != 0 && now - asked > graceNanos;
    }

    /** Why the render stopped, if this guard stopped it (also when a template caught the stop). */
    Stopped stopped() {
        return stopped;
    }

    @Override
    public void enterElement(Environment env, TracedElement element) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = element;
        lastDepth = depth;
        if (stopped != null) {
            throw stopped;
        }
        RenderWatchdog.Reason reason = stopRequested;
        if (reason != null) {
            throw stop(new Stopped(reason, positionOf(element), null));
        }
        if (element instanceof Macro macro && timesRunning(macro) > MAX_CALL_DEPTH) {
            throw stop(new Stopped(null, positionOf(stack[depth - 2]), callable(macro) + " calls itself more than "
                    + MAX_CALL_DEPTH + " levels deep and was stopped; it needs a case in which it does not call itself"));
        }
        if (depth > MAX_NESTING) {
            throw stop(tooDeep());
        }
    }

    @Override
    public void exitElement(Environment env, TracedElement element) {
        depth--;
    }

    private Stopped stop(Stopped reason) {
        stopped = reason;
        return reason;
    }

    /** How many times {@code macro} is on the stack, counting the call just entered. */
    private int timesRunning(Macro macro) {
        int count = 0;
        for (int i = 0; i < depth; i++) {
            if (stack[i] == macro) {
                count++;
            }
        }
        return count;
    }

    /**
     * What nests too deeply, found on the stack as it was at the last element entered: the macro,
     * function or included template that is running most often inside itself, at the place of its
     * innermost call. For the nesting limit and for a stack overflow, whose own report names no
     * place at all.
     */
    Stopped tooDeep() {
        Map<Object, Integer> counts = new IdentityHashMap<>();
        Object deepest = null;
        int deepestCount = 0;
        int innermostCall = lastDepth - 1;
        for (int i = 0; i < lastDepth; i++) {
            TracedElement element = stack[i];
            Object recurring = element instanceof Macro ? element : isRootOf(element) ? element.getTemplate() : null;
            if (recurring != null) {
                int count = counts.merge(recurring, 1, Integer::sum);
                if (count >= deepestCount) {
                    deepest = recurring;
                    deepestCount = count;
                    innermostCall = i - 1;
                }
            }
        }
        Position at = positionOf(stack[Math.max(0, innermostCall)]);
        if (deepest instanceof Macro macro && deepestCount > 1) {
            return stop(new Stopped(null, at, callable(macro) + " calls itself " + deepestCount
                    + " levels deep, deeper than templates can go, and was stopped; it needs a case in which it does not call itself"));
        }
        if (deepest instanceof Template template && deepestCount > 1) {
            return stop(new Stopped(null, at, "template '" + template.getSourceName() + "' includes itself " + deepestCount
                    + " levels deep, deeper than templates can go, and was stopped; it needs a case in which it does not include itself"));
        }
        return stop(new Stopped(null, at, "templates nest deeper than rendering can go here, and the page was stopped"));
    }

    /**
     * Where the page is now, read from another thread (the render's, which waits for a page that
     * does not stop): a racy read of this thread's stack, so a best effort, falling back to the
     * templates folder.
     */
    Position positionSeenFromOutside() {
        try {
            TracedElement[] elements = stack;
            int at = Math.min(lastDepth, elements.length) - 1;
            TracedElement element = at >= 0 ? elements[at] : null;
            return element == null ? Position.startOf(SourceLayout.TEMPLATES) : positionOf(element);
        } catch (RuntimeException e) {
            return Position.startOf(SourceLayout.TEMPLATES);
        }
    }

    /** Where the page was when a render failed outside FreeMarker's own error reporting. */
    Position lastPosition(String fallbackTemplate) {
        return lastDepth == 0 ? Position.startOf(SourceLayout.TEMPLATES + "/" + fallbackTemplate) : positionOf(stack[lastDepth - 1]);
    }

    private static boolean isRootOf(TracedElement element) {
        return element.getTemplate() != null && element.getTemplate().getRootTreeNode() == element;
    }

    private static String callable(Macro macro) {
        return (macro.isFunction() ? "function '" : "macro '") + macro.getName() + "'";
    }

    private static Position positionOf(TracedElement element) {
        return new Position(SourceLayout.TEMPLATES + "/" + element.getTemplate().getSourceName(),
                Math.max(1, element.getBeginLine()), Math.max(1, element.getBeginColumn()));
    }

    /**
     * A render stopped by this guard: asked to by the watchdog ({@code reason}), or because it nested
     * too deeply (no reason; {@code message} says what). Without a stack trace: it is thrown through
     * hundreds of frames, and its place is the template's, which it carries.
     */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient RenderWatchdog.Reason reason;
        private final transient Position at;

        Stopped(RenderWatchdog.Reason reason, Position at, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.at = at;
        }

        /** Why the watchdog stopped the page; null if it nested too deeply. */
        RenderWatchdog.Reason reason() {
            return reason;
        }

        Position at() {
            return at;
        }
    }
}
