package dev.explainer.render;

import dev.explainer.config.LanguageFormat;
import dev.explainer.config.SiteConfig;
import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.SourceLayout;
import dev.explainer.text.SourceFile;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.StringTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The one FreeMarker configuration of a build, set up to be safe and deterministic:
 * auto-escaping for HTML in {@code .ftlh}, for XML in {@code .ftlx}, inside JSON strings in
 * {@code .json.ftl}, for iCalendar text in {@code .ics.ftl} and none in {@code .txt.ftl}, no {@code ?new} and no {@code ?api}, no bean wrapper,
 * exceptions rethrown (never printed into the page), and a fixed locale, time zone and number
 * format so output does not depend on the machine. Templates are compiled once, up front.
 */
public final class TemplateEngine {
    private final Configuration configuration;
    private final Map<String, SourceFile> sources;
    private final List<LanguageFormat> languages;

    /** Every template, parsed once and given its loop checks, with the problems found; made on first use. */
    private volatile Compiled compiled;

    private record Compiled(Map<String, Template> templates, List<Diagnostic> problems) {
    }

    /** The problems of the message files, read with the engine (its sources never change) and reported with the templates'. */
    private final List<Diagnostic> messageProblems = new ArrayList<>();

    /** Each template's revision, made on first use: an engine's templates never change. */
    private volatile Map<String, TemplateRevision> revisions;

    public TemplateEngine(SiteConfig site, Map<String, SourceFile> templates) {
        this(site, templates, LanguageFormat.of(site));
    }

    /** An engine for {@code languages}, the original first (whose locale renders by default). */
    TemplateEngine(SiteConfig site, Map<String, SourceFile> templates, List<LanguageFormat> languages) {
        this.sources = templates;
        this.languages = List.copyOf(languages);
        StringTemplateLoader loader = new StringTemplateLoader();
        templates.forEach((name, file) -> {
            if (!Messages.isMessageFile(name)) {
                loader.putTemplate(name, file.text());
            }
        });
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setRecognizeStandardFileExtensions(true);
        // Templates of pages that are not HTML or XML say their format by their name, as .ftlh and .ftlx do.
        // Files for machines (XML, JSON, iCalendar) are written in Latin digits whatever the
        // edition's: readers of feeds and calendars parse numbers and dates in 0-9 alone.
        Locale machines = new LanguageFormat(languages.get(0).code(), LanguageFormat.Digits.LATIN).locale();
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                formatOf("*.json.ftl", EscapingFormat.JSON, machines, cfg),
                formatOf("*.ics.ftl", EscapingFormat.CALENDAR, machines, cfg),
                formatOf("*.ftlx", null, machines, cfg),
                formatOf("*.txt.ftl", EscapingFormat.TEXT, null, cfg)).allowNoMatch(true));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((e, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new RefusingWrapper());
        cfg.setLocale(languages.get(0).locale()); // an edition in another language sets its own on its render
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setCustomDateFormats(Map.of(LanguageDates.FORMAT_NAME, LanguageDates.DateFormatFactory.INSTANCE));
        cfg.setCustomNumberFormats(Map.of(LanguageDates.FORMAT_NAME, LanguageDates.NumberFormatFactory.INSTANCE));
        cfg.setDateFormat(dateFormat(site.dateFormat(), languages));
        // In Latin digits FreeMarker's own format, exactly as before; other digits through the engine's.
        cfg.setNumberFormat(languages.stream().allMatch(language -> language.digits() == LanguageFormat.Digits.LATIN)
                ? "computer" : "@" + LanguageDates.FORMAT_NAME);
        cfg.setBooleanFormat("c");
        cfg.setTabSize(1); // so that reported columns count characters
        // Parsed once and kept: #import and #include must find the very templates that were given
        // their loop checks, never a fresh parse of the same text.
        cfg.setCacheStorage(new StrongCacheStorage());
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        // What t() reads: set before any render, and never changed.
        cfg.setCustomAttribute(MessageFunction.MESSAGES, Messages.read(templates, languages, messageProblems));
        this.configuration = cfg;
    }

    /** The settings of the templates whose names match {@code glob}: their output format and locale, where not null. */
    private static ConditionalTemplateConfigurationFactory formatOf(String glob, EscapingFormat format, Locale locale, Configuration cfg) {
        TemplateConfiguration settings = new TemplateConfiguration();
        settings.setParentConfiguration(cfg);
        if (format != null) {
            settings.setOutputFormat(format);
        }
        if (locale != null) {
            settings.setLocale(locale);
        }
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), settings);
    }

    /**
     * {@code ${date}}'s format: the site's pattern written by the engine's tables
     * ({@link LanguageDates}) when every language of the site has them and the pattern uses only
     * the letters they write, so that month names and digits are the same on every JDK; otherwise
     * the pattern as Java's {@code SimpleDateFormat} writes it in the language.
     */
    private static String dateFormat(String pattern, List<LanguageFormat> languages) {
        boolean tables = languages.stream().allMatch(language -> LanguageDates.of(language.code()).isPresent());
        return tables && LanguageDates.problemOf(pattern).isEmpty() ? "@" + LanguageDates.FORMAT_NAME + " " + pattern : pattern;
    }

    /** Parses every template, reporting each syntax error at its place. */
    public List<Diagnostic> compileAll() {
        return compiled().problems();
    }

    private Compiled compiled() {
        Compiled done = compiled;
        if (done == null) {
            synchronized (this) {
                done = compiled;
                if (done == null) {
                    done = compile();
                    compiled = done;
                }
            }
        }
        return done;
    }

    /**
     * Every template parsed, with an element at the start of every loop body that checks for
     * interruption (FreeMarker's own post-processor, published through {@code _CoreAPI} for
     * exactly this use): then even an empty endless loop passes through {@link PageGuard} on each
     * turn, where a render that ran out of time is stopped. Done once, before any render.
     */
    private Compiled compile() {
        Map<String, Template> templates = new HashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        problems.addAll(messageProblems);
        for (String name : sources.keySet()) {
            if (Messages.isMessageFile(name)) {
                continue;
            }
            parse(name, problems).ifPresent(template -> {
                _CoreAPI.addThreadInterruptedChecks(template);
                templates.put(name, template);
            });
        }
        return new Compiled(Map.copyOf(templates), List.copyOf(problems));
    }

    Optional<Template> template(String name, List<Diagnostic> problems) {
        Template template = compiled().templates().get(name);
        if (template != null) {
            return Optional.of(template);
        }
        Optional<Diagnostic> failed = compiled().problems().stream().filter(d -> d.path().equals(SourceLayout.TEMPLATES + "/" + name))
                .findFirst();
        if (failed.isPresent()) {
            problems.add(failed.get());
            return Optional.empty();
        }
        parse(name, problems); // not one of the templates: reports that it cannot be found
        return Optional.empty();
    }

    /**
     * Renders {@code template} into {@code out}, watched by {@code guard}: it sees every element the
     * template runs, and stops the render when it must.
     */
    static void process(Template template, Object dataModel, Writer out, ObjectWrapper wrapper, PageGuard guard)
            throws TemplateException, IOException {
        Environment environment = template.createProcessingEnvironment(dataModel, out, wrapper);
        environment.setTemplateProcessingTracer(guard);
        environment.process();
    }

    private Optional<Template> parse(String name, List<Diagnostic> problems) {
        try {
            return Optional.of(configuration.getTemplate(name));
        } catch (ParseException e) {
            String file = e.getTemplateName() == null ? name : e.getTemplateName();
            problems.add(Diagnostic.error(DiagnosticCode.TEMPLATE_SYNTAX, new Position(SourceLayout.TEMPLATES + "/" + file, e.getLineNumber(),
                    e.getColumnNumber()), "template syntax error: " + editorMessage(e.getEditorMessage())));
        } catch (IOException e) {
            problems.add(Diagnostic.error(DiagnosticCode.TEMPLATE_SYNTAX, Position.startOf(SourceLayout.TEMPLATES + "/" + name),
                    "template cannot be read: " + editorMessage(e.getMessage())));
        }
        return Optional.empty();
    }

    /** The sources this engine was built from, to tell which changed. */
    public Map<String, SourceFile> sources() {
        return sources;
    }

    /** The revision of every template, by name. */
    Map<String, TemplateRevision> revisions() {
        Map<String, TemplateRevision> made = revisions;
        if (made == null) {
            made = TemplateRevision.of(sources); // the same result on any thread, so a race only repeats the work
            revisions = made;
        }
        return made;
    }

    /** The longest template message an editor is shown; FreeMarker's can run to many kilobytes. */
    static final int MOST_MESSAGE_CHARACTERS = 400;
    private static final String NESTED_START = "---begin-message---";
    private static final String NESTED_END = "---end-message---";
    private static final Pattern PLACE = Pattern.compile("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]");
    private static final Pattern WRAPPER = Pattern.compile("\\s*\\(wrapper: [^)]*\\)");
    private static final Pattern LOADER = Pattern.compile("\\s*The name was interpreted by this TemplateLoader:.*?(}\\)\\.|$)");
    private static final Pattern NEW_REFUSED = Pattern.compile("Instantiating \\S+ is not allowed in the template for security reasons\\.?");
    /**
     * A Java class name, whole ({@code dev.explainer.render.EntryModel}) or as FreeMarker shortens
     * it ({@code f.t.SimpleScalar}); only under the packages a class here can come from, so that
     * a template expression such as {@code entry.party.Name} is left as it is.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:dev|freemarker|f|java|javax|jdk|sun|com|org)\\.(?:[a-z_$][a-z0-9_$]*\\.)+([A-Z][A-Za-z0-9_$]*)\\b");
    private static final Map<String, String> PLAIN_WORDS = Map.of(
            "EntryModel", "an entry", "SimpleScalar", "a text", "SimpleSequence", "a list", "SimpleHash", "a hash",
            "SimpleNumber", "a number", "SimpleDate", "a date");

    /**
     * A FreeMarker message in an editor's words, on one line: the problem and the expression it
     * is about, without tips, the template and place (the diagnostic gives them), FreeMarker's
     * "(wrapper: ...)" notes, its template loader, or Java class names; of messages nested in
     * one another (a template made with {@code ?interpret}) only the innermost; and no longer
     * than {@link #MOST_MESSAGE_CHARACTERS}.
     */
    public static String editorMessage(String message) {
        String text = message == null ? "" : message;
        int nested = text.lastIndexOf(NESTED_START);
        if (nested >= 0) {
            text = text.substring(nested + NESTED_START.length());
            int end = text.indexOf(NESTED_END);
            text = end >= 0 ? text.substring(0, end) : text;
        }
        int tips = text.indexOf("\n----");
        if (tips >= 0) {
            text = text.substring(0, tips);
        }
        text = text.replaceAll("\\s*\\n\\s*", " ").replace("==> ", "");
        text = PLACE.matcher(text).replaceAll("");
        text = WRAPPER.matcher(text).replaceAll("");
        text = LOADER.matcher(text).replaceAll("");
        text = NEW_REFUSED.matcher(text).replaceAll("?new is not allowed: templates cannot create objects");
        text = CLASS_NAME.matcher(text).replaceAll(name -> PLAIN_WORDS.getOrDefault(name.group(1), "a value"));
        text = text.trim();
        if (text.length() > MOST_MESSAGE_CHARACTERS) {
            text = text.substring(0, MOST_MESSAGE_CHARACTERS - 1).trim() + "\u2026";
        }
        return text;
    }

    /** Where a template error happened, as a diagnostic position. */
    static Position positionOf(TemplateException e, String fallbackTemplate) {
        String name = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : fallbackTemplate;
        int interpreted = name.indexOf("->");
        if (interpreted >= 0) {
            name = name.substring(0, interpreted); // "page.ftlh->anonymous_interpreted": made by ?interpret in page.ftlh
        }
        Integer line = e.getLineNumber();
        Integer column = e.getColumnNumber();
        return new Position(SourceLayout.TEMPLATES + "/" + name, line == null ? 1 : line, column == null ? 1 : column);
    }

    /** Values reach templates through {@link Models}; FreeMarker itself may wrap plain text, and nothing else. */
    private static final class RefusingWrapper implements freemarker.template.ObjectWrapper {
        @Override
        public freemarker.template.TemplateModel wrap(Object value) throws TemplateModelException {
            if (value == null) {
                return null;
            }
            if (value instanceof freemarker.template.TemplateModel model) {
                return model;
            }
            if (value instanceof String text) {
                return new freemarker.template.SimpleScalar(text);
            }
            throw new TemplateModelException("a " + value.getClass().getSimpleName() + " cannot be shown in a template");
        }
    }
}
