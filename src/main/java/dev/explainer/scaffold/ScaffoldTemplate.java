package dev.explainer.scaffold;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.render.TemplateEngine;
import dev.explainer.text.SourceFile;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A site's own scaffold of a collection ({@code templates/scaffolds/COLLECTION.ftl}): plain text
 * out, no {@code ?new}, no {@code ?api}, and a model of plain values only (texts, booleans, lists,
 * maps), so a scaffold reaches no Java object.
 */
final class ScaffoldTemplate {
    private ScaffoldTemplate() {
    }

    static String run(SourceFile source, String path, Map<String, Object> model, Duration limit) throws IOException, Failed {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("scaffold", source.text());
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        Template template;
        try {
            template = cfg.getTemplate("scaffold");
            // Every loop checks for interruption on each turn, so a scaffold that runs past its
            // limit stops at its next turn once its thread is interrupted (as pages do).
            freemarker.core._CoreAPI.addThreadInterruptedChecks(template);
        } catch (freemarker.core.ParseException e) {
            throw new Failed(Diagnostic.error(DiagnosticCode.TEMPLATE_SYNTAX,
                    new Position(path, e.getLineNumber(), e.getColumnNumber()),
                    "template syntax error: " + TemplateEngine.editorMessage(e.getEditorMessage())));
        }
        return process(template, model, path, limit);
    }

    /**
     * Runs a scaffold template as the build runs a page: within the site's time limit for a page,
     * on a thread of its own, its errors reported at its line. Past the limit its thread is
     * interrupted, which stops it at the next turn of a loop; one that still does not stop (inside
     * one built-in) is left on its thread, a daemon: the command ends anyway.
     */
    private static String process(Template template, Map<String, Object> model, String path, Duration limit)
            throws Failed {
        FutureTask<String> task = new FutureTask<>(() -> {
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        });
        Thread thread = new Thread(null, task, "explainer-scaffold");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new Failed(Diagnostic.error(DiagnosticCode.TIME_LIMIT, Position.startOf(path),
                    "the scaffold template ran longer than " + limit.toSeconds() + " s and was stopped; a loop or a macro"
                            + " that calls itself needs an end (or raise limits.page_render_seconds in content/site.yaml)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(Diagnostic.error(DiagnosticCode.CANCELLED, Position.startOf(path), "the scaffold was cancelled"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TemplateException failed) {
                Integer line = failed.getLineNumber();
                Integer column = failed.getColumnNumber();
                throw new Failed(Diagnostic.error(DiagnosticCode.TEMPLATE,
                        new Position(path, line == null ? 1 : line, column == null ? 1 : column),
                        "template error: " + TemplateEngine.editorMessage(failed.getMessageWithoutStackTop())));
            }
            if (e.getCause() instanceof StackOverflowError) {
                throw new Failed(Diagnostic.error(DiagnosticCode.TEMPLATE, Position.startOf(path),
                        "the scaffold template nests too deep (a macro or function that calls itself without end?);"
                                + " give it a case in which it does not call itself"));
            }
            throw new IllegalStateException(e.getCause()); // a bug of the tool, not of the template
        }
    }

    /** A scaffold template that failed, with the diagnostic that says where and why. */
    static final class Failed extends Exception {
        private final transient Diagnostic problem;

        Failed(Diagnostic problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        Diagnostic problem() {
            return problem;
        }
    }

}
