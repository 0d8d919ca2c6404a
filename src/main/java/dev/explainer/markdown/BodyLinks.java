package dev.explainer.markdown;

import dev.explainer.diagnostic.DiagnosticCode;
import dev.explainer.text.LinkSchemes;
import dev.explainer.text.PathSegments;
import dev.explainer.text.Suggestions;

import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Optional;

/**
 * Where each link of a body goes, as flexmark's link resolver: an internal link must reach a page
 * or asset of the site and becomes relative to the root ({@link MarkdownRenderer#ROOT}); a link
 * with a scheme other than http, https, mailto or tel is an error and never reaches the output,
 * however it is encoded. Problems go to the body's {@link BodyState}.
 */
final class BodyLinks {
    /** What the scan of {@link #percentEncoded} may keep: those flexmark's {@link Escaping#percentEncodeUrl} keeps. */
    private static final BitSet URL_CHARACTERS = new BitSet(128);

    static {
        ":/?#@!$&'()*+,;=-._~".chars().forEach(URL_CHARACTERS::set);
        URL_CHARACTERS.set('a', 'z' + 1);
        URL_CHARACTERS.set('A', 'Z' + 1);
        URL_CHARACTERS.set('0', '9' + 1);
    }

    private BodyLinks() {
    }

    static ResolvedLink resolve(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        BodyState state = BodyState.KEY.get(context.getDocument());
        if (state == null) {
            return link;
        }
        if (node instanceof RefNode reference && !reference.isDefined()) {
            // "[sic]", "[1]" with no definition of that label: text, as CommonMark says; flexmark
            // asks the resolver anyway, and would make a link of whatever it answers
            return link;
        }
        if (node instanceof MailLink) {
            // an e-mail address that autolinking found; flexmark adds the "mailto:"
            return link.withUrl(percentEncoded(link.getUrl()));
        }
        String url = link.getUrl();
        String probe = LinkSchemes.normalise(url);
        Optional<String> scheme = LinkSchemes.schemeOfNormalised(probe);
        if (scheme.isPresent()) {
            if (LinkSchemes.SAFE.contains(scheme.get())) {
                return link.withUrl(percentEncoded(url));
            }
            state.error(node, DiagnosticCode.UNSAFE_LINK, LinkSchemes.refusal(scheme.get()) + "; remove the link");
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (probe.startsWith("//")) {
            return link.withUrl(percentEncoded(url)); // protocol-relative: another site
        }
        if (probe.startsWith("www.")) {
            return link.withUrl(percentEncoded("https://" + url.strip())); // a bare web address, as autolinks find them
        }
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        int question = beforeFragment.indexOf('?');
        String path = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        // the query and fragment as written, encoded where the author did not (a space, a letter beyond ASCII)
        String rest = percentEncoded(beforeFragment.substring(path.length()) + (hash < 0 ? "" : "#" + fragment));
        if (path.isEmpty()) {
            state.pagePath.ifPresent(page -> state.fragment(node, page, fragment));
            return link.withUrl(rest);
        }
        String sitePath;
        if (path.startsWith("/")) {
            sitePath = path;
        } else if (state.pagePath.isPresent()) {
            sitePath = resolveRelative(state.pagePath.get(), path);
        } else {
            state.error(node, DiagnosticCode.BROKEN_LINK, "relative link '" + url + "' in an entry without a page of its own; "
                    + sitePathHint(state.targets, path, url.substring(path.length())));
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        String decoded = URLDecoder.decode(sitePath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<LinkTargets.Target> target = state.targets.find(decoded);
        if (target.isEmpty() && state.targets.mayBeUnread(decoded)) {
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (target.isEmpty() && state.targets.isDraft(decoded)) {
            state.error(node, DiagnosticCode.DRAFT_LINK, "link to '" + url + "': that page is a draft (draft: true), left out of the published site;"
                    + " publish it, or remove the link");
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (target.isEmpty()) {
            String hint = Suggestions.closest(decoded, state.targets.paths()).map(s -> "; did you mean '" + s + "'?").orElse("");
            state.error(node, DiagnosticCode.BROKEN_LINK, "link to '" + url + "': no page or asset has the path " + decoded + hint);
            return link.withUrl("#").withStatus(LinkStatus.INVALID);
        }
        if (!fragment.isEmpty()) {
            state.fragment(node, target.get().sitePath(), fragment);
        }
        // The output file is a file name, not a URL: a '%' in it is a percent sign.
        String file = percentEncoded(target.get().outputFile().replace("%", "%25"));
        return link.withUrl(MarkdownRenderer.ROOT + file + rest).withStatus(LinkStatus.VALID);
    }

    /**
     * The URL with what may not stand in one percent-encoded (a space, a letter beyond ASCII, a
     * stray '%'), as flexmark's option to encode URLs would; an existing {@code %XX} stays.
     * Nearly every URL needs nothing, so a scan spares them flexmark's regular expression.
     */
    static String percentEncoded(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean kept = c < 0x80 && URL_CHARACTERS.get(c)
                    || c == '%' && i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2));
            if (!kept) {
                return Escaping.percentEncodeUrl(url);
            }
        }
        return url;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** A relative link's site path, from the page it is on. */
    /**
     * The fix for a relative link that has no page to start from: the page it names when read
     * from the site root, if the site has one, so the editor can copy it; else the form of a site path.
     */
    private static String sitePathHint(LinkTargets targets, String path, String queryAndFragment) {
        String fromRoot = resolveRelative("/", path);
        Optional<LinkTargets.Target> target = targets.find(URLDecoder.decode(fromRoot.replace("+", "%2B"), StandardCharsets.UTF_8));
        return target.map(page -> "write the site path '" + fromRoot + queryAndFragment + "'")
                .orElse("write the site path, such as '/about/'");
    }

    static String resolveRelative(String pagePath, String relative) {
        String base = pagePath.endsWith("/") ? pagePath : pagePath.substring(0, pagePath.lastIndexOf('/') + 1);
        String joined = PathSegments.removeDotSegments(base + relative);
        return joined.startsWith("/") ? joined : "/" + joined;
    }
}
