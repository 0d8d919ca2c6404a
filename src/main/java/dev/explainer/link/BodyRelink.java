package dev.explainer.link;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.Diagnostics;
import dev.explainer.markdown.MarkdownRenderer;
import dev.explainer.markdown.RenderedMarkdown;
import dev.explainer.markdown.ShortcodeCall;
import dev.explainer.validate.ValidEntry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quick run, for the live preview's common case: since the last run only Markdown bodies
 * changed. Every route, reference, order, page and structural problem then stands; only the
 * changed bodies are rendered, and their entries replaced wherever the site holds them
 * ({@link EntrySwap}).
 */
final class BodyRelink {
    /** Beyond this many changed bodies, a full run is as quick. */
    private static final int MOST_BODIES_RELINKED = 64;

    private BodyRelink() {
    }

    /**
     * The quick run, if it applies: the same settings as the last run (config, template names,
     * assets, unreadable collections, drafts) and the same entries in the same order, each with
     * the same fields written at the same places ({@link ValidEntry#sameFieldsAs}), so the same
     * routes, references, order and structural problems, positions included.
     */
    static Optional<Linker.Result> relink(MarkdownRenderer markdown, LinkCache.Inputs inputs, LinkCache cache) {
        if (cache.last.isEmpty()) {
            return Optional.empty();
        }
        LinkCache.LastRun last = cache.last.get();
        List<ValidEntry> before = last.inputs().entries();
        List<ValidEntry> entries = inputs.entries();
        if (entries.size() != before.size() || !inputs.sameSettingsAs(last.inputs())) {
            return Optional.empty();
        }
        BitSet newBodies = new BitSet(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ValidEntry now = entries.get(i);
            ValidEntry was = before.get(i);
            if (!now.sameFieldsAs(was)) {
                return Optional.empty();
            }
            if (now.raw().body().isPresent() && !Bodies.sameSource(now.raw().body().get(), was.raw().body().get())) {
                newBodies.set(i);
            }
        }
        // The same keys and drafts in the same places: the site holds the entries at the same places as last time.
        List<ValidEntry> published = new ArrayList<>(last.publishedAt().length);
        List<ValidEntry> changed = new ArrayList<>();
        for (int at : last.publishedAt()) {
            ValidEntry now = entries.get(at);
            published.add(now);
            if (newBodies.get(at)) {
                if (changed.size() == MOST_BODIES_RELINKED) {
                    return Optional.empty();
                }
                changed.add(now);
            }
        }

        Site site = last.site();
        Map<String, Bodies.Rendered> rendered = Bodies.render(markdown, changed,
                entry -> site.entry(entry.collection(), entry.id()).flatMap(Entry::sitePath).map(Route::pageOf), site.sitePaths(),
                inputs.shortcodes(), cache.bodies.validFor(site.sitePaths(), markdown.rawHtml(), inputs.shortcodes()));
        for (ValidEntry entry : changed) {
            // A shortcode's reference is a reference like a field's: who refers to whom, and the
            // problems with their positions, are the structure this quick run keeps.
            List<ShortcodeCall.Reference> referredBefore = ShortcodeCall.references(site.entry(entry.collection(), entry.id()).orElseThrow().shortcodes());
            if (!referredBefore.equals(ShortcodeCall.references(rendered.get(entry.key()).markdown().shortcodes()))) {
                return Optional.empty();
            }
        }
        Set<String> changedFiles = new HashSet<>();
        changed.forEach(entry -> changedFiles.add(entry.raw().path()));
        Diagnostics bodyProblems = new Diagnostics();
        last.bodyProblems().stream().filter(d -> !changedFiles.contains(d.path())).forEach(bodyProblems::add);
        List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
        site.fragmentLinks().stream().filter(f -> !changedFiles.contains(f.position().path())).forEach(fragmentLinks::add);
        Map<String, Entry> replaced = new HashMap<>();
        long revision = cache.nextRevision;
        for (ValidEntry entry : changed) {
            Entry old = site.entry(entry.collection(), entry.id()).orElseThrow();
            RenderedMarkdown body = rendered.get(entry.key()).markdown();
            bodyProblems.addAll(body.diagnostics());
            fragmentLinks.addAll(body.fragmentLinks());
            if (!old.holds(entry.key(), entry.raw().idPosition(), entry.data(), body.html(), body.shortcodes(), old.sitePath())) {
                replaced.put(entry.key(), new Entry(entry.collection(), entry.id(), entry.raw().idPosition(), entry.data(), body.html(),
                        body.shortcodes(), old.sitePath(), entry.key(), revision++));
            }
        }
        fragmentLinks.sort(Linker.FRAGMENT_ORDER);
        Site relinked = EntrySwap.swap(site, replaced, List.copyOf(fragmentLinks));
        List<Diagnostic> sortedBodyProblems = bodyProblems.sorted();
        LinkCache next = new LinkCache(Optional.of(new LinkCache.LastRun(inputs, relinked, last.publishedAt(), last.structural(),
                sortedBodyProblems)), cache.routes, cache.bodies.with(rendered), revision);
        return Optional.of(new Linker.Result(relinked, List.copyOf(published), Linker.all(last.structural(), sortedBodyProblems), next));
    }
}
