package dev.explainer.markdown;

import dev.explainer.diagnostic.Diagnostic;
import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.diagnostic.Position;
import dev.explainer.load.RawEntry;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What rendering one body gathers: its problems, its fragment links and the texts set aside for
 * splicing. It travels on the parsed document ({@link #KEY}), because flexmark's renderer and
 * link resolver are shared by every body and reach a document's state only through it.
 */
final class BodyState {
    static final NullableDataKey<BodyState> KEY = new NullableDataKey<>("EXPLAINER_LINK_STATE");

    final RawEntry.Body body;
    /** Where each offset of the text flexmark parsed stands in the body. */
    final SourceOffsets offsets;
    final Optional<String> pagePath;
    final LinkTargets targets;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<RenderedMarkdown.FragmentLink> fragmentLinks = new ArrayList<>();
    /** Set aside by {@link PlainText#render}, by marker index. */
    final List<String> texts = new ArrayList<>();

    BodyState(RawEntry.Body body, SourceOffsets offsets, Optional<String> pagePath, LinkTargets targets) {
        this.body = body;
        this.offsets = offsets;
        this.pagePath = pagePath;
        this.targets = targets;
    }

    /** The position in the file of an offset in the parsed text. */
    Position position(int offset) {
        return body.positionOf(offsets.toBody(offset));
    }

    void error(Node node, DiagnosticCode code, String message) {
        diagnostics.add(Diagnostic.error(code, position(node.getStartOffset()), message));
    }

    void fragment(Node node, String sitePath, String fragment) {
        fragmentLinks.add(new RenderedMarkdown.FragmentLink(position(node.getStartOffset()), sitePath, fragment));
    }
}
