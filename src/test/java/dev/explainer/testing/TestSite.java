package dev.explainer.testing;

import dev.explainer.cli.Main;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny site written from text blocks into a temporary folder, in the style of Hugo's
 * integration tests: each file starts with a line {@code -- path --}. Later files replace
 * earlier ones, so a test can start from {@link #BASE} and change one file.
 */
public final class TestSite {
    private static final Pattern HEADER = Pattern.compile("(?m)^-- (\\S+) --\\n");

    /** A small valid site using every feature of the engine: folders, data files, references, anchors, a matrix. */
    public static final String BASE = """
            -- content/site.yaml --
            title: Test site
            description: A site for tests.
            base_url: https://example.org/test/
            menu:
              - {title: Home, url: /}
              - {title: People, url: /people/}
            collections:
              pages:
                folder: pages
                schema: schemas/page.json
                url: /{id}/
                template: page.ftlh
                url_field: url
                template_field: template
              people:
                folder: people
                schema: schemas/person.json
                references: {party: parties}
                url: /people/{id}/
                template: person.ftlh
                sort: [name]
              parties:
                file: parties.yaml
                schema: schemas/party.json
                url: /parties/{id}/
                template: party.ftlh
              topics:
                file: topics.yaml
                schema: schemas/topic.json
              stances:
                file: stances.yaml
                schema: schemas/stance.json
                references: {party: parties, topic: topics}
                matrix: [party, topic]
              quotes:
                file: quotes.yaml
                schema: schemas/quote.json
                references: {speaker: people}
                url: /people/#{id}
                sort: [date]
            -- content/schemas/page.json --
            {"type": "object",
             "properties": {"title": {"type": "string"}, "url": {"type": "string"}, "template": {"type": "string"}},
             "required": ["title"], "additionalProperties": false}
            -- content/schemas/person.json --
            {"type": "object",
             "properties": {"name": {"type": "string"}, "party": {"type": "string"}, "born": {"type": "string", "format": "date"}},
             "required": ["name", "party"], "additionalProperties": false}
            -- content/schemas/party.json --
            {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}
            -- content/schemas/topic.json --
            {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"], "additionalProperties": false}
            -- content/schemas/stance.json --
            {"type": "object",
             "properties": {"party": {"type": "string"}, "topic": {"type": "string"}, "text": {"type": "string"}},
             "required": ["party", "topic", "text"], "additionalProperties": false}
            -- content/schemas/quote.json --
            {"type": "object",
             "properties": {"speaker": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"}},
             "required": ["speaker", "text", "date"], "additionalProperties": false}
            -- content/pages/index.md --
            ---
            title: Welcome
            url: /
            ---
            # Start

            Meet [Ann](/people/ann/) of the [Reds](/parties/reds/#members).
            -- content/pages/people.md --
            ---
            title: Everyone
            template: people.ftlh
            ---
            All the people.
            -- content/people/ann.md --
            ---
            name: Ann
            party: reds
            born: 1970-01-02
            ---
            Ann is *red*.
            -- content/people/bob.md --
            ---
            name: Bob
            party: blues
            ---
            Bob is blue.
            -- content/parties.yaml --
            - id: reds
              name: The Reds
            - id: blues
              name: The Blues
            -- content/topics.yaml --
            - id: tax
              name: Tax
            -- content/stances.yaml --
            - id: reds-tax
              party: reds
              topic: tax
              text: Lower.
            - id: blues-tax
              party: blues
              topic: tax
              text: Higher.
            -- content/quotes.yaml --
            - id: ann-hello
              speaker: ann
              text: "Hello <world> & friends"
              date: 2015-10-23
            - id: bob-bye
              speaker: bob
              text: Bye.
              date: 2015-10-24
            -- templates/layout.ftlh --
            <#macro frame title><!DOCTYPE html>
            <html lang="${site.language}"><head><meta charset="utf-8"><title>${title}</title>
            <link rel="stylesheet" href="${href('/assets/site.css')}"></head>
            <body><nav><#list site.menu as item><a href="${item.href}">${item.title}</a></#list></nav>
            <ol class="crumbs"><#list page.breadcrumbs as c><li><a href="${c.href}">${c.title}</a></li></#list></ol>
            <main><#nested></main></body></html></#macro>
            -- templates/page.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>${entry.content}</@l.frame>
            -- templates/people.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.title><h1>${entry.title}</h1>
            <#list collections.people as p><section id="${p.id}"><h2><a href="${p.href}">${p.name}</a></h2>
            <#list p.referrers.quotes![] as q><p id="${q.id}" class="quote">${q.text} (${q.date})</p></#list></section></#list>
            </@l.frame>
            -- templates/person.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <p class="party"><a href="${entry.party.href}">${entry.party.name}</a></p>
            <#if entry.born??><p class="born">${entry.born} ${entry.born?string.iso}</p></#if>
            <div class="body">${entry.content}</div>
            <#list entry.referrers.quotes![] as q><p class="quote"><a href="${q.href}">${q.text}</a></p></#list>
            </@l.frame>
            -- templates/party.ftlh --
            <#import "layout.ftlh" as l><@l.frame title=entry.name><h1>${entry.name}</h1>
            <ul id="members"><#list entry.referrers.people![] as p><li><a href="${p.href}">${p.name}</a></li></#list></ul>
            <#list collections.topics as t><p class="stance">${t.name}: ${matrices.stances[entry.id][t.id].text}</p></#list>
            </@l.frame>
            -- templates/assets/site.css --
            body { color: black; }
            """;

    private TestSite() {
    }

    /** Writes every {@code -- path --} block of {@code spec} below {@code root}. */
    public static Path write(Path root, String spec) {
        files(spec).forEach((path, text) -> writeFile(root, path, text));
        return root;
    }

    /** The files of {@code spec} by path, in order; a later block for the same path wins. */
    private static Map<String, String> files(String spec) {
        Map<String, String> files = new LinkedHashMap<>();
        Matcher header = HEADER.matcher(spec);
        int start = -1;
        String path = null;
        while (header.find()) {
            if (path != null) {
                files.put(path, spec.substring(start, header.start()));
            }
            path = header.group(1);
            start = header.end();
        }
        if (path != null) {
            files.put(path, spec.substring(start));
        }
        return files;
    }

    private static void writeFile(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes every {@code -- path --} block of {@code spec} below {@code root} the way editors
     * save: each file is written whole elsewhere, then renamed over the old one. Whoever watches
     * the folder (the live preview) sees one change per file and never a file half-written, so
     * every state it can build is one that was on disk.
     */
    public static void save(Path root, String spec) {
        saveFiles(root, files(spec));
    }

    private static void saveFiles(Path root, Map<String, String> files) {
        Path staging = root.resolve(".saving"); // inside root: a rename is atomic only within one file system
        try {
            Files.createDirectories(staging);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path staged = Files.writeString(staging.resolve("file"), file.getValue(), StandardCharsets.UTF_8);
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces {@code search} with {@code replacement} in the file at {@code path} below
     * {@code root}, saved as {@link #save} does. Fails the test if the file does not contain
     * {@code search}: an edit that changed nothing would let the test pass for the wrong reason.
     */
    public static void edit(Path root, String path, String search, String replacement) {
        try {
            String text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
            saveFiles(root, Map.of(path, replaced(text, search, replacement)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with every {@code search} replaced; fails the test if there is none to replace. */
    public static String replaced(String text, String search, String replacement) {
        assertTrue(text.contains(search), "the text to edit has no '" + search + "':\n" + text);
        return text.replace(search, replacement);
    }

    /** The result of running the command line in-process. */
    public record Run(int exitCode, String out, String err) {
    }

    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Builds {@code root} into {@code root/site} through the command line. */
    public static Run build(Path root, String... extra) {
        String[] args = Stream.concat(Stream.of("build", "--source", root.toString()), Stream.of(extra))
                .toArray(String[]::new);
        return cli(args);
    }

    /** A Java exception's or error's name, or a stack frame: what an editor must never be shown. */
    private static final Pattern JAVA_NAMES = Pattern.compile("\\tat |\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    /**
     * Builds {@code root} as it is (which must succeed), writes {@code change}, and builds again:
     * checks that the second build failed with exit 1, printed no Java names or stack frames and
     * nothing on stdout, and left the first build's output as it was, byte for byte.
     */
    public static Run breakWith(Path root, String change) {
        Run first = build(root);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, byte[]> before = snapshot(root.resolve("site"));

        write(root, change);
        Run run = build(root);
        assertEquals(1, run.exitCode(), "exit code; stderr:\n" + run.err());
        assertFalse(JAVA_NAMES.matcher(run.err()).find(), "no Java names or stack frames: " + run.err());
        assertEquals("", run.out(), "nothing on stdout when failing");
        assertSameFiles(before, root.resolve("site"));
        return run;
    }

    /** {@code folder} holds exactly the files of {@code before}, with the same bytes. */
    public static void assertSameFiles(Map<String, byte[]> before, Path folder) {
        Map<String, byte[]> after = snapshot(folder);
        assertEquals(before.keySet(), after.keySet(), "the previous output keeps its files");
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    public static Document html(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code root} by relative path, with its bytes, for byte-for-byte comparisons. */
    public static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
