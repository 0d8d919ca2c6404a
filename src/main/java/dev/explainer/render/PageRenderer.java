package dev.explainer.render;

import dev.explainer.diagnostic.Bugs;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.link.Page;
import dev.explainer.link.Site;

import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Renders one page through its template, watched by its {@link PageGuard}: the page's bytes, or
 * the error that stopped it as a diagnostic at its place in the template. Made for one render of
 * the site, and used by its threads at once; each page borrows an output buffer and gives it back
 * once rendered, so a render makes about one buffer per thread and reuses it from page to page (a
 * page that fails drops its buffer).
 */
final class PageRenderer {
    private final Site site;
    private final TemplateEngine engine;
    private final RenderLimits limits;
    private final RenderWatchdog watchdog;
    private final boolean recording;
    private final Queue<Utf8Output> buffers = new ConcurrentLinkedQueue<>();

    /** @param recording record what each page reads, for the next render */
    PageRenderer(Site site, TemplateEngine engine, RenderLimits limits, RenderWatchdog watchdog, boolean recording) {
        this.site = site;
        this.engine = engine;
        this.limits = limits;
        this.watchdog = watchdog;
        this.recording = recording;
    }

    PageResult render(Page page) {
        if (watchdog.runStop().isPresent()) {
            return PageResult.skipped(page);
        }
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Template> template = engine.template(page.template(), problems);
        PageInputs inputs = recording ? new PageInputs() : PageInputs.NONE;
        if (template.isEmpty()) {
            return PageResult.failed(page, inputs, problems.isEmpty() ? null : problems.get(0));
        }
        PageContext context = PageContext.of(page, new SiteReads(site, inputs));
        Utf8Output borrowed = buffers.poll();
        Utf8Output out = borrowed == null ? new Utf8Output() : borrowed;
        out.reset();
        PageGuard guard = watchdog.begin();
        Models models = new Models(context, new ShortcodeOutput(engine, guard));
        try {
            TemplateEngine.process(template.get(), PageDataModel.of(context, models), out, models, guard);
            if (guard.stopped() != null) { // stopped, but an #attempt in the template carried on
                return stopped(page, inputs, guard.stopped());
            }
        } catch (TemplateException e) {
            Optional<PageGuard.Stopped> stop = causes(e).filter(PageGuard.Stopped.class::isInstance).map(PageGuard.Stopped.class::cast)
                    .findFirst();
            if (stop.isPresent()) { // thrown inside a function call, which FreeMarker wraps
                return stopped(page, inputs, stop.get());
            }
            Optional<ShortcodeOutput.Failure> shortcode = causes(e).filter(ShortcodeOutput.Failure.class::isInstance)
                    .map(ShortcodeOutput.Failure.class::cast).findFirst();
            if (shortcode.isPresent()) {
                return PageResult.failed(page, inputs, shortcode.get().inTemplate(), shortcode.get().atCall());
            }
            Diagnostic error = Diagnostic.error(DiagnosticCode.TEMPLATE, TemplateEngine.positionOf(e, page.template()),
                    "template error: " + TemplateEngine.editorMessage(e.getMessageWithoutStackTop()));
            return PageResult.failed(page, inputs, error);
        } catch (IOException e) {
            return PageResult.failed(page, inputs, Diagnostic.error(DiagnosticCode.RENDER, page.entry().position(),
                    "page could not be rendered: " + TemplateEngine.editorMessage(e.getMessage())));
        } catch (PageGuard.Stopped e) {
            return stopped(page, inputs, e);
        } catch (StackOverflowError e) {
            return stopped(page, inputs, guard.tooDeep());
        } catch (OutOfMemoryError e) {
            // the buffer that filled the memory is not given back: it goes
            return PageResult.failed(page, inputs, Diagnostic.error(DiagnosticCode.TEMPLATE, guard.lastPosition(page.template()),
                    "rendering ran out of memory here and was stopped; does the template build a text or list without end?"));
        } catch (RuntimeException | Error e) {
            if (Thread.currentThread().isInterrupted()) {
                return PageResult.skipped(page); // FreeMarker's loop check saw the thread told to stop (the preview closing)
            }
            // Not the template's doing: FreeMarker wraps what a template can cause in a TemplateException.
            return PageResult.failed(page, inputs, Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, guard.lastPosition(page.template()),
                    Bugs.report("the build stopped while rendering this page", e)), e);
        } finally {
            watchdog.end(guard);
        }
        PageFormats.Checked checked = PageFormats.check(page, out.toByteArray());
        buffers.add(out);
        if (checked.problem().isPresent()) {
            return PageResult.failed(page, inputs, checked.problem().get());
        }
        return PageResult.rendered(page, checked.bytes(), inputs);
    }

    /** A page stopped by its guard, as a diagnostic; or skipped, if the whole render is stopping. */
    private PageResult stopped(Page page, PageInputs inputs, PageGuard.Stopped stop) {
        String message;
        if (stop.reason() == null) {
            message = stop.getMessage();
        } else {
            switch (stop.reason()) {
                case PAGE_TIME_UP -> {
                    watchdog.pageTimedOut();
                    message = "rendering took longer than " + seconds(limits.page()) + " and was stopped here (a loop that"
                            + " never ends?); if the page really needs longer, raise limits.page_render_seconds in content/site.yaml";
                }
                case BUILD_TIME_UP -> message = "the build took longer than " + seconds(limits.build())
                        + " and was stopped while this page was rendering here";
                default -> {
                    return PageResult.skipped(page);
                }
            }
        }
        return PageResult.failed(page, inputs, Diagnostic.error(stop.reason() == null ? DiagnosticCode.TEMPLATE : DiagnosticCode.TIME_LIMIT,
                stop.at(), message));
    }

    /** "10 s", "1.5 s". */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    private static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause).limit(20);
    }
}
