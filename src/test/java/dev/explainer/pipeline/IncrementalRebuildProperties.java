package dev.explainer.pipeline;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.load.ChangedFiles;
import dev.explainer.output.OutputFile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The live preview's promise: after any sequence of edits, a builder that rebuilds incrementally
 * ({@link SiteBuilder#forRebuilds()}, one instance for the whole sequence, told what changed as
 * the preview's file watcher tells it) gives exactly what a fresh {@code new SiteBuilder()} gives
 * on the same files: the same diagnostics, in the same order, and the same output files, path
 * for path and byte for byte.
 *
 * <p>Each try starts from the {@link EditableSite} (collections of Markdown files and data
 * files, references both ways, a matrix, a menu, partials, a collection listing, a change log
 * and its feed) and applies one to eight {@link SiteEdit}s: fields, bodies, new and deleted
 * entries, references to existing and missing ids, templates, partials, schemas, site.yaml,
 * assets, files broken and repaired later. After each edit (or a few edits saved together, as
 * a branch switch saves them) it rebuilds, telling the builder exactly which files changed, or
 * some of them and "maybe others", or nothing ({@link ChangedFiles#unknown()}), and compares
 * with a fresh build; some edits are then undone, as an editor takes back a mistake the preview
 * shows, and compared again. A failure shows the edits as applied, shrunk by QuickTheories to
 * few and simple ones, and what differs. Sequences written by hand come first, each aimed at one
 * kind of input a page can depend on, which random sequences reach only now and then.
 *
 * <p>The seed is fixed, so that every run (and CI) tries the same sequences:
 * {@code -Dexplainer.seed=N} tries others, {@code -Dexplainer.tries=N} more of them (40 by
 * default, some 10 s), {@code -Dexplainer.edits=N} longer ones (up to 8 edits by default),
 * {@code -Dexplainer.shrinks=N} shrinks a failure for longer (500 steps by default).
 */
class IncrementalRebuildProperties {
    /** The preview builds with its own address as the base URL. */
    private static final URI PREVIEW = URI.create("http://127.0.0.1:8080/");

    @Test
    void everyRebuildGivesWhatAFreshBuildGives() {
        qt().withFixedSeed(Long.getLong("explainer.seed", 20151023L))
                .withExamples(Integer.getInteger("explainer.tries", 40))
                .withShrinkCycles(Integer.getInteger("explainer.shrinks", 500))
                .forAll(sequences())
                .checkAssert(IncrementalRebuildProperties::rebuildsMatchFreshBuilds);
    }

    /**
     * Sequences written by hand, each aimed at one thing a page can depend on, or one way a
     * rebuild can go wrong, that random sequences reach only now and then: checked on every run.
     */
    @TestFactory
    Stream<DynamicTest> chosenSequencesGiveWhatAFreshBuildGives() {
        return chosenSequences().entrySet().stream()
                .map(chosen -> DynamicTest.dynamicTest(chosen.getKey(), () -> rebuildsMatchFreshBuilds(chosen.getValue())));
    }

    private static Map<String, Sequence> chosenSequences() {
        Map<String, Sequence> chosen = new LinkedHashMap<>();
        chosen.put("the breadcrumbs of pages below a page show its new title", each(
                new SiteEdit.Put("pages", "people", "title", "\"About us\"")));
        chosen.put("the change log and its feed list a change added, changed and removed", each(
                new SiteEdit.Put("people", "ann", "changes", EditableSite.CHANGE_ONE),
                new SiteEdit.Put("people", "ann", "changes", EditableSite.CHANGE_TWO),
                new SiteEdit.Put("people", "ann", "changes", null)));
        chosen.put("a quote that no longer matches its source is still reported after a body edit", each(
                new SiteEdit.Put("quotes", "bob-bye", "kind", "direct"),
                new SiteEdit.PutBody("people", "bob", "Bob is *very* blue."),
                new SiteEdit.Put("quotes", "bob-bye", "kind", "reported")));
        chosen.put("two stances swap their places in the matrix", each(new SiteEdit.SwapStances(0, 0)));
        chosen.put("a field added to an entry shows where its fields are listed", each(
                new SiteEdit.Put("people", "bob", "born", "1970-01-02")));
        chosen.put("a body edit shows on the page that lists the bodies", each(
                new SiteEdit.PutBody("people", "cy", "Cy is *green*.")));
        chosen.put("a reference moved to another entry moves its referrer", each(
                new SiteEdit.Put("people", "bob", "party", "reds")));
        chosen.put("an entry added first to a collection without pages shows where the collection is listed", each(
                new SiteEdit.AddEntry(EditableSite.COLLECTIONS.indexOf(EditableSite.collection("sources")), 0, 0)));
        chosen.put("an entry looked up by id changes", each(
                new SiteEdit.UseTemplate("person.ftlh", 1), new SiteEdit.Put("parties", "reds", "name", "\"Purple & Co\"")));
        chosen.put("a heading that other pages link to goes and comes back", each(
                new SiteEdit.PutBody("pages", "about", "Plain text."),
                new SiteEdit.PutBody("pages", "about", "## History\n\nIt began [at home](/).")));
        chosen.put("a link to a heading removed from a body, then the heading", each(
                new SiteEdit.PutBody("people", "ann", "Plain text."), new SiteEdit.PutBody("pages", "about", "Plain text.")));
        chosen.put("a shortcode names an entry, which changes, then another entry, then none", each(
                new SiteEdit.PutBody("pages", "about", "A card: {{< card who=\"ann\" >}} and [Bob](/people/bob/)."),
                new SiteEdit.Put("people", "ann", "name", "\"Anna\""),
                new SiteEdit.UseTemplate("shortcodes/card.ftlh", 1),
                new SiteEdit.PutBody("pages", "about", "{{< card who=\"bob\" >}}\n\n{{< note kind=\"tip\" >}}\nSee **[Ann](/people/ann/)**"
                        + " {{< card who=\"ann\" >}}.\n{{< /note >}}"),
                new SiteEdit.Put("parties", "reds", "name", "\"Purple & Co\""),
                new SiteEdit.UseTemplate("shortcodes/note.ftlh", 1),
                new SiteEdit.PutBody("pages", "about", "{{< card who=\"nobody\" >}} and {{< nothing >}}."),
                new SiteEdit.PutBody("pages", "about", "Plain text.")));
        chosen.put("the stylesheet changes its hashed name on every page", each(new SiteEdit.EditAsset(0)));
        chosen.put("an image beside a person is shown, resized, broken and removed", each(
                new SiteEdit.PutBody("people", "ann", "![A map](map.svg)"), new SiteEdit.EditImage(0), new SiteEdit.EditImage(0),
                new SiteEdit.EditImage(0), new SiteEdit.EditImage(0), new SiteEdit.EditImage(0)));
        chosen.put("a template that fails on some pages, until the entry it fails on is fixed", each(
                new SiteEdit.UseTemplate("person.ftlh", 2), new SiteEdit.Put("people", "bob", "born", "1985-03-04")));
        chosen.put("a data file's syntax error, then repaired", each(
                new SiteEdit.BreakFile(EditableSite.Break.DATA_FILE_SYNTAX), new SiteEdit.PutBody("people", "ann", "Ann."),
                new SiteEdit.Repair(0)));
        chosen.put("an entry edited while site.yaml is broken, shown once it is repaired", each(
                new SiteEdit.BreakFile(EditableSite.Break.CONFIG_SYNTAX), new SiteEdit.Put("pages", "index", "title", "\"Everyone\""),
                new SiteEdit.Repair(0)));
        chosen.put("a template and a schema edited while site.yaml is missing, used once it is back", each(
                new SiteEdit.BreakFile(EditableSite.Break.CONFIG_MISSING), new SiteEdit.UseTemplate("party.ftlh", 1),
                new SiteEdit.EditSchema(EditableSite.SCHEMAS.keySet().stream().sorted().toList().indexOf("person.json"), 0),
                new SiteEdit.Repair(0)));
        chosen.put("site.yaml removed and put back", each(new SiteEdit.BreakFile(EditableSite.Break.CONFIG_MISSING), new SiteEdit.Repair(0)));
        chosen.put("a partial's syntax error, then repaired", each(
                new SiteEdit.BreakFile(EditableSite.Break.TEMPLATE_SYNTAX), new SiteEdit.Repair(0)));
        chosen.put("an entry that pages link to made a draft, and published again", each(
                new SiteEdit.Put("people", "ann", "draft", "true"), new SiteEdit.Put("people", "ann", "draft", null)));
        chosen.put("quotes moved to pages of their own, edited, and moved back", each(
                new SiteEdit.UseSetting(EditableSite.Setting.QUOTES_URL, 1),
                new SiteEdit.Put("quotes", "cy-tax", "context", null),
                new SiteEdit.UseSetting(EditableSite.Setting.QUOTES_URL, 0)));
        chosen.put("a template that a page names added, edited around, and removed", each(
                new SiteEdit.Put("pages", "about", "template", "\"extra.ftlh\""), new SiteEdit.ToggleTemplate(),
                new SiteEdit.Put("quotes", "bob-bye", "text", "\"Bye bye.\""), new SiteEdit.ToggleTemplate()));
        chosen.put("a Markdown file in a sub-folder, a swap file and a backup file come and go", each(
                new SiteEdit.BreakFile(EditableSite.Break.NESTED_FILE), new SiteEdit.BreakFile(EditableSite.Break.SWAP_FILE),
                new SiteEdit.BreakFile(EditableSite.Break.BACKUP_FILE), new SiteEdit.Repair(0), new SiteEdit.Repair(0),
                new SiteEdit.Repair(0)));
        chosen.put("raw HTML in a body, then allowed", each(
                new SiteEdit.PutBody("people", "bob", "Raw <b>HTML</b> here."), new SiteEdit.UseSetting(EditableSite.Setting.RAW_HTML, 1)));
        chosen.put("an entry others refer to deleted, and the deletion undone", new Sequence(false, false, List.of(
                new Step(new SiteEdit.DeleteEntry(EditableSite.COLLECTIONS.indexOf(EditableSite.collection("people")), 1),
                        Notice.EXACTLY, Timing.UNDONE))));
        chosen.put("three files saved at once, the watcher having lost events", new Sequence(false, false, List.of(
                new Step(new SiteEdit.Put("people", "ann", "name", "\"Zed\""), Notice.EXACTLY, Timing.WITH_THE_NEXT),
                new Step(new SiteEdit.Put("parties", "reds", "name", "\"Purple & Co\""), Notice.EXACTLY, Timing.WITH_THE_NEXT),
                new Step(new SiteEdit.UseTemplate("party.ftlh", 1), Notice.AT_LEAST, Timing.REBUILT),
                new Step(new SiteEdit.PutBody("people", "cy", "Cy."), Notice.UNKNOWN, Timing.REBUILT))));
        return chosen;
    }

    /** A sequence that rebuilds after each edit, told exactly what changed, as the preview usually is. */
    private static Sequence each(SiteEdit... edits) {
        return new Sequence(false, false, Stream.of(edits).map(edit -> new Step(edit, Notice.EXACTLY, Timing.REBUILT)).toList());
    }

    /** How the builder hears of a save: as the watcher reports a batch, or after it lost events. */
    enum Notice {
        /** Exactly these files changed, as a watcher that lost no events says. */
        EXACTLY,
        /** Some of the files that changed, and maybe others: a watcher that lost events. */
        AT_LEAST,
        /** Nothing known: every file's size and time compared. */
        UNKNOWN;

        ChangedFiles of(Set<String> changed) {
            return switch (this) {
                case EXACTLY -> ChangedFiles.exactly(changed);
                case AT_LEAST -> ChangedFiles.atLeast(everyOther(changed));
                case UNKNOWN -> ChangedFiles.unknown();
            };
        }

        private static Set<String> everyOther(Set<String> paths) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(paths));
            Set<String> some = new TreeSet<>();
            for (int i = 0; i < sorted.size(); i += 2) {
                some.add(sorted.get(i));
            }
            return some;
        }
    }

    /**
     * An edit, how the builder hears of it, whether it rebuilds now or the edit is saved with the
     * next one, and whether the editor then undoes it (and the builder rebuilds again).
     */
    record Step(SiteEdit edit, Notice notice, Timing timing) {
        @Override
        public String toString() {
            return edit + " " + (timing == Timing.WITH_THE_NEXT ? "(saved with the next)" : notice + (timing == Timing.UNDONE ? ", undone" : ""));
        }
    }

    enum Timing {
        /** Rebuilt after the edit. */
        REBUILT,
        /** Rebuilt after the edit, then the edit undone and rebuilt again: a mistake seen in the preview and taken back. */
        UNDONE,
        /** Saved together with the next edit, as a branch switch or a save-all saves many files at once. */
        WITH_THE_NEXT
    }

    /** The edits of one try, and the options of every build in it (the same for both builders). */
    record Sequence(boolean drafts, boolean previewBaseUrl, List<Step> steps) {
        BuildOptions options(Path root) {
            return new BuildOptions(root, Optional.empty(), previewBaseUrl ? Optional.of(PREVIEW) : Optional.empty(), drafts, false);
        }

        @Override
        public String toString() {
            return (drafts ? "--drafts, " : "") + (previewBaseUrl ? "base URL " + PREVIEW + ", " : "") + steps;
        }
    }

    private static Gen<Sequence> sequences() {
        Gen<Boolean> rarely = Generate.frequency(Pair.of(4, Generate.constant(false)), Pair.of(1, Generate.constant(true)));
        return rarely.zip(rarely, lists().of(step()).ofSizeBetween(1, Integer.getInteger("explainer.edits", 8)), Sequence::new);
    }

    private static Gen<Step> step() {
        Gen<Notice> notice = Generate.frequency(Pair.of(6, Generate.constant(Notice.EXACTLY)),
                Pair.of(1, Generate.constant(Notice.AT_LEAST)), Pair.of(1, Generate.constant(Notice.UNKNOWN)));
        Gen<Timing> timing = Generate.frequency(Pair.of(4, Generate.constant(Timing.REBUILT)),
                Pair.of(3, Generate.constant(Timing.UNDONE)), Pair.of(1, Generate.constant(Timing.WITH_THE_NEXT)));
        return edit().zip(notice, timing, Step::new);
    }

    private static Gen<SiteEdit> edit() {
        Gen<Integer> n = integers().between(0, 23);
        return Generate.frequency(List.of(
                Pair.of(8, n.zip(n, n, n, SiteEdit.SetField::new)),
                Pair.of(4, n.zip(n, SiteEdit.SetBody::new)),
                Pair.of(3, n.zip(n, n, SiteEdit.AddEntry::new)),
                Pair.of(3, n.zip(n, SiteEdit.DeleteEntry::new)),
                Pair.of(4, n.zip(n, n, n, SiteEdit.SetReference::new)),
                Pair.of(1, n.zip(n, SiteEdit.SwapStances::new)),
                Pair.of(3, n.zip(n, SiteEdit.EditTemplate::new)),
                Pair.of(3, n.zip(n, SiteEdit.EditConfig::new)),
                Pair.of(1, n.zip(n, SiteEdit.EditSchema::new)),
                Pair.of(1, n.map(SiteEdit.EditAsset::new)),
                Pair.of(1, n.map(SiteEdit.EditImage::new)),
                Pair.of(1, Generate.constant(new SiteEdit.ToggleTemplate())),
                Pair.of(1, Generate.enumValues(EditableSite.Break.class).map(SiteEdit.BreakFile::new)),
                Pair.of(1, n.map(SiteEdit.Repair::new)),
                Pair.of(1, n.map(SiteEdit.Revert::new))));
    }

    private static void rebuildsMatchFreshBuilds(Sequence sequence) {
        Path root;
        try {
            root = Files.createTempDirectory("explainer-incremental");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            SourceFolder folder = new SourceFolder(root);
            EditableSite site = new EditableSite();
            folder.update(site.files());
            BuildOptions options = sequence.options(root);
            SiteBuilder builder = SiteBuilder.forRebuilds();
            List<String> history = new ArrayList<>(List.of("0. the first build" + (sequence.drafts() ? ", with --drafts" : "")
                    + (sequence.previewBaseUrl() ? ", with the base URL " + PREVIEW : "")));
            assertSameAsFresh(builder.run(options, ChangedFiles.unknown()), options, history);
            Set<String> unsaid = new TreeSet<>();
            List<Step> steps = sequence.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                EditableSite before = site.copy();
                String did = step.edit().applyTo(site);
                Set<String> changed = folder.update(site.files());
                unsaid.addAll(changed);
                history.add((i + 1) + ". " + did + (changed.isEmpty() ? " (no file changed)" : ": " + changed));
                if (step.timing() == Timing.WITH_THE_NEXT && i < steps.size() - 1) {
                    continue;
                }
                rebuild(builder, options, step.notice(), unsaid, history);
                if (step.timing() == Timing.UNDONE) {
                    site = before;
                    Set<String> undone = folder.update(site.files());
                    unsaid.addAll(undone);
                    history.add("   undone" + (undone.isEmpty() ? " (no file changed)" : ": " + undone));
                    rebuild(builder, options, step.notice(), unsaid, history);
                }
            }
        } finally {
            deleteTree(root);
        }
    }

    /** Rebuilds, telling the builder of the files saved since the last build as {@code notice} says, and compares. */
    private static void rebuild(SiteBuilder builder, BuildOptions options, Notice notice, Set<String> unsaid, List<String> history) {
        ChangedFiles told = notice.of(unsaid);
        unsaid.clear();
        history.add("   rebuilt, told " + (told.exhaustive() ? "exactly " + new TreeSet<>(told.paths())
                : told.paths().isEmpty() ? "nothing (every file compared)" : "at least " + new TreeSet<>(told.paths())));
        assertSameAsFresh(builder.run(options, told), options, history);
    }

    private static void assertSameAsFresh(BuildResult incremental, BuildOptions options, List<String> history) {
        BuildResult fresh = new SiteBuilder().run(options);
        List<String> freshProblems = fresh.diagnostics().stream().map(Diagnostic::format).toList();
        List<String> incrementalProblems = incremental.diagnostics().stream().map(Diagnostic::format).toList();
        if (fresh.diagnostics().stream().anyMatch(d -> d.code().equals("internal-error"))) {
            fail("the fresh build met a bug of the tool:\n  " + String.join("\n  ", freshProblems) + "\nafter\n"
                    + String.join("\n", history));
        }
        if (!fresh.diagnostics().equals(incremental.diagnostics())) {
            fail("the rebuild's diagnostics differ from a fresh build's\n"
                    + "only in the fresh build:\n  " + lines(minus(freshProblems, incrementalProblems))
                    + "\nonly in the rebuild:\n  " + lines(minus(incrementalProblems, freshProblems))
                    + "\nafter\n" + String.join("\n", history));
        }
        Map<String, byte[]> expected = contents(fresh);
        Map<String, byte[]> actual = contents(incremental);
        if (!expected.keySet().equals(actual.keySet())) {
            fail("the rebuild's files differ from a fresh build's\nonly in the fresh build: "
                    + minus(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()))
                    + "\nonly in the rebuild: " + minus(List.copyOf(actual.keySet()), List.copyOf(expected.keySet()))
                    + "\nafter\n" + String.join("\n", history));
        }
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            byte[] bytes = actual.get(file.getKey());
            if (!Arrays.equals(file.getValue(), bytes)) {
                fail("the rebuild's " + file.getKey() + " differs from a fresh build's\n" + difference(file.getValue(), bytes)
                        + "\nafter\n" + String.join("\n", history));
            }
        }
    }

    /** Every output file's bytes by path; a copied asset as where it is copied from and its bytes. */
    private static Map<String, byte[]> contents(BuildResult result) {
        Map<String, byte[]> files = new TreeMap<>();
        for (OutputFile file : result.files()) {
            if (file instanceof OutputFile.Generated generated) {
                files.put(file.path(), generated.bytes());
            } else if (file instanceof OutputFile.Copied copied) {
                try {
                    byte[] from = copied.source().toString().getBytes(StandardCharsets.UTF_8);
                    byte[] bytes = Files.readAllBytes(copied.source());
                    byte[] both = Arrays.copyOf(from, from.length + 1 + bytes.length);
                    System.arraycopy(bytes, 0, both, from.length + 1, bytes.length);
                    files.put(file.path(), both);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** The two texts around where they first differ. */
    private static String difference(byte[] expected, byte[] actual) {
        String a = new String(expected, StandardCharsets.UTF_8);
        String b = new String(actual, StandardCharsets.UTF_8);
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 120);
        return "fresh build: …" + a.substring(from, Math.min(a.length(), at + 160)) + "…\nrebuild:     …"
                + b.substring(from, Math.min(b.length(), at + 160)) + "…";
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? "(none)" : String.join("\n  ", lines);
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    /**
     * The source folder of one try: writes what changed and says which files did. Every file it
     * writes gets a later time stamp than any before, as an editor's save a moment later would:
     * a builder told nothing compares sizes and times, and two saves of the same size within the
     * file system's clock tick would otherwise look like none (a limit of that fallback, not what
     * this test is about).
     */
    private static final class SourceFolder {
        private final Path root;
        private Map<String, String> written = Map.of();
        private long clock = FileTime.fromMillis(1_445_558_400_000L).toMillis(); // 23 October 2015

        SourceFolder(Path root) {
            this.root = root;
        }

        Set<String> update(Map<String, String> files) {
            Set<String> changed = new TreeSet<>();
            Set<String> paths = new TreeSet<>(written.keySet());
            paths.addAll(files.keySet());
            try {
                for (String path : paths) {
                    String before = written.get(path);
                    String now = files.get(path);
                    if (now == null) {
                        Files.delete(root.resolve(path));
                    } else if (!now.equals(before)) {
                        Path file = root.resolve(path);
                        Files.createDirectories(file.getParent());
                        Files.writeString(file, now, StandardCharsets.UTF_8);
                        clock += 1000;
                        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
                    } else {
                        continue;
                    }
                    changed.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written = Map.copyOf(files);
            return changed;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
