package dev.explainer.markdown;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.load.ImageFile;
import dev.explainer.text.LinkSchemes;
import dev.explainer.text.Suggestions;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Images in Markdown ({@code ![A map of the region](region.png)}), rendered as an {@code img}
 * with the width and height read from the file, so that the page does not shift while it loads,
 * and the fingerprinted name it is published under. The file is one of {@code content/}: beside
 * the Markdown file (a path relative to it), or in the site's media folder (a path from the site
 * root, {@code /media/region.png}). Every image needs alt text; one that is only decoration says
 * so with {@code ![""](…)} and gets an empty {@code alt}. Anything else is an error at the image.
 */
final class Images {
    /** What an editor writes in the brackets for an image that is only decoration. */
    static final String DECORATIVE = "\"\"";

    private Images() {
    }

    static void render(Image node, NodeRendererContext context, HtmlWriter html) {
        BodyState state = BodyState.KEY.get(context.getDocument());
        if (state == null) {
            context.delegateRender();
            return;
        }
        write(node, node.getText(), node.getUrl().unescape(), node.getTitle(), state, html);
    }

    static void renderReference(ImageRef node, NodeRendererContext context, HtmlWriter html) {
        BodyState state = BodyState.KEY.get(context.getDocument());
        if (state == null || !node.isDefined()) {
            context.delegateRender(); // "![text][label]" with no such label is text, as CommonMark says
            return;
        }
        Reference reference = node.getReferenceNode(context.getDocument());
        write(node, node.getText(), reference.getUrl().unescape(), reference.getTitle(), state, html);
    }

    private static void write(Node node, BasedSequence altSource, String url, BasedSequence title, BodyState state, HtmlWriter html) {
        StringBuilder collected = new StringBuilder();
        collectAlt(node, collected);
        String alt = collected.toString().strip();
        boolean decorative = altSource.toString().strip().equals(DECORATIVE);
        Optional<ImageFile> image = find(node, url, state);
        if (!decorative && alt.isBlank()) {
            state.error(node, DiagnosticCode.IMAGE_ALT, "image '" + url + "' has no alt text; describe it in the brackets for readers"
                    + " who cannot see it, as in ![A map of the region](" + url + "), or write ![" + DECORATIVE + "](" + url
                    + ") for an image that is only decoration");
        }
        if (image.isEmpty()) {
            return; // the build stops at the error; nothing half-made is shown
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : BodyLinks.percentEncoded(url.substring(hash));
        // The output file is a file name, not a URL: a '%' in it is a percent sign.
        html.attr("src", MarkdownRenderer.ROOT + BodyLinks.percentEncoded(image.get().outputPath().replace("%", "%25")) + fragment);
        html.attr("alt", decorative ? "" : alt);
        if (title.isNotNull() && !title.isEmpty()) {
            html.attr("title", title.unescape());
        }
        html.attr("width", Integer.toString(image.get().width()));
        html.attr("height", Integer.toString(image.get().height()));
        html.attr("loading", "lazy");
        html.attr("decoding", "async");
        html.withAttr().tagVoid("img");
    }

    /**
     * The description as plain text, as a reader of the page would read it: emphasis and links
     * give their text, typographic quotes and dashes their characters, raw HTML its source
     * (flexmark's own collector drops the quotes, so "the “old” town" would lose them).
     */
    private static void collectAlt(Node node, StringBuilder alt) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TypographicQuotes quotes) {
                alt.append(Escaping.unescapeHtml(quotes.getTypographicOpening()));
                collectAlt(child, alt);
                alt.append(Escaping.unescapeHtml(quotes.getTypographicClosing()));
            } else if (child instanceof TypographicSmarts smarts) {
                alt.append(Escaping.unescapeHtml(smarts.getTypographicText()));
            } else if (child instanceof Text || child instanceof HtmlInline || child instanceof HtmlEntity) {
                alt.append(Escaping.unescapeString(child.getChars()));
            } else if (child instanceof Code code) {
                alt.append(code.getText());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                alt.append(' ');
            } else {
                collectAlt(child, alt);
            }
        }
    }

    /** The image file {@code url} names, if it can be published; otherwise an error at the image. */
    private static Optional<ImageFile> find(Node node, String url, BodyState state) {
        String probe = LinkSchemes.normalise(url);
        Optional<String> scheme = LinkSchemes.schemeOfNormalised(probe);
        if (scheme.isPresent() && !LinkSchemes.SAFE.contains(scheme.get())) {
            state.error(node, DiagnosticCode.UNSAFE_LINK, LinkSchemes.refusal(scheme.get()) + "; remove the image");
            return Optional.empty();
        }
        if (scheme.isPresent() || probe.startsWith("//") || probe.startsWith("www.")) {
            state.error(node, DiagnosticCode.IMAGE, "image '" + url + "' is on another site, so the build cannot read its size and"
                    + " readers' browsers would fetch it from there; save it beside this file and write its name, as in ![…](photo.jpg)");
            return Optional.empty();
        }
        int end = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String written = URLDecoder.decode(url.substring(0, end).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (written.isEmpty()) {
            state.error(node, DiagnosticCode.IMAGE, "image without a file; write the image's file name in the parentheses, as in"
                    + " ![A map of the region](region.png)");
            return Optional.empty();
        }
        Optional<String> source = written.startsWith("/") ? inMediaFolder(node, url, written, state) : besideBody(node, url, written, state);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Optional<ImageFile> image = state.targets.image(source.get());
        if (image.isEmpty()) {
            String hint = ImageFile.isImageName(source.get())
                    ? Suggestions.closest(source.get(), state.targets.imagePaths()).map(s -> "; did you mean " + s + "?")
                    .orElse("; put the image there, or fix the path")
                    : "; an image must be a PNG, JPEG, GIF, WebP or SVG file (.png, .jpg, .jpeg, .gif, .webp, .svg)";
            state.error(node, DiagnosticCode.IMAGE, "image '" + url + "': there is no image file " + source.get() + hint);
            return Optional.empty();
        }
        if (image.get().problem().isPresent()) {
            state.error(node, DiagnosticCode.IMAGE, "image '" + url + "': " + source.get() + " " + image.get().problem().get());
            return Optional.empty();
        }
        return image;
    }

    /** A path from the site root: a file of the media folder ({@code /media/region.png}). */
    private static Optional<String> inMediaFolder(Node node, String url, String written, BodyState state) {
        Optional<String> media = state.targets.mediaFolder();
        if (media.isPresent() && written.startsWith("/" + media.get() + "/")) {
            return inside(node, url, "content", written.substring(1), state);
        }
        boolean asset = state.targets.find(written).filter(target -> written.startsWith("/assets/")).isPresent();
        String fix = asset ? "it is a file of templates/assets/, whose size the build does not read; move it into content/, beside this file"
                + (media.isPresent() ? " or into the media folder content/" + media.get() + "/" : "")
                : media.isPresent() ? "a path starting with '/' names a file of the media folder, content/" + media.get()
                + "/ (as '/" + media.get() + "/photo.jpg'); write such a path, or one relative to this file (as 'photo.jpg' for an image beside it)"
                : "a path starting with '/' names a file of the media folder, and the site declares none; write the path relative"
                + " to this file (as 'photo.jpg' for an image beside it), or declare 'media: media' in content/site.yaml";
        state.error(node, DiagnosticCode.IMAGE, "image '" + url + "': " + fix);
        return Optional.empty();
    }

    /** A path relative to the Markdown file's folder. */
    private static Optional<String> besideBody(Node node, String url, String written, BodyState state) {
        String file = state.body.file().path();
        String folder = file.substring(0, file.lastIndexOf('/') + 1);
        return inside(node, url, folder.substring(0, folder.length() - 1), written, state);
    }

    /**
     * {@code relative} from {@code base}, its '.' and '..' parts resolved, as a path of
     * {@code content/}; an error if it would leave that folder.
     */
    private static Optional<String> inside(Node node, String url, String base, String relative, BodyState state) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : base.split("/")) {
            parts.addLast(part);
        }
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.size() <= 1) {
                    state.error(node, DiagnosticCode.IMAGE, "image '" + url + "' leads out of the content/ folder, and the build reads no"
                            + " image from outside it; copy the image beside this file and write its name");
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }
}
